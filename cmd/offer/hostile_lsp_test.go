package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

const goodOffer = `offer "good" {
  level    = "L6"
  track    = "SDE"
  location = "Seattle"
  base     = 195000
}
`

// lspClient collects what the server publishes and answers its requests.
type lspClient struct {
	mu    sync.Mutex
	diags map[string][]map[string]any // uri -> the last diagnostics
}

func (c *lspClient) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	if req.Method == "textDocument/publishDiagnostics" && req.Params != nil {
		var p struct {
			URI         string           `json:"uri"`
			Diagnostics []map[string]any `json:"diagnostics"`
		}
		if json.Unmarshal(*req.Params, &p) == nil {
			c.mu.Lock()
			c.diags[p.URI] = p.Diagnostics
			c.mu.Unlock()
		}
	}
	if !req.Notif {
		var result any
		if req.Method == "workspace/configuration" {
			result = []any{map[string]any{}}
		}
		_ = conn.Reply(ctx, req.ID, result)
	}
}

func (c *lspClient) has(uri, code string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	ds, ok := c.diags[uri]
	if code == "" {
		return ok
	}
	for _, d := range ds {
		if d["code"] == code {
			return true
		}
	}
	return false
}

func (c *lspClient) published(uri string) []map[string]any {
	c.mu.Lock()
	defer c.mu.Unlock()
	ds := c.diags[uri]
	return ds[:min(len(ds), 20)]
}

type pipes struct {
	io.Reader
	io.WriteCloser
}

// clientCapabilities turn on every optional path of the server: lazy code
// actions resolved later, progress, configuration requests, refreshes,
// versioned workspace edits, snippets.
var clientCapabilities = map[string]any{
	"window": map[string]any{"workDoneProgress": true},
	"workspace": map[string]any{
		"configuration": true, "workspaceFolders": true,
		"didChangeConfiguration": map[string]any{"dynamicRegistration": true},
		"didChangeWatchedFiles":  map[string]any{"dynamicRegistration": true},
		"codeLens":               map[string]any{"refreshSupport": true},
		"inlayHint":              map[string]any{"refreshSupport": true},
		"semanticTokens":         map[string]any{"refreshSupport": true},
		"workspaceEdit":          map[string]any{"documentChanges": true},
	},
	"textDocument": map[string]any{
		"hover":          map[string]any{"contentFormat": []string{"markdown", "plaintext"}},
		"completion":     map[string]any{"completionItem": map[string]any{"snippetSupport": true}},
		"codeAction":     map[string]any{"resolveSupport": map[string]any{"properties": []string{"edit"}}},
		"semanticTokens": map[string]any{"requests": map[string]any{"full": map[string]any{"delta": true}, "range": true}, "formats": []string{"relative"}},
		"diagnostic":     map[string]any{},
	},
}

// positionRequests are the requests about one position; documentRequests
// about a whole document. Every request of LSP 3.17 about a document is
// sent, whether the server answers it or not (it must answer -32601), so
// that a method added to the server is exercised here at once.
var positionRequests = []string{"textDocument/hover", "textDocument/completion", "textDocument/definition",
	"textDocument/declaration", "textDocument/typeDefinition", "textDocument/implementation", "textDocument/references",
	"textDocument/prepareRename", "textDocument/rename", "textDocument/documentHighlight", "textDocument/signatureHelp",
	"textDocument/selectionRange", "textDocument/linkedEditingRange", "textDocument/moniker",
	"textDocument/prepareCallHierarchy", "textDocument/prepareTypeHierarchy", "textDocument/onTypeFormatting"}

var documentRequests = []string{"textDocument/documentSymbol", "textDocument/codeLens", "textDocument/formatting",
	"textDocument/rangeFormatting", "textDocument/inlayHint", "textDocument/codeAction", "textDocument/foldingRange",
	"textDocument/semanticTokens/full", "textDocument/semanticTokens/full/delta", "textDocument/semanticTokens/range",
	"textDocument/documentLink", "textDocument/documentColor", "textDocument/diagnostic", "textDocument/inlineValue"}

