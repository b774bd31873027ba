// Loads the esbuild bundle (dist/extension.js) with a small stand-in for the
// `vscode` module and activates it with `offer.path` pointing nowhere, to check
// that the bundle resolves its imports and that a missing binary produces the
// clear error message instead of a crash. Run `npm run bundle` first.

import { strict as assert } from "node:assert";
import { existsSync } from "node:fs";
import Module from "node:module";
import * as path from "node:path";
import { test } from "node:test";

const bundle = path.resolve(__dirname, "../../../dist/extension.js");

/** Builds a fake vscode module that records error messages and registered commands. */
function fakeVscode(settings: Record<string, unknown>) {
  const errors: string[] = [];
  const commands: string[] = [];
  const disposable = { dispose() {} };
  // Anything the language client touches at load time resolves to an inert class.
  const inert: any = new Proxy(function () {}, {
    get: (_t, prop) => (prop === "then" ? undefined : inert),
    construct: () => ({}),
    apply: () => inert,
  });
  class EventEmitter {
    event = () => disposable;
    fire() {}
    dispose() {}
  }
  const api = {
    EventEmitter,
    Disposable: { from: () => disposable },
    window: {
      createOutputChannel: () => ({ appendLine() {}, append() {}, show() {}, dispose() {} }),
      showErrorMessage: (msg: string) => {
        errors.push(msg);
        return Promise.resolve(undefined);
      },
      showWarningMessage: () => Promise.resolve(undefined),
    },
    commands: {
      registerCommand: (name: string) => {
        commands.push(name);
        return disposable;
      },
      executeCommand: () => Promise.resolve(undefined),
    },
    workspace: {
      workspaceFolders: undefined,
      getConfiguration: () => ({ get: (key: string) => settings[key] }),
      onDidChangeConfiguration: () => disposable,
      createFileSystemWatcher: () => disposable,
      registerTextDocumentContentProvider: () => disposable,
    },
  };
  const module = new Proxy(api as Record<string, unknown>, {
    get: (target, prop: string) => (prop in target ? target[prop] : inert),
  });
  return { module, errors, commands };
}

test("the bundle activates and reports a missing offer binary", async () => {
  assert.ok(existsSync(bundle), `${bundle} is missing: run "npm run bundle" first`);
  const fake = fakeVscode({ path: "/nonexistent/offer", "server.extraArgs": [] });
  const loader = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (req: string, ...rest: unknown[]) => (req === "vscode" ? fake.module : original(req, ...rest));
  try {
    const ext = require(bundle) as { activate: (ctx: unknown) => Promise<void>; deactivate: () => Promise<void> };
    await ext.activate({ subscriptions: [] });
    assert.deepEqual(fake.commands.sort(), [
      "offer.draftAcceptanceEmail",
      "offer.draftRound1Email",
      "offer.format",
      "offer.restartServer",
      "offer.showReport",
    ]);
    assert.equal(fake.errors.length, 1, `errors: ${JSON.stringify(fake.errors)}`);
    assert.match(fake.errors[0], /could not find the offer program at "\/nonexistent\/offer"/);
    await ext.deactivate();
  } finally {
    loader._load = original;
  }
});
