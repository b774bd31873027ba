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
	LensTitle      = "stub lens %d: 4-yr $0" // %d counts codeLens requests
	Hover          = "| stub | year 1 |\n| --- | --- |\n| total | $0 |"
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
				URI string `json:"uri"`
			} `json:"textDocument"`
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
			reply(msg.ID, map[string]any{"contents": map[string]string{"kind": "markdown", "value": Hover}})
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
