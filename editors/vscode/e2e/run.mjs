// The real-VS-Code test: installs the extension's .vsix into code-server
// (VS Code 1.100.3) on a fresh profile, serves it on 127.0.0.1 with no
// authentication, and drives Debian's Chromium with playwright-core through
// what a user does with an example negotiation. Every check that fails is
// reported and the process exits 1; a missing tool is a failure, never a skip.
//
// Environment:
//   OFFERKIT_CODE_SERVER  the directory install.sh printed (code-server and playwright-core)
//   OFFERKIT_VSIX         the .vsix to install
//   OFFERKIT_OFFER        the offer binary for the offer.path setting; empty for the
//                         "bundled" run, which sets no offer.path, checks that no offer
//                         is on the extension host's PATH, and needs a platform .vsix
//   OFFERKIT_EXAMPLES     the examples directory (copied to a scratch workspace)
//   OFFERKIT_SCREENSHOT   where to write the screenshot of docs/vscode.png (optional; by
//                         default beside the scratch workspace, removed after a pass)
//   OFFERKIT_RESULTS      where to write measured timings as JSON (optional)
//   CHROMIUM              the browser (default /usr/bin/chromium)

import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";

const env = process.env;
const csDir = need("OFFERKIT_CODE_SERVER");
const vsix = need("OFFERKIT_VSIX");
const examples = need("OFFERKIT_EXAMPLES");
const offer = env.OFFERKIT_OFFER ?? "";
const bundled = offer === "";
const chromium = env.CHROMIUM || "/usr/bin/chromium";
const entry = path.join(csDir, "node_modules/code-server/out/node/entry.js");
for (const f of [entry, vsix, chromium, examples, ...(bundled ? [] : [offer])]) {
  if (!existsSync(f)) fail(`missing: ${f}`);
}
const { chromium: pw } = createRequire(path.join(csDir, "package.json"))("playwright-core");

const failures = [];
let currentPage;
const results = {};
function need(name) {
  const v = env[name];
  if (!v) fail(`${name} is not set`);
  return v;
}
function fail(msg) {
  console.error(`FAIL: ${msg}`);
  process.exit(1);
}
// A check that is known to fail until a change lands elsewhere: it fails the
// run when it passes, so that it is moved to the checks that must pass.
async function pending(name, fn) {
  try {
    await currentPage?.keyboard.press("Escape");
    await fn();
  } catch (err) {
    console.log(`PENDING ${name}: ${String(err?.message ?? err).split("\n")[0]}`);
    return;
  }
  failures.push(name);
  console.log(`FAIL ${name}: passes now; make it a check`);
}
async function check(name, fn) {
  await currentPage?.keyboard.press("Escape");
  const t0 = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    failures.push(name);
    console.log(`FAIL ${name}: ${String(err?.message ?? err).split("\n")[0]}`);
    const shot = path.join(scratch, `failure-${failures.length}.png`);
    await currentPage?.screenshot({ path: shot }).then(() => console.log(`     screenshot: ${shot}`), () => {});
    if (failures.length === 1) await diagnose(`the first failed check, ${name}`);
    if (env.OFFERKIT_FAILFAST) throw err;
  }
}

// What the page and VS Code's logs say, printed at the first failure: on a
// CI machine the scratch directory and its screenshots are gone after the run.
const consoleErrors = [];
async function diagnose(why) {
  try {
    await printState(why);
  } catch (err) {
    console.log(`  (could not print all of it: ${err?.message ?? err})`);
  }
}
async function printState(why) {
  console.log(`---- what VS Code shows and logs (${why}):`);
  const page = currentPage;
  if (page) {
    const texts = async (sel) => (await page.locator(sel).allInnerTexts().catch(() => [])).join(" | ").replace(/\s+/g, " ").slice(0, 800);
    for (const [what, sel] of [["status bar", ".statusbar"], ["notifications", ".notifications-toasts"], ["dialogs", ".monaco-dialog-box"], ["tabs", ".tabs-container .tab"]]) {
      console.log(`  ${what}: ${await texts(sel)}`);
    }
  }
  console.log(`  browser console errors (last 15 of ${consoleErrors.length}):`);
  for (const e of consoleErrors.slice(-15)) console.log(`    ${e.slice(0, 400)}`);
  for (const f of logFiles()) {
    const lines = readFileSync(f, "utf8").trimEnd().split("\n");
    const n = /offerkit/.test(path.basename(f)) ? 80 : 25; // the output channel, with the trace of the messages
    console.log(`  ${path.relative(userData, f)} (last ${n} of ${lines.length} lines):`);
    for (const l of lines.slice(-n)) console.log(`    ${l.slice(0, 400)}`);
  }
  const tail = serverLog.trimEnd().split("\n").slice(-15);
  console.log(`  code-server's output (last ${tail.length} lines):`);
  for (const l of tail) console.log(`    ${l.slice(0, 400)}`);
  console.log("----");
}
/** VS Code's log files so far, but for those of built-in extensions that do not matter here. */
function logFiles() {
  const found = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (f.endsWith(".log") && !/Telemetry|GitHub|Git\.log|JSON Language/.test(e.name)) found.push(f);
    }
  };
  try {
    walk(path.join(userData, "logs"));
  } catch {} // not written yet
  return found.sort();
}
/** The logs of VS Code's extension hosts so far, one per host started. */
function extensionHostLogs() {
  return logFiles().filter((f) => f.endsWith("exthost.log"));
}
// Waits for the (remote) extension host to have started, which can take a
// minute on a loaded machine; a check that ran before would time out in its
// place. If it has not started in two minutes, the test says what VS Code
// shows and logs, reloads the window once (what a user would do) and waits
// again; a second miss fails the run.
let extensionHostMissed = false;
async function extensionHostStarted(page) {
  let before = []; // after a reload, only a host started since counts (the slow one may still log)
  const started = () =>
    extensionHostLogs().some((f) => !before.includes(f) && /Eager extensions activated/.test(readFileSync(f, "utf8")));
  for (let attempt = 1; ; attempt++) {
    const end = Date.now() + 120000;
    while (!started() && Date.now() < end) await page.waitForTimeout(250);
    if (started()) return;
    await diagnose(`the extension host has not started in 120 s (attempt ${attempt})`);
    if (attempt === 2) {
      extensionHostMissed = true; // already diagnosed
      throw new Error("VS Code's extension host did not start, even after a reload of the window");
    }
    console.log("RELOAD the window once: the extension host did not start");
    before = extensionHostLogs();
    await page.reload({ timeout: 60000 });
    await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
  }
}

