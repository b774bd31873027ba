// This file computes how the extension runs the `offer` program: the server
// command line, the CLI command lines for reports and emails, and where the
// binary lives. It does not import `vscode`, so `node --test` can exercise it
// without an editor; extension.ts feeds it the user's settings.

import * as path from "node:path";

/** The settings that shape a command line, as read from `offer.*`. */
export interface OfferSettings {
  /** The `offer.path` setting; blank means "offer" on PATH. */
  path?: string;
  /** The `offer.server.extraArgs` setting. */
  extraArgs?: readonly string[];
}

/** Facts about the machine that resolving a program path depends on. */
export interface Environment {
  platform: NodeJS.Platform;
  /** The PATH (and, on Windows, PATHEXT) variables. */
  env: Record<string, string | undefined>;
  homeDir: string;
  /** The first workspace folder, for relative `offer.path` values. */
  workspaceDir?: string;
  /** The extension's own directory, where a platform-specific package keeps `bin/offer`. */
  extensionDir?: string;
  /** Reports whether a file exists and may be executed. */
  isExecutable(file: string): boolean;
}

/** A program and its arguments, ready for child_process or the LSP client. */
export interface CommandLine {
  command: string;
  args: string[];
}

export const DEFAULT_PROGRAM = "offer";

/** The email kinds that `offer email` drafts. */
export type EmailKind = "round1" | "followup" | "accept";

/** Titles of the server's code actions that draft emails. */
export const EMAIL_ACTION_TITLES: Record<EmailKind, string> = {
  round1: "Draft round-1 email",
  followup: "Draft follow-up email",
  accept: "Draft acceptance email",
};

/** The program name the user asked for, with `~` expanded and blanks defaulted. */
export function configuredProgram(settings: OfferSettings, homeDir: string): string {
  const raw = (settings.path ?? "").trim();
  if (raw === "") {
    return DEFAULT_PROGRAM;
  }
  if (raw === "~") {
    return homeDir;
  }
  if (raw.startsWith("~/") || raw.startsWith("~\\")) {
    return path.join(homeDir, raw.slice(2));
  }
  return raw;
}

/** Whether a program name has a directory part (and so skips the PATH search). */
function hasDirectory(program: string, platform: NodeJS.Platform): boolean {
  return program.includes("/") || (platform === "win32" && program.includes("\\"));
}

/** Where the program was found: the setting, the package's own binary, or PATH. */
export type ProgramSource = "offer.path" | "bundled" | "PATH";

/** A program that was found, and how. */
export interface FoundProgram {
  program: string;
  source: ProgramSource;
}

/** The binary a platform-specific package carries, relative to the extension's directory. */
export function bundledProgram(extensionDir: string, platform: NodeJS.Platform): string {
  const p = platform === "win32" ? path.win32 : path.posix;
  return p.join(extensionDir, "bin", platform === "win32" ? "offer.exe" : "offer");
}

/**
 * Finds the offer program, in this order: the `offer.path` setting when it is
 * set (and then only there), the binary bundled in a platform-specific
 * package, then `offer` on PATH. Returns undefined when none is executable.
 */
export function findOffer(settings: OfferSettings, host: Environment): FoundProgram | undefined {
  if ((settings.path ?? "").trim() !== "") {
    const program = resolveProgram(settings, host);
    return program === undefined ? undefined : { program, source: "offer.path" };
  }
  if (host.extensionDir !== undefined) {
    const bundled = bundledProgram(host.extensionDir, host.platform);
    if (host.isExecutable(bundled)) {
      return { program: bundled, source: "bundled" };
    }
  }
  const program = resolveProgram({}, host);
  return program === undefined ? undefined : { program, source: "PATH" };
}

/** The output channel's line that says which program runs, and why that one. */
export function programNote(found: FoundProgram): string {
  switch (found.source) {
    case "offer.path":
      return `using ${found.program} (from the offer.path setting)`;
    case "bundled":
      return `using ${found.program} (the binary bundled with this extension)`;
    default:
      return `using ${found.program} (found on PATH; offer.path is not set and this package carries no binary)`;
  }
}

