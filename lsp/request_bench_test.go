package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/offerkit/offerkit/lang/langtest"
)

// BenchmarkRequestLatency sends each request the server answers, one at a
// time, to the real server over a pipe, on a 3,000-line offer file, and
// reports each method's p50 and p99 from sending the request to having
// read the whole response off the pipe: the server's latency. Every
// response is then checked (its JSON, its id, no error) before the next
// request is sent; that check is the benchmark client's own work, like an
// editor's decoding of the answer, and is reported beside the latency,
// not in it: checked-p99-ms is the p99 up to the end of the check and
// check-cpu-ms the CPU one check takes. The goal: p99 under 5 ms for
// every method except formatting, and formatting within 1.5x of
// hclwrite.Format on the same text, which the formatting run also times
// (format-ratio-p50 and -p99). A method the server does not
// advertise in its capabilities is reported as not served and not timed,
// so the benchmark picks up each new method once it is advertised. Run it
// with
//
//	go test ./lsp -run '^$' -bench RequestLatency -benchtime 300x
//
// docs/performance.md records the figures.
func BenchmarkRequestLatency(b *testing.B) {
	const mid = 79 // the offer the cursor is on: o_79, in the middle of the file
	text := requestBenchFile(3000, mid)
	uri := nameToURI(filepath.Join(b.TempDir(), "big.offer.hcl"))
	doc := map[string]any{"uri": uri}
	header := 19 * mid // the line of offer "o_79" {
	counterRef := strings.Count(text, "\n") - 3
	at := func(line, char int) map[string]any { return map[string]any{"line": line, "character": char} }
	onLabel := map[string]any{"textDocument": doc, "position": at(header, 9)}

	c := newRaw(b)
	caps := initBench(c)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "offer", "version": 1, "text": text}})
	waitVersion(c, uri, 1)
	time.Sleep(2 * checklistDelay) // the checklist's run after a quiet moment: not during the timings

	id := 100
	// call returns the answer and when the whole of it had been read.
	call := func(method string, params any, keep bool) (json.RawMessage, time.Time, error) {
		id++
		c.request(id, method, params)
		return awaitResponse(c, id, keep)
	}
	for _, r := range []struct {
		method, capability string
		params             any
	}{
		{"textDocument/hover", "hoverProvider", onLabel},
		{"textDocument/completion", "completionProvider", map[string]any{"textDocument": doc, "position": at(header+6, 2)}},
		{"textDocument/codeLens", "codeLensProvider", map[string]any{"textDocument": doc}},
		// The lines an editor window shows around the cursor.
		{"textDocument/inlayHint", "inlayHintProvider", map[string]any{"textDocument": doc, "range": rng(header-20, 0, header+40, 0)}},
		{"textDocument/codeAction", "codeActionProvider", map[string]any{"textDocument": doc, "range": rng(header, 9, header, 9),
			"context": map[string]any{"diagnostics": []any{}}}},
		{"textDocument/definition", "definitionProvider", map[string]any{"textDocument": doc, "position": at(counterRef, 16)}},
		{"textDocument/references", "referencesProvider", map[string]any{"textDocument": doc, "position": at(header, 9),
			"context": map[string]any{"includeDeclaration": true}}},
		{"textDocument/documentHighlight", "documentHighlightProvider", onLabel},
		{"textDocument/prepareRename", "renameProvider", onLabel},
		{"textDocument/rename", "renameProvider", map[string]any{"textDocument": doc, "position": at(header, 9), "newName": "o_renamed"}},
		{"textDocument/documentSymbol", "documentSymbolProvider", map[string]any{"textDocument": doc}},
		{"textDocument/foldingRange", "foldingRangeProvider", map[string]any{"textDocument": doc}},
		{"textDocument/selectionRange", "selectionRangeProvider", map[string]any{"textDocument": doc, "positions": []any{at(header, 9)}}},
		{"textDocument/semanticTokens/full", "semanticTokensProvider", map[string]any{"textDocument": doc}},
		{"workspace/symbol", "workspaceSymbolProvider", map[string]any{"query": "o_79"}},
		{"textDocument/diagnostic", "diagnosticProvider", map[string]any{"textDocument": doc}},
		{"textDocument/formatting", "documentFormattingProvider", map[string]any{"textDocument": doc,
			"options": map[string]any{"tabSize": 2, "insertSpaces": true}}},
	} {
		b.Run(strings.TrimPrefix(strings.TrimPrefix(r.method, "textDocument/"), "workspace/"), func(b *testing.B) {
			if v, ok := caps[r.capability]; !ok || v == false || v == nil {
				b.Skipf("not served: the server does not advertise %s", r.capability)
			}
			answer, _, err := call(r.method, r.params, true) // and the answer is not an error
			if err != nil {
				b.Fatalf("%s: %v", r.method, err)
			}
			lat := make([]time.Duration, 0, b.N)
			checked := make([]time.Duration, 0, b.N)
			cpu0 := processCPU()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				_, read, err := call(r.method, r.params, false)
				if err != nil {
					b.Fatalf("%s: %v", r.method, err)
				}
				checked = append(checked, time.Since(t0))
				lat = append(lat, read.Sub(t0))
			}
			b.StopTimer()
			cpu := processCPU() - cpu0
			b.ReportMetric(ms(cpu)/float64(b.N), "cpu-ms/op")
			b.ReportMetric(ms(percentile(lat, 0.50)), "p50-ms")
			b.ReportMetric(ms(percentile(lat, 0.99)), "p99-ms")
			b.ReportMetric(ms(percentile(checked, 0.99)), "checked-p99-ms")
			b.ReportMetric(float64(len(answer))/1024, "answer-KiB")
			b.ReportMetric(ms(checkCPU(answer)), "check-cpu-ms")
			if r.method != "textDocument/formatting" {
				return
			}
			src := []byte(text)
			ref := make([]time.Duration, 0, b.N)
			cpu0 = processCPU()
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				hclwrite.Format(src)
				ref = append(ref, time.Since(t0))
			}
			refCPU := processCPU() - cpu0
			b.ReportMetric(ms(refCPU)/float64(b.N), "hclwrite-cpu-ms/op")
			b.ReportMetric(float64(cpu)/float64(refCPU), "format-ratio-cpu")
			b.ReportMetric(ms(percentile(ref, 0.50)), "hclwrite-p50-ms")
			b.ReportMetric(ms(percentile(ref, 0.99)), "hclwrite-p99-ms")
			b.ReportMetric(float64(percentile(lat, 0.50))/float64(percentile(ref, 0.50)), "format-ratio-p50")
			b.ReportMetric(float64(percentile(lat, 0.99))/float64(percentile(ref, 0.99)), "format-ratio-p99")
		})
	}
}

