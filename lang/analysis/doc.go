// Package analysis holds the editor features of the offer language, free of
// any protocol: hovers, completions, code lenses, inlay hints, code actions
// as text edits, document symbols, definitions and references.
//
// Every function takes what lang already computed (a *lang.Result from
// Workspace.Check, the *lang.Workspace for cross-file lookups) and a
// position or range as hcl.Pos/hcl.Range, and returns small values of this
// package that carry hcl.Ranges. Positions are compared by their Byte
// offset, which is exact; the lsp package converts editor positions
// (UTF-16 or UTF-8) to and from byte offsets in one place, and new
// positions are made with lang.PosAt, which counts columns as HCL does.
//
// Every edit is an Edit. The blocks the tool writes are built with hclwrite
// (blocks.go), and the actions that write text are lazy (Action.Resolve),
// their figures from engine (engine.DraftCounter, engine/negotiate).
package analysis
