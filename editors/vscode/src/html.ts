// This file prepares the HTML that the extension's read-only views show: the
// `offer report --format html` page and the table of the "Compare with N
// other offers" lens. It does not import `vscode`, so `node --test` can
// exercise it without an editor.

/**
 * The Content-Security-Policy of every view: no scripts, no network, only the
 * page's own inline styles and data: images. The report's charts are inline
 * SVG, so they need nothing more.
 */
export const VIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;";

const cspMeta = `<meta http-equiv="Content-Security-Policy" content="${VIEW_CSP}">`;

/** Escapes text for an HTML element's content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * Returns a whole HTML page (such as the report) with the view's
 * Content-Security-Policy as the first element of its head, so that the
 * policy holds before anything else in the page is read.
 */
export function withPolicy(page: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(page);
  if (head !== null) {
    const at = head.index + head[0].length;
    return page.slice(0, at) + "\n" + cspMeta + page.slice(at);
  }
  return `<!doctype html><html><head>${cspMeta}</head><body>${page}</body></html>`;
}

/**
 * The page of the Compare view: title, then body (HTML the editor rendered
 * from the server's Markdown), styled with the editor's theme colours.
 */
export function comparePage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
${cspMeta}
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 8px 16px; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 8px 0 16px; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 3px 10px; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
pre { font-family: var(--vscode-editor-font-family); white-space: pre; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

/** The Compare view's body when no Markdown renderer is at hand: the Markdown as text. */
export function preformatted(markdown: string): string {
  return `<pre>${escapeHtml(markdown)}</pre>`;
}
