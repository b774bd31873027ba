// This file is the extension's entry point: it starts the offer language
// server with vscode-languageclient and registers the offer.* commands. The
// command lines themselves come from config.ts, which has no vscode import.

import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import * as os from "node:os";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import {
  CommandLine,
  EMAIL_ACTION_TITLES,
  EmailKind,
  OfferSettings,
  emailCommand,
  enclosingCounter,
  findOffer,
  missingProgramMessage,
  programNote,
  reportCommand,
  serverCommand,
} from "./config";
import { registerViews, showComparison, showReadOnlyText, showReportPage } from "./views";

/** The command of the "Compare with N other offers" lens (lang/analysis.CompareCommand). */
const COMPARE_COMMAND = "offer.compare";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let extensionDir: string | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionDir = context.extensionPath;
  output = vscode.window.createOutputChannel("offerkit");
  context.subscriptions.push(
    output,
    registerViews(),
    vscode.commands.registerCommand("offer.showReport", showReport),
    vscode.commands.registerCommand("offer.draftRound1Email", () => draftEmail("round1")),
    vscode.commands.registerCommand("offer.draftAcceptanceEmail", () => draftEmail("accept")),
    vscode.commands.registerCommand("offer.format", () =>
      vscode.commands.executeCommand("editor.action.formatDocument"),
    ),
    vscode.commands.registerCommand("offer.restartServer", restartServer),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("offer.path") || e.affectsConfiguration("offer.server")) {
        void restartServer();
      }
    }),
  );
  await startServer();
}

export async function deactivate(): Promise<void> {
  await stopServer();
}

function readSettings(): OfferSettings {
  const cfg = vscode.workspace.getConfiguration("offer");
  return { path: cfg.get<string>("path"), extraArgs: cfg.get<string[]>("server.extraArgs") };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, process.platform === "win32" ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the offer binary (offer.path, then the bundled binary, then PATH) and
 * says which in the output channel, or tells the user how to install it and
 * returns undefined.
 */
function findProgram(settings: OfferSettings, quiet = false): string | undefined {
  const found = findOffer(settings, {
    platform: process.platform,
    env: process.env,
    homeDir: os.homedir(),
    workspaceDir: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    extensionDir,
    isExecutable,
  });
  if (found !== undefined && !quiet) {
    output?.appendLine(programNote(found));
  }
  const program = found?.program;
  if (program === undefined) {
    const message = missingProgramMessage(settings, os.homedir());
    output?.appendLine(message);
    void vscode.window.showErrorMessage(message, "Open Settings").then((choice) => {
      if (choice === "Open Settings") {
        void vscode.commands.executeCommand("workbench.action.openSettings", "offer.path");
      }
    });
  }
  return program;
}

async function startServer(): Promise<void> {
  const settings = readSettings();
  const program = findProgram(settings);
  if (program === undefined) {
    return;
  }
  const cmd = serverCommand(program, settings);
  output?.appendLine(`starting ${cmd.command} ${cmd.args.join(" ")}`);
  // No transport: the client then talks over stdio without adding a second
  // --stdio of its own to the arguments.
  const serverOptions: ServerOptions = { command: cmd.command, args: cmd.args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "offer" },
      { scheme: "untitled", language: "offer" },
    ],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{offer,bands}.hcl"),
    },
    outputChannel: output,
    // The extension shows offer.compare's table itself (below), so the
    // server does not also send it as a message.
    initializationOptions: { compareView: true },
    middleware: {
      // The client registers the server's commands; a lens runs them through
      // here. offer.compare answers with its table as Markdown, which VS
      // Code would drop: show it in a read-only view.
      executeCommand: async (command, args, next) => {
        const result = await next(command, args);
        if (command === COMPARE_COMMAND && typeof result === "string") {
          await showComparison(typeof args[0] === "string" ? args[0] : "", result);
        }
        return result;
      },
    },
  };
  client = new LanguageClient("offer", "offer language server", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    void vscode.window.showErrorMessage(`offerkit: the language server did not start: ${String(err)}`);
  }
}

async function stopServer(): Promise<void> {
  const c = client;
  client = undefined;
  if (c !== undefined) {
    await c.stop();
  }
}

async function restartServer(): Promise<void> {
  await stopServer();
  await startServer();
}

/** Returns the active editor's offer document, saving it first so the CLI reads what the user sees. */
async function activeOfferEditor(): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || editor.document.languageId !== "offer") {
    void vscode.window.showWarningMessage("offerkit: open an *.offer.hcl or *.bands.hcl file first.");
    return undefined;
  }
  if (editor.document.isUntitled) {
    void vscode.window.showWarningMessage("offerkit: save the file first; the offer CLI reads it from disk.");
    return undefined;
  }
  if (editor.document.isDirty) {
    await editor.document.save();
  }
  return editor;
}

/** Runs the CLI and resolves with its standard output; a non-zero exit with output still counts. */
function run(cmd: CommandLine, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd.command, cmd.args, { cwd, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err !== null && stdout.trim() === "") {
        reject(new Error(stderr.trim() || err.message));
        return;
      }
      resolve(stdout);
    });
  });
}

async function showReport(): Promise<void> {
  const editor = await activeOfferEditor();
  const program = editor && findProgram(readSettings(), true);
  if (editor === undefined || program === undefined) {
    return;
  }
  const file = editor.document.uri.fsPath;
  try {
    const html = await run(reportCommand(program, file), vscode.Uri.joinPath(editor.document.uri, "..").fsPath);
    showReportPage(file, html);
  } catch (err) {
    void vscode.window.showErrorMessage(`offer report failed: ${(err as Error).message}`);
  }
}

/**
 * Drafts an email. It prefers the server's code action of that title at the
 * cursor, which inserts an email block into the counter; without one it runs
 * `offer email` and shows the text in a new editor.
 */
async function draftEmail(kind: EmailKind): Promise<void> {
  const editor = await activeOfferEditor();
  if (editor === undefined) {
    return;
  }
  const title = EMAIL_ACTION_TITLES[kind];
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      "vscode.executeCodeActionProvider",
      editor.document.uri,
      editor.selection,
      undefined,
      // Resolve the actions: a server that supports codeAction/resolve sends
      // them without their edit, and an unresolved action would insert nothing.
      50,
    )) ?? [];
  const action = actions.find((a) => a.title === title);
  if (action !== undefined) {
    // The provider returns CodeActions, or bare Commands from older servers.
    const isCommand = typeof (action as vscode.Command).command === "string";
    const command = isCommand ? (action as vscode.Command) : (action as vscode.CodeAction).command;
    const edit = isCommand ? undefined : (action as vscode.CodeAction).edit;
    if (edit !== undefined) {
      await vscode.workspace.applyEdit(edit);
    }
    if (command !== undefined) {
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    }
    return;
  }
  const program = findProgram(readSettings(), true);
  if (program === undefined) {
    return;
  }
  const counter = enclosingCounter(editor.document.getText(), editor.selection.active.line);
  const cmd = emailCommand(program, kind, editor.document.uri.fsPath, counter);
  try {
    const text = await run(cmd, vscode.Uri.joinPath(editor.document.uri, "..").fsPath);
    await showReadOnlyText(`email-${kind}.txt`, text);
  } catch (err) {
    void vscode.window.showErrorMessage(`offer email ${kind} failed: ${(err as Error).message}`);
  }
}