// A fresh profile, extensions directory, home and workspace.
const scratch = mkdtempSync(path.join(tmpdir(), "offerkit-vscode-"));
const home = path.join(scratch, "home");
const userData = path.join(scratch, "user-data");
const extDir = path.join(scratch, "extensions");
const work = path.join(scratch, "work");
for (const d of [home, path.join(userData, "User"), extDir]) mkdirSync(d, { recursive: true });
cpSync(examples, work, { recursive: true });
// Without a bin directory of the user's, the login shell's PATH holds only system directories.
const childEnv = {
  HOME: home,
  PATH: "/usr/local/bin:/usr/bin:/bin",
  SHELL: "/bin/sh",
  LANG: "C.UTF-8",
  XDG_CONFIG_HOME: path.join(home, ".config"),
  XDG_DATA_HOME: path.join(home, ".local/share"),
  XDG_CACHE_HOME: path.join(home, ".cache"),
};
if (bundled) {
  const which = spawnSync("/bin/sh", ["-lc", "command -v offer"], { env: childEnv, encoding: "utf8" });
  if (which.stdout.trim() !== "") fail(`this run needs no offer on PATH, but the login shell finds ${which.stdout.trim()}`);
}
const settings = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "editor.minimap.enabled": false,
  "window.commandCenter": false,
  "chat.commandCenter.enabled": false,
  "files.autoSave": "off",
  "offer.trace.server": "messages", // the exchange with the server in the output channel, printed if a check fails
};
if (!bundled) settings["offer.path"] = offer;
writeFileSync(path.join(userData, "User/settings.json"), JSON.stringify(settings, null, 2));

const common = ["--user-data-dir", userData, "--extensions-dir", extDir];
const inst = spawnSync(process.execPath, [entry, ...common, "--install-extension", vsix], { env: childEnv, encoding: "utf8" });
if (inst.status !== 0 || !/successfully installed/i.test(inst.stdout + inst.stderr)) {
  fail(`--install-extension ${vsix}: ${inst.stdout}${inst.stderr}`);
}

const port = 20000 + (process.pid % 20000);
const config = path.join(scratch, "config.yaml");
writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
const server = spawn(
  process.execPath,
  [entry, "--config", config, ...common, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust",
    "--disable-getting-started-override", work],
  { env: childEnv, stdio: ["ignore", "pipe", "pipe"] },
);
let serverLog = "";
server.stdout.on("data", (d) => (serverLog += d));
server.stderr.on("data", (d) => (serverLog += d));
const listening = new Promise((resolve, reject) => {
  const t = setTimeout(() => reject(new Error(`code-server did not start:\n${serverLog}`)), 60000);
  const poll = setInterval(() => {
    if (/HTTP server listening/.test(serverLog)) {
      clearTimeout(t);
      clearInterval(poll);
      resolve();
    }
  }, 100);
  server.on("exit", (code) => reject(new Error(`code-server exited ${code}:\n${serverLog}`)));
});

let browser;
let exitCode = 0;
try {
  await listening;
  browser = await pw.launch({
    executablePath: chromium,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
  });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(`page error: ${e.message}`));
  page.setDefaultTimeout(30000);
  currentPage = page;
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(work)}`, { timeout: 60000 }); // as slow as the start under load
  await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
  await extensionHostStarted(page);
  await page.waitForTimeout(1000);
  await (await import(env.OFFERKIT_CHECKS || "./checks.mjs")).run({ page, check, pending, results, work, bundled, logFiles });
} catch (err) {
  console.log(`FAIL: ${err?.stack ?? err}`);
  if (failures.length === 0 && !extensionHostMissed) await diagnose("the run stopped");
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  server.kill();
}
if (env.OFFERKIT_RESULTS) writeFileSync(env.OFFERKIT_RESULTS, JSON.stringify(results, null, 2) + "\n");
if (failures.length > 0) {
  console.log(`${failures.length} checks failed: ${failures.join("; ")}`);
  const logs = path.join(userData, "logs");
  console.log(`logs kept in ${logs}`);
  exitCode = 1;
} else {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