// knownCapabilities are the server capabilities the requests above cover.
var knownCapabilities = map[string]bool{"textDocumentSync": true, "positionEncoding": true, "workspace": true,
	"hoverProvider": true, "completionProvider": true, "definitionProvider": true, "declarationProvider": true,
	"typeDefinitionProvider": true, "implementationProvider": true, "referencesProvider": true, "renameProvider": true,
	"documentHighlightProvider": true, "signatureHelpProvider": true, "selectionRangeProvider": true,
	"linkedEditingRangeProvider": true, "monikerProvider": true, "callHierarchyProvider": true, "typeHierarchyProvider": true,
	"documentOnTypeFormattingProvider": true, "documentSymbolProvider": true, "codeLensProvider": true,
	"documentFormattingProvider": true, "documentRangeFormattingProvider": true, "inlayHintProvider": true,
	"codeActionProvider": true, "foldingRangeProvider": true, "semanticTokensProvider": true, "documentLinkProvider": true,
	"colorProvider": true, "diagnosticProvider": true, "inlineValueProvider": true, "executeCommandProvider": true,
	"workspaceSymbolProvider": true}

// lspSession serves the folder holding both files, opens them, sends every
// request about several positions of each (the start, the middle of the
// longest line, past the end), resolves every code action and runs every
// command the server names, edits the hostile file, and checks that the
// server still serves the good file; then shuts the server down.
//
// A shorter session (every false, for a file refused where another case's
// file is refused too) asks about three positions: the start, the middle
// of the longest line and past the end.
func lspSession(t *testing.T, bin, dir, bad, good, code string, size int, every bool) {
	t.Helper()
	cmd, launched := measured(t, bin, "lsp")
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), sessionTime)
	defer cancel()
	cl := &lspClient{diags: map[string][]map[string]any{}}
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(pipes{out, in}, jsonrpc2.VSCodeObjectCodec{}), jsonrpc2.AsyncHandler(cl),
		jsonrpc2.SetLogger(log.New(io.Discard, "", 0)))
	var slowest time.Duration
	var slowMethod string
	calls := 0
	call := func(method string, params any) json.RawMessage {
		var res json.RawMessage
		t0 := time.Now()
		calls++
		if err := conn.Call(ctx, method, params, &res); err != nil {
			if _, ok := err.(*jsonrpc2.Error); !ok {
				t.Errorf("lsp %s: %v", method, err)
			}
			return nil
		}
		if d := time.Since(t0); d > slowest {
			slowest, slowMethod = d, method
		}
		return res
	}
	var init struct {
		Capabilities map[string]json.RawMessage `json:"capabilities"`
	}
	_ = json.Unmarshal(call("initialize", map[string]any{"processId": nil, "rootUri": "file://" + dir,
		"workspaceFolders": []any{map[string]any{"uri": "file://" + dir, "name": "h"}}, "capabilities": clientCapabilities}), &init)
	var unknown []string
	for c := range init.Capabilities {
		if !knownCapabilities[c] {
			unknown = append(unknown, c)
		}
	}
	sort.Strings(unknown)
	if len(unknown) > 0 {
		t.Errorf("the server has capabilities this session sends no request for: %v", unknown)
	}
	var commands struct {
		Commands []string `json:"commands"`
	}
	_ = json.Unmarshal(init.Capabilities["executeCommandProvider"], &commands)
	_ = conn.Notify(ctx, "initialized", map[string]any{})
	uris := map[string]string{}
	texts := map[string]string{}
	for _, path := range []string{bad, good} {
		text, _ := os.ReadFile(path)
		uris[path], texts[path] = "file://"+path, string(text)
		_ = conn.Notify(ctx, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": uris[path], "languageId": "offer", "version": 1, "text": string(text)}})
	}
	// The server keeps serving the folder: the good file gets its
	// diagnostics and the bad one its refusal.
	for !(cl.has(uris[good], "") && cl.has(uris[bad], code)) && ctx.Err() == nil {
		time.Sleep(20 * time.Millisecond)
	}
	if !cl.has(uris[good], "") {
		t.Errorf("lsp: no diagnostics for the good file")
	}
	if !cl.has(uris[bad], code) {
		t.Errorf("lsp: no %s on the hostile file", code)
	}
	for _, path := range []string{bad, good} {
		if path == good && !every {
			continue // the same good file gets every request in the sessions that run everything
		}
		everyRequest(call, uris[path], texts[path], cl.published(uris[path]), commands.Commands, path, every)
	}
	call("workspace/symbol", map[string]any{"query": "o"})
	call("workspace/diagnostic", map[string]any{"previousResultIds": []any{}})
	// An edit of the hostile document goes through the re-parse path, and
	// the requests run again on the edited text.
	_ = conn.Notify(ctx, "textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uris[bad], "version": 2},
		"contentChanges": []any{map[string]any{"range": rangeAt(0, 0, 0, 0), "text": "# edited\n"}}})
	everyRequest(call, uris[bad], "# edited\n"+texts[bad], nil, commands.Commands, bad, every)
	// The re-parse path refuses the edited file as the parse did.
	if res := call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uris[bad]}}); code != "" && !strings.Contains(string(res), `"`+code+`"`) {
		t.Errorf("lsp: no %s on the edited hostile file: %.600s", code, res)
	}
	_ = conn.Notify(ctx, "textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uris[bad]}})
	_ = conn.Notify(ctx, "workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": uris[bad], "type": 2}}})
	_ = conn.Notify(ctx, "textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uris[bad]}})
	// The server still serves the good file.
	hover := call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uris[good]}, "position": map[string]any{"line": 4, "character": 14}})
	if !strings.Contains(string(hover), "Yearly base salary") {
		t.Errorf("lsp: the good file's base has no hover after the hostile one: %s", hover)
	}
	if syms := call("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": uris[good]}}); !strings.Contains(string(syms), "good") {
		t.Errorf("lsp: no symbols for the good file after the hostile one: %s", syms)
	}
	call("shutdown", nil)
	_ = conn.Notify(ctx, "exit", nil)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-ctx.Done():
		_ = cmd.Process.Kill()
		<-done
		t.Errorf("lsp did not exit")
	}
	conn.Close()
	if t.Failed() {
		t.Logf("server log:\n%.3000s", stderr.String())
	}
	res := measuredResult(t, launched)
	r := procRun{stderr: stderr.String(), took: time.Since(start), code: res.Code, maxRSS: res.MaxRSS, cpu: res.CPU}
	checkRun(t, "lsp session", r, size)
	t.Logf("%-22s %d requests, the slowest %s %.2fs", "", calls, slowMethod, slowest.Seconds())
}