// processCPU is the CPU time (user and system) the process has used: the
// server's and the client's, which on a machine shared with other work
// says more about a request's own cost than its wall time does.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// requestBenchFile is langtest.File(lines) with one attribute of offer mid
// laid out by hand ("base=195000"), so that formatting has work to do, and
// a counter at the end that refers to offer mid, for definition and
// rename. The counter's reference is three lines from the end.
func requestBenchFile(lines, mid int) string {
	text := langtest.File(lines)
	blocks := strings.SplitAfter(text, "}\n")
	blocks[mid] = strings.Replace(blocks[mid], "  base     = 195000", "base=195000", 1)
	return strings.Join(blocks, "") + fmt.Sprintf("counter %q {\n  round = 1\n  offer = offer.o_%d\n  base  = 210000\n}\n", "c_1", mid)
}

// initBench initializes the server as an editor that resolves code
// actions and takes Markdown hovers, and returns the capabilities it
// advertised.
func initBench(c *rawClient) map[string]any {
	c.request(1, "initialize", map[string]any{"processId": nil, "capabilities": map[string]any{
		"textDocument": map[string]any{
			"hover":      map[string]any{"contentFormat": []string{"markdown", "plaintext"}},
			"codeAction": map[string]any{"resolveSupport": map[string]any{"properties": []string{"edit"}}},
		},
	}})
	res, _, err := awaitResponse(c, 1, true)
	if err != nil {
		c.t.Fatalf("initialize: %v", err)
	}
	var init struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	if err := json.Unmarshal(res, &init); err != nil {
		c.t.Fatalf("initialize: %v", err)
	}
	caps := init.Capabilities
	c.notify("initialized", map[string]any{})
	return caps
}

// benchMessage is what awaitResponse reads of each message: checking the
// JSON of the whole message, it keeps the result as it is.
type benchMessage struct {
	benchEnvelope
	Result json.RawMessage `json:"result"`
}

// benchEnvelope is a message without its result.
type benchEnvelope struct {
	ID     *int   `json:"id"`
	Method string `json:"method"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// checkCPU is the CPU time awaitResponse takes to check the JSON of a
// response holding the given result: part of every request's cost that
// only a smaller answer (answer-KiB) shortens.
func checkCPU(result json.RawMessage) time.Duration {
	body := append(append([]byte(`{"id":1,"result":`), result...), `,"jsonrpc":"2.0"}`...)
	const n = 50
	cpu0 := processCPU()
	for range n {
		var m benchEnvelope
		json.Unmarshal(body, &m)
	}
	return (processCPU() - cpu0) / n
}

// awaitResponse reads until the response with the given id and returns
// its result and when the whole response had been read (before its JSON
// was checked), passing over notifications (diagnostics) on the way. The
// result is kept only when keep is set: checking the JSON without keeping
// it makes no garbage, which in this process would be collected on the
// server's time.
func awaitResponse(c *rawClient, id int, keep bool) (json.RawMessage, time.Time, error) {
	timeout := time.After(10 * time.Second)
	for {
		body, ok := c.next(timeout)
		if !ok {
			c.t.Fatalf("no response to request %d", id)
		}
		read := time.Now()
		var m benchMessage
		var err error
		if keep {
			err = json.Unmarshal(body, &m)
		} else {
			err = json.Unmarshal(body, &m.benchEnvelope)
		}
		if err != nil {
			c.t.Fatalf("the server wrote %q: %v", body, err)
		}
		putFrame(body)
		if m.Method != "" || m.ID == nil || *m.ID != id {
			continue
		}
		if m.Error != nil {
			return nil, read, fmt.Errorf("%s", m.Error.Message)
		}
		return m.Result, read, nil
	}
}
