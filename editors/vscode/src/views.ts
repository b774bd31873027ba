// This file holds the extension's read-only views: a webview for HTML (the
// report with its charts, the Compare lens's table) and read-only text
// documents (the CLI's plain-text output), so that nothing the extension
// shows is an "Untitled" document that asks to be saved.

import * as path from "node:path";
import * as vscode from "vscode";
import { comparePage, preformatted, withPolicy } from "./html";

/** The scheme of the read-only text documents. */
export const TEXT_SCHEME = "offerkit";

const texts = new Map<string, string>();
let changed: vscode.EventEmitter<vscode.Uri> | undefined;
const panels = new Map<string, vscode.WebviewPanel>();

/** Registers the provider of the read-only text documents. */
export function registerViews(): vscode.Disposable {
  changed = new vscode.EventEmitter<vscode.Uri>();
  return vscode.Disposable.from(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(TEXT_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? "",
    }),
  );
}

/** Shows text in a read-only document named name, replacing what an earlier call showed there. */
export async function showReadOnlyText(name: string, text: string): Promise<void> {
  const uri = vscode.Uri.from({ scheme: TEXT_SCHEME, path: "/" + name });
  texts.set(uri.toString(), text);
  changed?.fire(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/**
 * Shows an HTML page in the webview panel kept under key (one for the
 * report, one for the comparison), creating it beside the editor the first
 * time and revealing it after. Scripts stay disabled.
 */
export function showHtml(key: string, title: string, html: string): void {
  let panel = panels.get(key);
  if (panel === undefined) {
    panel = vscode.window.createWebviewPanel(`offerkit.${key}`, title, vscode.ViewColumn.Beside, {
      enableScripts: false,
      enableFindWidget: true,
      localResourceRoots: [],
    });
    const created = panel;
    panels.set(key, created);
    created.onDidDispose(() => {
      if (panels.get(key) === created) {
        panels.delete(key);
      }
    });
  } else {
    panel.reveal(vscode.ViewColumn.Beside, false);
  }
  panel.title = title;
  panel.webview.html = withPolicy(html);
}

/** Shows the HTML report of file. */
export function showReportPage(file: string, html: string): void {
  showHtml("report", `Report: ${path.basename(file)}`, html);
}

/**
 * Shows the table that offer.compare returned (Markdown) for file, rendered
 * by the editor's own Markdown renderer, or as text when there is none.
 */
export async function showComparison(file: string, markdown: string): Promise<void> {
  let body: string;
  try {
    const rendered = await vscode.commands.executeCommand<string>("markdown.api.render", markdown);
    body = typeof rendered === "string" && rendered.trim() !== "" ? rendered : preformatted(markdown);
  } catch {
    body = preformatted(markdown);
  }
  const title = `Compare: ${path.basename(file)}`;
  showHtml("compare", title, comparePage(title, body));
}