// everyRequest sends every request about one document: each position
// request at several positions, each document request, the resolve of
// every code action the server leaves unresolved, and every command of
// its code lenses and of its capabilities.
func everyRequest(call func(string, any) json.RawMessage, uri, text string, diags []map[string]any, commands []string, path string, every bool) {
	td := map[string]any{"uri": uri}
	lines := strings.Split(text, "\n")
	longest := 0
	for i, l := range lines {
		if len(l) > len(lines[longest]) {
			longest = i
		}
	}
	whole := rangeAt(0, 0, len(lines), 0)
	positions := []map[string]any{pos(0, 0), pos(1, 3), pos(4, 9), pos(longest, len(lines[longest])/2),
		pos(len(lines)-1, 0), pos(1000000, 5)}
	if !every {
		positions = []map[string]any{pos(0, 0), pos(longest, len(lines[longest])/2), pos(1000000, 5)}
	}
	for _, p := range positions {
		for _, m := range positionRequests {
			call(m, map[string]any{"textDocument": td, "position": p, "positions": []any{p}, "newName": "renamed",
				"context": map[string]any{"includeDeclaration": true, "triggerKind": 1}, "ch": "=",
				"options": map[string]any{"tabSize": 2, "insertSpaces": true}})
		}
	}
	for _, m := range documentRequests {
		res := call(m, map[string]any{"textDocument": td, "range": whole, "previousResultId": "1",
			"context": map[string]any{"diagnostics": diags, "only": nil}, "options": map[string]any{"tabSize": 2, "insertSpaces": true}})
		switch m {
		case "textDocument/codeAction":
			var actions []map[string]any
			_ = json.Unmarshal(res, &actions)
			for _, a := range actions {
				if _, resolved := a["edit"]; !resolved && a["data"] != nil {
					call("codeAction/resolve", a)
				}
			}
		case "textDocument/codeLens":
			var lenses []struct {
				Command *struct {
					Command   string `json:"command"`
					Arguments []any  `json:"arguments"`
				} `json:"command"`
			}
			_ = json.Unmarshal(res, &lenses)
			// The first lens of each command: the others run the same
			// command on another block (each one a comparison of the
			// whole file: 50 of them took a second of CPU on 384 offers).
			ran := map[string]bool{}
			for _, l := range lenses {
				if l.Command != nil && !ran[l.Command.Command] {
					ran[l.Command.Command] = true
					call("workspace/executeCommand", map[string]any{"command": l.Command.Command, "arguments": l.Command.Arguments})
				}
			}
		}
	}
	for _, c := range commands {
		call("workspace/executeCommand", map[string]any{"command": c, "arguments": []any{path}})
	}
}

func pos(line, char int) map[string]any { return map[string]any{"line": line, "character": char} }

func rangeAt(l1, c1, l2, c2 int) map[string]any {
	return map[string]any{"start": pos(l1, c1), "end": pos(l2, c2)}
}
