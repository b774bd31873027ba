// Package lsp serves the Language Server Protocol for offer files over a
// JSON-RPC stream (stdio for editors, a pipe in tests).
//
// It is a thin layer: each LSP method lives in its own file and converts
// positions, calls lang or lang/analysis, and converts the result back.
// position.go is the only place that converts between editor positions
// (UTF-16 code units, or UTF-8 bytes when the client offers it) and byte
// offsets. Analysis runs off the request path: every open document has a
// worker goroutine that re-checks it after a change and publishes versioned
// diagnostics, dropping work that a newer edit has made stale.
package lsp
