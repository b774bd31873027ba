// Unit tests for config.ts: the command lines and program lookup the
// extension uses, checked without VS Code. Run with `npm run test:unit`.

import { strict as assert } from "node:assert";
import { test } from "node:test";
import {
  Environment,
  configuredProgram,
  emailCommand,
  enclosingCounter,
  findOffer,
  programNote,
  missingProgramMessage,
  reportCommand,
  resolveProgram,
  serverCommand,
} from "../../src/config";

function posixHost(executables: string[], extra: Partial<Environment> = {}): Environment {
  const set = new Set(executables);
  return {
    platform: "linux",
    env: { PATH: "/usr/local/bin:/usr/bin:/home/ana/go/bin" },
    homeDir: "/home/ana",
    workspaceDir: "/home/ana/offers",
    isExecutable: (f) => set.has(f),
    ...extra,
  };
}

test("blank or missing offer.path means offer on PATH", () => {
  assert.equal(configuredProgram({}, "/home/ana"), "offer");
  assert.equal(configuredProgram({ path: "  " }, "/home/ana"), "offer");
});

test("a tilde in offer.path expands to the home directory", () => {
  assert.equal(configuredProgram({ path: "~/go/bin/offer" }, "/home/ana"), "/home/ana/go/bin/offer");
});

test("the default is searched on PATH in order", () => {
  const host = posixHost(["/home/ana/go/bin/offer", "/usr/bin/offer"]);
  assert.equal(resolveProgram({}, host), "/usr/bin/offer");
});

test("a missing binary resolves to undefined", () => {
  assert.equal(resolveProgram({}, posixHost([])), undefined);
  assert.equal(resolveProgram({ path: "/opt/offer" }, posixHost([])), undefined);
});

test("an absolute path is used as it is, without a PATH search", () => {
  const host = posixHost(["/opt/offerkit/offer", "/usr/bin/offer"]);
  assert.equal(resolveProgram({ path: "/opt/offerkit/offer" }, host), "/opt/offerkit/offer");
});

test("a relative path is taken from the workspace folder", () => {
  const host = posixHost(["/home/ana/offers/bin/offer"]);
  assert.equal(resolveProgram({ path: "./bin/offer" }, host), "/home/ana/offers/bin/offer");
});

test("on Windows PATHEXT extensions are tried", () => {
  const host: Environment = {
    platform: "win32",
    env: { Path: "C:\\tools;C:\\Users\\ana\\go\\bin", PATHEXT: ".COM;.EXE" },
    homeDir: "C:\\Users\\ana",
    isExecutable: (f) => f === "C:\\Users\\ana\\go\\bin\\offer.EXE",
  };
  assert.equal(resolveProgram({}, host), "C:\\Users\\ana\\go\\bin\\offer.EXE");
});

test("the server runs `offer lsp --stdio` plus extra arguments", () => {
  assert.deepEqual(serverCommand("/usr/bin/offer", {}), { command: "/usr/bin/offer", args: ["lsp", "--stdio"] });
  assert.deepEqual(serverCommand("offer", { extraArgs: ["--log", "debug"] }).args, ["lsp", "--stdio", "--log", "debug"]);
});

test("report and email command lines", () => {
  assert.deepEqual(reportCommand("offer", "/w/a.offer.hcl"), { command: "offer", args: ["report", "--format", "html", "/w/a.offer.hcl"] });
  assert.deepEqual(emailCommand("offer", "round1", "/w/a.offer.hcl", "round1").args, [
    "email",
    "round1",
    "--counter",
    "round1",
    "/w/a.offer.hcl",
  ]);
  assert.deepEqual(emailCommand("offer", "accept", "/w/a.offer.hcl").args, ["email", "accept", "/w/a.offer.hcl"]);
});

test("offer.path comes first, then the bundled binary, then PATH", () => {
  const ext = "/home/ana/.vscode/extensions/offerkit.offerkit-0.1.0-linux-x64";
  const all = posixHost(["/opt/offer", `${ext}/bin/offer`, "/usr/bin/offer"], { extensionDir: ext });
  assert.deepEqual(findOffer({ path: "/opt/offer" }, all), { program: "/opt/offer", source: "offer.path" });
  assert.deepEqual(findOffer({}, all), { program: `${ext}/bin/offer`, source: "bundled" });
  const universal = posixHost(["/usr/bin/offer"], { extensionDir: "/ext/offerkit-0.1.0" });
  assert.deepEqual(findOffer({ path: "" }, universal), { program: "/usr/bin/offer", source: "PATH" });
  // A setting that names nothing is an error, not a silent fall back to another binary.
  assert.equal(findOffer({ path: "/missing/offer" }, all), undefined);
  assert.equal(findOffer({}, posixHost([], { extensionDir: ext })), undefined);
});

test("the bundled binary on Windows is bin\\offer.exe", () => {
  const host: Environment = {
    platform: "win32",
    env: { Path: "C:\\tools" },
    homeDir: "C:\\Users\\ana",
    extensionDir: "C:\\ext\\offerkit",
    isExecutable: (f) => f === "C:\\ext\\offerkit\\bin\\offer.exe",
  };
  assert.deepEqual(findOffer({}, host), { program: "C:\\ext\\offerkit\\bin\\offer.exe", source: "bundled" });
});

test("the output channel says which binary runs and why", () => {
  assert.match(programNote({ program: "/opt/offer", source: "offer.path" }), /offer\.path setting/);
  assert.match(programNote({ program: "/e/bin/offer", source: "bundled" }), /bundled with this extension/);
  assert.match(programNote({ program: "/usr/bin/offer", source: "PATH" }), /found on PATH/);
});

test("the missing-binary message names the setting and the install command", () => {
  const msg = missingProgramMessage({}, "/home/ana");
  assert.match(msg, /in this package or on your PATH/);
  assert.match(msg, /platform-specific \.vsix/);
  assert.match(msg, /offer\.path/);
  assert.match(msg, /go install github\.com\/offerkit\/offerkit\/cmd\/offer@latest/);
  assert.match(missingProgramMessage({ path: "/opt/offer" }, "/"), /at "\/opt\/offer" \(the offer\.path setting\)/);
});

test("enclosingCounter finds the counter around a line", () => {
  const text = [
    'offer "amazon_l6" {', // 0
    "  base = 195000", // 1
    "}", // 2
    "", // 3
    'counter "round1" {   # first ask', // 4
    "  offer = offer.amazon_l6", // 5
    '  note  = "a } inside a string"', // 6
    '  email "round1" {', // 7
    "    body = <<-EOT", // 8
    "      } a brace in a heredoc", // 9
    "    EOT", // 10
    "  }", // 11
    "  base = 210000", // 12
    "}", // 13
    "", // 14
  ].join("\n");
  assert.equal(enclosingCounter(text, 1), undefined);
  assert.equal(enclosingCounter(text, 4), "round1");
  assert.equal(enclosingCounter(text, 9), "round1");
  assert.equal(enclosingCounter(text, 12), "round1");
  assert.equal(enclosingCounter(text, 13), "round1");
  assert.equal(enclosingCounter(text, 14), undefined);
});
