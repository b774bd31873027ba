package lsp

// This file lists what the server does not implement, so that nobody
// looks for it elsewhere. glsp answers these requests with "method not
// supported" (MethodNotFound), and the server ignores optional "$/"
// notifications it does not know. docs/lsp.md says the same for users.
//
//   - textDocument/rangeFormatting, onTypeFormatting: formatting is whole-file
//     (the canonical layout aligns across a block).
//   - textDocument/signatureHelp, declaration, typeDefinition, implementation,
//     documentLink, documentColor, linkedEditingRange, moniker,
//     callHierarchy: the offer language has no functions, types or colors.
//   - textDocument/semanticTokens/full/delta: full and range are served
//     (semantictokens.go); a file's tokens are cheap to send whole.
//   - file operations
//     (willCreate/didCreate/willRename/didRename/willDelete/didDelete).
//   - codeLens/resolve, completionItem/resolve: every lens and item is
//     complete when sent. (codeAction/resolve is served: codeaction.go.)
//   - $/cancelRequest is accepted and ignored: requests are read and
//     answered one at a time, so a cancellation always arrives after the
//     answer to the request it names (never -32800 RequestCancelled), and
//     stale analysis is dropped by the workers.
//   - workspace/diagnostic (workspace pull diagnostics): a pulling client
//     pulls each open document (pulldiagnostics.go).
