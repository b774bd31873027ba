// Tests the HTML of the read-only views (src/html.ts): the policy that keeps
// scripts out of the report's webview and the Compare view's page.

import { strict as assert } from "node:assert";
import { test } from "node:test";
import { VIEW_CSP, comparePage, escapeHtml, preformatted, withPolicy } from "../../src/html";

test("the policy comes first in the report's head and allows no script", () => {
  const page = '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Offer report</title>\n</head><body><svg class="chart"></svg></body></html>';
  const out = withPolicy(page);
  assert.ok(out.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta http-equiv="Content-Security-Policy"'), out);
  assert.ok(out.includes('<svg class="chart"></svg>'));
  assert.equal(out.length, page.length + 1 + `<meta http-equiv="Content-Security-Policy" content="${VIEW_CSP}">`.length);
  assert.match(VIEW_CSP, /default-src 'none'/);
  assert.doesNotMatch(VIEW_CSP, /script-src/);
});

test("a page without a head is wrapped in one that holds the policy", () => {
  const out = withPolicy("<p>x</p>");
  assert.equal(out, `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${VIEW_CSP}"></head><body><p>x</p></body></html>`);
});

test("the Compare page escapes its title and keeps the rendered table", () => {
  const out = comparePage("Compare: <a>.offer.hcl", "<table><tr><td>$1,460,000</td></tr></table>");
  assert.ok(out.includes("<h1>Compare: &lt;a&gt;.offer.hcl</h1>"));
  assert.ok(out.includes("<table><tr><td>$1,460,000</td></tr></table>"));
  assert.ok(out.indexOf("Content-Security-Policy") < out.indexOf("<style>"));
});

test("without a renderer the Markdown shows as escaped text", () => {
  assert.equal(preformatted("| a <b> | & |"), "<pre>| a &lt;b&gt; | &amp; |</pre>");
  assert.equal(escapeHtml(`"'`), "&quot;&#39;");
});
