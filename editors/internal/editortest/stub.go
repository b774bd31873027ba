// This file defines a stand-in for the `offer` binary: a test binary re-runs
// itself with OFFERKIT_EDITOR_STUB=1 set and calls RunStub, which speaks just
// enough LSP (and the `report` and `email` subcommands) to exercise an editor
// plugin's plumbing. Its answers are marked "stub" so that they cannot pass
// for the real server's.

package editortest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"os"
	"strconv"
	"strings"
)

// StubEnv is the variable that tells a test binary to act as the stub.
const StubEnv = "OFFERKIT_EDITOR_STUB"

// The values the stub sends; the stub-mode tests assert them.
const (
	DiagnosticCode = "stub-cliff"
	LensTitle      = "stub lens %d: 4-yr $0"                   // %d counts codeLens requests
	Hover          = "| stub | %s on line %d |\n| --- | --- |" // the word hovered over and its 0-based line
	ActionTitle    = "Stub: Insert counter-proposal"
)

type rpcMessage struct {
	ID     *json.RawMessage `json:"id,omitempty"`
	Method string           `json:"method,omitempty"`
	Params json.RawMessage  `json:"params,omitempty"`
}

// RunStub acts as the offer binary for args (without the program name) and
// returns its exit code.
func RunStub(args []string, stdin io.Reader, stdout io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "stub: no subcommand")
		return 2
	}
	switch args[0] {
	case "lsp":
		return serve(stdin, stdout)
	case "report":
		fmt.Fprintf(stdout, "stub report\n%s\n", strings.Join(args[1:], " "))
		return 0
	case "email":
		fmt.Fprintf(stdout, "stub email\n%s\n", strings.Join(args[1:], " "))
		return 0
	}
	fmt.Fprintf(os.Stderr, "stub: unknown subcommand %q\n", args[0])
	return 2
}

func serve(stdin io.Reader, stdout io.Writer) int {
	r := textproto.NewReader(bufio.NewReader(stdin))
	lensRequests := 0
	texts := map[string]string{} // uri -> text, kept by full sync
	send := func(v any) {
		b, _ := json.Marshal(v)
		fmt.Fprintf(stdout, "Content-Length: %d\r\n\r\n%s", len(b), b)
	}
	reply := func(id *json.RawMessage, result any) {
		send(map[string]any{"jsonrpc": "2.0", "id": id, "result": result})
	}
	for {
		header, err := r.ReadMIMEHeader()
		if err != nil {
			return 0 // the client went away
		}
		n, err := strconv.Atoi(header.Get("Content-Length"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "stub: bad Content-Length")
			return 1
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r.R, body); err != nil {
			return 1
		}
		var msg rpcMessage
		if err := json.Unmarshal(body, &msg); err != nil {
			fmt.Fprintln(os.Stderr, "stub: bad JSON:", err)
			return 1
		}
		var doc struct {
			TextDocument struct {
				URI  string `json:"uri"`
				Text string `json:"text"`
			} `json:"textDocument"`
			ContentChanges []struct {
				Text string `json:"text"`
			} `json:"contentChanges"`
			Position struct {
				Line      int `json:"line"`
				Character int `json:"character"`
			} `json:"position"`
		}
		_ = json.Unmarshal(msg.Params, &doc)
		line0 := map[string]any{
			"start": map[string]int{"line": 0, "character": 0},
			"end":   map[string]int{"line": 0, "character": 1},
		}

		switch msg.Method {
		case "initialize":
			reply(msg.ID, map[string]any{
				"capabilities": map[string]any{
					"textDocumentSync":   1,
					"hoverProvider":      true,
					"codeActionProvider": true,
					"codeLensProvider":   map[string]any{},
				},
				"serverInfo": map[string]string{"name": "offer-stub"},
			})
		case "textDocument/didOpen", "textDocument/didChange", "textDocument/didSave":
			if msg.Method == "textDocument/didOpen" {
				texts[doc.TextDocument.URI] = doc.TextDocument.Text
			} else if n := len(doc.ContentChanges); n > 0 {
				texts[doc.TextDocument.URI] = doc.ContentChanges[n-1].Text
			}
			send(map[string]any{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": map[string]any{
				"uri": doc.TextDocument.URI,
				"diagnostics": []any{map[string]any{
					"range": line0, "severity": 2, "code": DiagnosticCode, "source": "offer", "message": "stub diagnostic",
				}},
			}})
		case "textDocument/codeLens":
			lensRequests++
			reply(msg.ID, []any{map[string]any{
				"range": line0, "command": map[string]string{"title": fmt.Sprintf(LensTitle, lensRequests), "command": ""},
			}})
		case "textDocument/hover":
			reply(msg.ID, map[string]any{"contents": map[string]string{"kind": "markdown", "value": fmt.Sprintf(Hover, wordAt(texts[doc.TextDocument.URI], doc.Position.Line, doc.Position.Character), doc.Position.Line)}})
		case "textDocument/codeAction":
			reply(msg.ID, []any{map[string]string{"title": ActionTitle, "kind": "source"}})
		case "shutdown":
			reply(msg.ID, nil)
		case "exit":
			return 0
		default:
			if msg.ID != nil {
				send(map[string]any{"jsonrpc": "2.0", "id": msg.ID, "error": map[string]any{
					"code": -32601, "message": "stub: method not found: " + msg.Method,
				}})
			}
		}
	}
}

// wordAt returns the identifier around a position (ASCII text assumed).
func wordAt(text string, line, char int) string {
	lines := strings.Split(text, "\n")
	if line >= len(lines) || char > len(lines[line]) {
		return ""
	}
	l := lines[line]
	isWord := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	start, end := char, char
	for start > 0 && isWord(l[start-1]) {
		start--
	}
	for end < len(l) && isWord(l[end]) {
		end++
	}
	return l[start:end]
}
