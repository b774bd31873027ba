package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
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
	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// The benchmarks drive the real server through a pipe. Run them with
//
//	go test ./lsp -run '^$' -bench . -benchtime 300x
//
// docs/performance.md records the figures.

// offerBlock is one offer of a generated workspace file, 19 lines.
func offerBlock(i int) string {
	return fmt.Sprintf(`offer "o_%d" {
  company  = "Acme"
  level    = "L6"
  track    = "SDE"
  location = "Seattle"
  base     = 195000

  sign_on {
    year1 = 110000
    year2 = 90000
  }

  equity {
    value    = 400000
    schedule = "amazon"
  }

  relocation = 25000
}
`, i)
}

// genFile returns a file of at least n lines of offers.
func genFile(n int) string {
	var b strings.Builder
	for i := 0; strings.Count(b.String(), "\n") < n; i++ {
		b.WriteString(offerBlock(i))
	}
	return b.String()
}

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
			text := genFile(lines)
			c := startWire(b)
			uri := nameToURI(filepath.Join(b.TempDir(), "w.offer.hcl"))
			c.send("textDocument/didOpen", nil, map[string]any{"textDocument": map[string]any{
				"uri": uri, "languageId": "offer", "version": 1, "text": text}})
			c.waitVersion(uri, 1)
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
				c.send("textDocument/didChange", nil, map[string]any{
					"textDocument":   map[string]any{"uri": uri, "version": v},
					"contentChanges": []any{change}})
				c.waitVersion(uri, v)
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

// wireClient is the leanest client that still does a client's work: it
// frames its messages and decodes each message from the server once, as an
// editor does, where the jsonrpc2 client of the other tests decodes a
// message three times (anyMessage, Request, then the params).
type wireClient struct {
	t     testing.TB
	conn  net.Conn
	id    int
	diags chan pubDiags
	reply chan json.RawMessage
}

// startWire runs the server on one end of a pipe and initializes it.
func startWire(t testing.TB) *wireClient {
	t.Helper()
	srv := New(Options{Log: io.Discard, Version: "bench"})
	a, b := net.Pipe()
	done := make(chan int, 1)
	go func() { done <- srv.Serve(context.Background(), a) }()
	c := &wireClient{t: t, conn: b, diags: make(chan pubDiags, 10000), reply: make(chan json.RawMessage, 10)}
	go c.read()
	t.Cleanup(func() {
		b.Close()
		<-done
	})
	c.send("initialize", 1, map[string]any{"processId": nil, "capabilities": map[string]any{}})
	select {
	case <-c.reply:
	case <-time.After(10 * time.Second):
		t.Fatal("no answer to initialize")
	}
	c.send("initialized", nil, map[string]any{})
	return c
}

// send writes a request (id not nil) or a notification.
func (c *wireClient) send(method string, id any, params any) {
	msg := map[string]any{"jsonrpc": "2.0", "method": method, "params": params}
	if id != nil {
		msg["id"] = id
	}
	body, err := json.Marshal(msg)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c.conn, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatal(err)
	}
}

// read decodes every message the server sends, once.
func (c *wireClient) read() {
	r := bufio.NewReader(c.conn)
	for {
		length := -1
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSpace(line)
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var msg struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
			Params pubDiags        `json:"params"`
			Result json.RawMessage `json:"result"`
		}
		if err := json.Unmarshal(body, &msg); err != nil && msg.Method == protocol.ServerTextDocumentPublishDiagnostics {
			c.t.Errorf("bad publishDiagnostics: %v", err)
		}
		switch {
		case msg.Method == protocol.ServerTextDocumentPublishDiagnostics:
			c.diags <- msg.Params
		case msg.Method == "" && msg.ID != nil:
			c.reply <- msg.Result
		}
	}
}

// waitVersion waits for the diagnostics of a version of a document,
// passing over older versions the server sent before it read the edit.
func (c *wireClient) waitVersion(uri string, version int) pubDiags {
	c.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case p := <-c.diags:
			if p.URI != uri || (p.Version != nil && *p.Version < version) {
				continue
			}
			if p.Version == nil || *p.Version != version {
				c.t.Fatalf("diagnostics for %s: version %v, want %d", uri, p.Version, version)
			}
			return p
		case <-timeout:
			c.t.Fatalf("no diagnostics for version %d of %s", version, uri)
		}
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
	bin := buildOffer(b)
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
				uris = append(uris, c.open(filepath.Join(root, fmt.Sprintf("d%d", d), fmt.Sprintf("f%d.offer.hcl", f)), offerBlock(d*100+f)))
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