/**
 * Finds the program the settings name. A bare name is searched on PATH (with
 * PATHEXT on Windows); a relative path is taken from the workspace folder.
 * Returns undefined when no executable file is there.
 */
export function resolveProgram(settings: OfferSettings, host: Environment): string | undefined {
  const p = host.platform === "win32" ? path.win32 : path.posix;
  const program = configuredProgram(settings, host.homeDir);
  const exts =
    host.platform === "win32"
      ? ["", ...(host.env.PATHEXT ?? ".EXE;.CMD;.BAT;.COM").split(";").filter((e) => e !== "")]
      : [""];
  const candidates = (base: string) => exts.map((e) => base + e);

  if (hasDirectory(program, host.platform)) {
    const full = p.isAbsolute(program) ? program : p.resolve(host.workspaceDir ?? ".", program);
    return candidates(full).find((f) => host.isExecutable(f));
  }
  const dirs = (host.env.PATH ?? host.env.Path ?? "").split(p.delimiter).filter((d) => d !== "");
  for (const dir of dirs) {
    const found = candidates(p.join(dir, program)).find((f) => host.isExecutable(f));
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/** The message shown when the program cannot be found. */
export function missingProgramMessage(settings: OfferSettings, homeDir: string): string {
  const program = configuredProgram(settings, homeDir);
  const where =
    (settings.path ?? "").trim() === ""
      ? "in this package or on your PATH"
      : `at "${program}" (the offer.path setting)`;
  return (
    `offerkit could not find the offer program ${where}, so highlighting works but ` +
    `totals, diagnostics and code actions do not. Install the platform-specific .vsix, which ` +
    `carries the binary, or a release archive, or run ` +
    `"go install github.com/offerkit/offerkit/cmd/offer@latest"; then set "offer.path" ` +
    `to the full path of the binary if it is not on your PATH.`
  );
}

/** The command line that starts the language server. */
export function serverCommand(program: string, settings: OfferSettings): CommandLine {
  return { command: program, args: ["lsp", "--stdio", ...(settings.extraArgs ?? [])] };
}

/** The command line for `offer report --format html FILE`: one self-contained page with charts. */
export function reportCommand(program: string, file: string): CommandLine {
  return { command: program, args: ["report", "--format", "html", file] };
}

/** The command line for `offer email KIND [--counter NAME] FILE`. */
export function emailCommand(program: string, kind: EmailKind, file: string, counter?: string): CommandLine {
  const args = ["email", kind];
  if (counter !== undefined && counter !== "") {
    args.push("--counter", counter);
  }
  args.push(file);
  return { command: program, args };
}

/**
 * Returns the name of the counter block that encloses the given zero-based
 * line, or undefined when the line is outside every counter. It reads only
 * the block headers, which is enough for the CLI's --counter flag.
 */
export function enclosingCounter(text: string, line: number): string | undefined {
  const lines = text.split(/\r?\n/);
  let depth = 0;
  let current: string | undefined;
  let heredoc: string | undefined;
  for (let i = 0; i < lines.length && i <= line; i++) {
    if (heredoc !== undefined) {
      if (lines[i].trim() === heredoc) heredoc = undefined;
      continue;
    }
    if (depth === 0) {
      const m = /^\s*counter\s+"([^"]*)"\s*\{/.exec(lines[i]);
      current = m ? m[1] : undefined;
    }
    const code = codeOnly(lines[i]);
    for (const ch of code) {
      if (ch === "{") depth++;
      else if (ch === "}") depth = Math.max(0, depth - 1);
    }
    const h = /<<-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(code);
    if (h) heredoc = h[1];
    if (depth === 0 && i < line) {
      current = undefined;
    }
  }
  return current;
}

/** Drops a trailing # or // comment and the text inside quoted strings. */
function codeOnly(line: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') {
        inString = false;
        out += ch;
      }
      continue;
    }
    if (ch === "#" || (ch === "/" && line[i + 1] === "/")) break;
    if (ch === '"') inString = true;
    out += ch;
  }
  return out;
}
