package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/offerkit/offerkit/lang/langtest"
	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// The benchmarks drive the real server through a pipe. Run them with
//
//	go test ./lsp -run '^$' -bench . -benchtime 300x
//
// docs/performance.md records the figures.

func percentile(ds []time.Duration, p float64) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, int(float64(len(s))*p))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkDiagnosticsLatency measures, for each edit, the time from
// sending didChange to having decoded the publishDiagnostics of its
// version, and in the same run the time hclsyntax.ParseConfig takes on the
// same text: the floor a full parse would set.
func BenchmarkDiagnosticsLatency(b *testing.B) {
	for _, lines := range []int{300, 5000} {
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			text := langtest.File(lines)
			c := startRaw(b)
			uri := nameToURI(filepath.Join(b.TempDir(), "w.offer.hcl"))
			c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
				"uri": uri, "languageId": "offer", "version": 1, "text": text}})
			waitVersion(c, uri, 1)
			// The edits type in the base of the first offer (line 5,
			// "195000" at characters 13-19): one adds a digit, the next
			// deletes it, so every edit moves the rest of the file.
			lat := make([]time.Duration, 0, b.N)
			parse := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v := 2 + i
				change := map[string]any{"range": rng(5, 19, 5, 19), "text": "7"}
				if i%2 == 1 {
					change = map[string]any{"range": rng(5, 19, 5, 20), "text": ""}
				}
				t0 := time.Now()
				c.notify("textDocument/didChange", map[string]any{
					"textDocument":   map[string]any{"uri": uri, "version": v},
					"contentChanges": []any{change}})
				waitVersion(c, uri, v)
				lat = append(lat, time.Since(t0))
			}
			b.StopTimer()
			src := []byte(text)
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				if _, diags := hclsyntax.ParseConfig(src, "w.offer.hcl", hcl.InitialPos); diags.HasErrors() {
					b.Fatal(diags)
				}
				parse = append(parse, time.Since(t0))
			}
			b.ReportMetric(ms(percentile(lat, 0.50)), "p50-ms")
			b.ReportMetric(ms(percentile(lat, 0.99)), "p99-ms")
			b.ReportMetric(ms(percentile(parse, 0.50)), "parse-p50-ms")
			b.ReportMetric(ms(percentile(parse, 0.99)), "parse-p99-ms")
			b.ReportMetric(float64(percentile(lat, 0.99))/float64(percentile(parse, 0.99)), "p99/parse-p99")
			// The parse's own p99 includes garbage collection; against its
			// median the comparison is stricter.
			b.ReportMetric(float64(percentile(lat, 0.99))/float64(percentile(parse, 0.50)), "p99/parse-p50")
		})
	}
}

// startRaw initializes a server for the latency benchmark. Its client is
// protocol_test.go's rawClient: it frames messages and hands over each
// message's bytes, which the benchmark decodes once, as an editor does
// (the jsonrpc2 client of the other tests decodes a message three times).
func startRaw(b *testing.B) *rawClient {
	c := newRaw(b)
	c.request(1, "initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}})
	if m := c.read(); m.Error != nil {
		b.Fatalf("initialize: %s", m.Error.Message)
	}
	c.notify("initialized", map[string]any{})
	return c
}

// waitVersion reads until the diagnostics of a version of a document,
// decoding every message once and passing over older versions the server
// sent before it read the edit.
func waitVersion(c *rawClient, uri string, version int) pubDiags {
	c.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		body, ok := c.next(timeout)
		if !ok {
			c.t.Fatalf("no diagnostics for version %d of %s", version, uri)
		}
		var m struct {
			Method string   `json:"method"`
			Params pubDiags `json:"params"`
		}
		if json.Unmarshal(body, &m) != nil || m.Method != protocol.ServerTextDocumentPublishDiagnostics {
			continue
		}
		p := m.Params
		if p.URI != uri || (p.Version != nil && *p.Version < version) {
			continue
		}
		if p.Version == nil || *p.Version != version {
			c.t.Fatalf("diagnostics for %s: version %v, want %d", uri, p.Version, version)
		}
		return p
	}
}

// procStream joins a child process's stdout and stdin.
type procStream struct {
	io.ReadCloser
	io.WriteCloser
}

func (p procStream) Close() error { p.WriteCloser.Close(); return p.ReadCloser.Close() }

// BenchmarkMemory1000Docs runs the built `offer lsp` as its own process,
// opens 1,000 documents (10 directories of 100 offers) and reports its
// resident memory once every document's diagnostics have arrived.
// It measures once, however large b.N is.
func BenchmarkMemory1000Docs(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "offer")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/offer").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for i := 0; i < 1; i++ {
		cmd := exec.Command(bin, "lsp")
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		c := &client{t: b, diags: make(chan pubDiags, 10000), callCh: make(chan string, 100)}
		c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(procStream{stdout, stdin}, jsonrpc2.VSCodeObjectCodec{}),
			jsonrpc2.HandlerWithError(c.handle), jsonrpc2.SetLogger(log.New(io.Discard, "", 0)))
		var res any
		c.call("initialize", map[string]any{"capabilities": map[string]any{}}, &res)
		root := b.TempDir()
		var uris []string
		for d := 0; d < 10; d++ {
			for f := 0; f < 100; f++ {
				uris = append(uris, c.open(filepath.Join(root, fmt.Sprintf("d%d", d), fmt.Sprintf("f%d.offer.hcl", f)), langtest.OfferBlock(d*100+f)))
			}
		}
		for _, uri := range uris {
			c.waitDiags(uri, 1)
		}
		status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
		if err != nil {
			b.Fatal(err)
		}
		var rssKB float64
		for _, line := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(line, "VmRSS:") {
				rssKB, _ = strconv.ParseFloat(strings.Fields(line)[1], 64)
			}
		}
		c.call("shutdown", nil, &res)
		c.notify("exit", nil)
		if err := cmd.Wait(); err != nil {
			b.Fatalf("offer lsp did not exit cleanly after shutdown and exit: %v", err)
		}
		c.conn.Close()
		b.ReportMetric(rssKB/1024, "MB-rss")
	}
}
