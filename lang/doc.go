// Package lang owns everything HCL in offerkit: the schema of offer and band
// files, parsing with hclsyntax, tolerant decoding into engine values,
// cross-file resolution in a workspace, diagnostics with precise ranges, and
// canonical formatting with hclwrite.
//
// The pipeline is Parse → Decode (per file, cached) → Workspace.Check
// (cross-file references, bands, engine flags). Every step returns what it
// could make of its input plus diagnostics, so an editor holding broken text
// still gets results for the blocks that parsed.
//
// No LSP types appear here: the lsp package converts lang's results into
// protocol messages.
package lang
