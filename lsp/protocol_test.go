package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/offerkit/offerkit/lang/langtest"
)

// This file tests the base protocol as the LSP specification and JSON-RPC
// 2.0 define it, with a client that writes raw bytes, so that it can send
// what no JSON-RPC library sends and see every message the server writes.

// rawClient writes frames to the server and reads its messages.
type rawClient struct {
	t    testing.TB
	conn net.Conn
	r    *bufio.Reader
	exit chan int
	log  *syncBuffer
	msgs chan []byte
}

func newRaw(t testing.TB) *rawClient {
	t.Helper()
	a, b := net.Pipe()
	c := &rawClient{t: t, conn: b, r: bufio.NewReader(b), exit: make(chan int, 1), log: &syncBuffer{}, msgs: make(chan []byte, 1000)}
	go c.readLoop()
	srv := New(Options{Log: c.log, Version: "test"})
	go func() { c.exit <- srv.Serve(context.Background(), a) }()
	t.Cleanup(func() {
		c.conn.Close()
		select {
		case <-c.exit:
		case <-time.After(10 * time.Second):
			t.Error("the server did not stop after the connection closed")
		}
	})
	return c
}

// waitExit waits at most 10 s for Serve to return and returns its status.
func (c *rawClient) waitExit() int {
	c.t.Helper()
	select {
	case code := <-c.exit:
		c.exit <- code // for the cleanup
		return code
	case <-time.After(10 * time.Second):
		c.t.Fatal("the server did not stop")
	}
	return -1
}

// frame writes one message with the given body.
func (c *rawClient) frame(body string) {
	c.t.Helper()
	c.write(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

func (c *rawClient) write(s string) {
	c.t.Helper()
	c.conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c.conn, s); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// request writes a request with a numeric id.
func (c *rawClient) request(id int, method string, params any) {
	c.t.Helper()
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	c.frame(string(b))
}

func (c *rawClient) notify(method string, params any) {
	c.t.Helper()
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
	c.frame(string(b))
}

// message is what the server writes.
type message struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// readLoop reads the server's messages into c.msgs until the pipe closes
// or a frame is not as the base protocol frames it, so that the server
// never waits for the test to read.
func (c *rawClient) readLoop() {
	defer close(c.msgs)
	for {
		body, err := readFrame(c.r)
		if err != nil {
			return
		}
		c.msgs <- body
	}
}

// readFrame reads one message of the base protocol: header lines, each
// ended by CRLF, up to an empty one, then as many bytes of body as the
// Content-Length header says, returned as they are. It does not decode
// the body, as jsonrpc2's VSCodeObjectCodec does (two scans of it with
// encoding/json): BenchmarkRequestLatency counts the time until a
// response is read as the server's, and the client's decoding after it.
func readFrame(r *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		if !strings.HasSuffix(line, "\r\n") {
			return nil, fmt.Errorf("header line %q does not end in CRLF", line)
		}
		if line == "\r\n" {
			break
		}
		name, value, _ := strings.Cut(strings.TrimSuffix(line, "\r\n"), ":")
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			if length, err = strconv.Atoi(strings.TrimSpace(value)); err != nil || length < 0 {
				return nil, fmt.Errorf("bad Content-Length %q", value)
			}
		}
	}
	if length < 0 {
		return nil, fmt.Errorf("a frame without Content-Length")
	}
	body := frameBuffer(length)
	_, err := io.ReadFull(r, body)
	return body, err
}

// frames holds message buffers a reader is done with (putFrame), so that
// reading large answers over and over (BenchmarkRequestLatency) does not
// make the garbage whose collection, in the server's process, would be
// counted in the server's latency.
var frames sync.Pool

func frameBuffer(n int) []byte {
	if b, ok := frames.Get().(*[]byte); ok && cap(*b) >= n {
		return (*b)[:n]
	}
	return make([]byte, n)
}

// putFrame gives back a message body that is no longer read.
func putFrame(b []byte) { frames.Put(&b) }

// next returns the body of the next message the server wrote, or false
// when timeout fires first; the test fails if the server closes the
// connection.
func (c *rawClient) next(timeout <-chan time.Time) ([]byte, bool) {
	c.t.Helper()
	select {
	case body, ok := <-c.msgs:
		if !ok {
			c.t.Fatal("the server closed the connection")
		}
		return body, true
	case <-timeout:
		return nil, false
	}
}

// read returns the next message the server wrote, waiting at most 10 s.
func (c *rawClient) read() message {
	c.t.Helper()
	body, ok := c.next(time.After(10 * time.Second))
	if !ok {
		c.t.Fatal("no message from the server within 10 s")
	}
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		c.t.Fatalf("the server wrote %q: %v", body, err)
	}
	return m
}

// response reads messages up to the next response, skipping the server's
// notifications (diagnostics).
func (c *rawClient) response() message {
	c.t.Helper()
	for {
		if m := c.read(); m.Method == "" {
			return m
		}
	}
}

// wantError reads the next response and checks its id and error code.
func (c *rawClient) wantError(id string, code int) message {
	c.t.Helper()
	m := c.response()
	if string(m.ID) != id || m.Error == nil || m.Error.Code != code {
		c.t.Fatalf("want error %d for id %s, got id %s error %+v result %s", code, id, m.ID, m.Error, m.Result)
	}
	return m
}

// wantResult reads the next response and checks it is a result for id.
func (c *rawClient) wantResult(id string) message {
	c.t.Helper()
	m := c.response()
	if string(m.ID) != id || m.Error != nil || m.Result == nil {
		c.t.Fatalf("want a result for id %s, got id %s error %+v result %s", id, m.ID, m.Error, m.Result)
	}
	return m
}

func (c *rawClient) initialize(id int) {
	c.t.Helper()
	c.request(id, "initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}})
	c.wantResult(strconv.Itoa(id))
	c.notify("initialized", map[string]any{})
}

// A body that is not JSON gets a Parse error with a null id, JSON that is
// no JSON-RPC message gets Invalid Request (with its id when it has one),
// and the server reads on.
func TestMalformedMessages(t *testing.T) {
	c := newRaw(t)
	c.frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{`)
	c.wantError("null", -32700)
	c.frame(``)
	c.wantError("null", -32700)
	c.frame(`{"jsonrpc":"2.0","id":1,"method":"initialize"} trailing`)
	c.wantError("null", -32700)
	c.initialize(2)
	for _, tc := range []struct{ body, id string }{
		{`42`, "null"},
		{`"initialize"`, "null"},
		{`[]`, "null"},
		{`[{"jsonrpc":"2.0","id":3,"method":"shutdown"}]`, "null"}, // LSP has no batches
		{`{"jsonrpc":"2.0","id":3}`, "3"},                          // neither request nor response
		{`{"jsonrpc":"2.0","id":"x","method":7}`, `"x"`},
		{`{"jsonrpc":"2.0","id":true,"method":"shutdown"}`, "null"},
	} {
		c.frame(tc.body)
		c.wantError(tc.id, -32600)
	}
	// Parameters of the wrong shape: Invalid Params.
	c.request(4, "textDocument/hover", map[string]any{"textDocument": "x", "position": map[string]any{"line": -1}})
	c.wantError("4", -32602)
	// A message over the limit is skipped whole, and answered.
	c.write(fmt.Sprintf("Content-Length: %d\r\n\r\n", maxMessageBytes+1))
	c.write(strings.Repeat(" ", maxMessageBytes+1))
	if m := c.wantError("null", -32600); !strings.Contains(m.Error.Message, "over the limit") {
		t.Errorf("message: %s", m.Error.Message)
	}
	// Header lines may end in a bare LF; other headers are ignored.
	c.write("Content-Type: application/vscode-jsonrpc; charset=utf-8\ncontent-length: 45\n\n" + `{"jsonrpc":"2.0","id":5,"method":"shutdown"}` + "\n")
	c.wantResult("5")
	c.notify("exit", nil)
	if code := c.waitExit(); code != 0 {
		t.Errorf("exit: %d", code)
	}
}

// A header the server cannot read past (no Content-Length) ends the
// connection: the next message could not be found.
func TestBrokenHeaderEndsTheConnection(t *testing.T) {
	c := newRaw(t)
	c.initialize(1)
	go io.WriteString(c.conn, "X-Nonsense: 1\r\n\r\n{}")
	if code := c.waitExit(); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if log := c.log.String(); !strings.Contains(log, "no Content-Length") {
		t.Errorf("log: %q", log)
	}
}

// An unknown request gets Method Not Found; an unknown notification,
// "$/" or not, is ignored: nothing is written back and the server serves on.
func TestUnknownMethods(t *testing.T) {
	c := newRaw(t)
	c.initialize(1)
	c.request(2, "offer/noSuchMethod", map[string]any{})
	c.wantError("2", -32601)
	c.request(3, "$/noSuchRequest", nil)
	c.wantError("3", -32601)
	c.notify("offer/noSuchNotification", map[string]any{})
	c.notify("$/noSuchNotification", map[string]any{})
	c.notify("$/setTrace", map[string]any{"value": "verbose"})
	c.request(4, "shutdown", nil)
	// The next message is the answer to 4: the notifications got none.
	c.wantResult("4")
}

// Before initialize, requests get Server Not Initialized (-32002) and
// notifications are dropped; exit is obeyed. A second initialize is an
// Invalid Request.
func TestBeforeAndAfterInitialize(t *testing.T) {
	c := newRaw(t)
	uri := nameToURI(filepath.Join(t.TempDir(), "a.offer.hcl"))
	for i, method := range []string{"textDocument/hover", "textDocument/inlayHint", "textDocument/codeLens", "shutdown", "offer/noSuchMethod"} {
		c.request(10+i, method, map[string]any{"textDocument": doc(uri), "position": pos(0, 0), "range": rng(0, 0, 1, 0)})
		c.wantError(strconv.Itoa(10+i), -32002)
	}
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "offer", "version": 1, "text": "offer \"o\" {\n  base = 1\n}\n"}})
	c.initialize(1)
	// The open before initialize was dropped.
	c.request(2, "textDocument/hover", map[string]any{"textDocument": doc(uri), "position": pos(0, 0)})
	if m := c.wantError("2", codeRequestFailed); !strings.Contains(m.Error.Message, "is not open") {
		t.Errorf("hover: %s", m.Error.Message)
	}
	c.request(3, "initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}})
	c.wantError("3", -32600)
	// Still initialized and serving.
	c.request(4, "textDocument/codeLens", map[string]any{"textDocument": doc(uri)})
	c.wantError("4", codeRequestFailed)
	if log := c.log.String(); log != "" {
		t.Errorf("log: %q", log)
	}
}

// $/cancelRequest is accepted. The server reads and answers one message at
// a time, so a request it reads has been answered before the cancellation
// that follows it is read: the request gets its normal answer, never
// Request Cancelled (-32800), and the cancellation gets no answer.
func TestCancelRequest(t *testing.T) {
	c := newRaw(t)
	c.initialize(1)
	uri := nameToURI(filepath.Join(t.TempDir(), "a.offer.hcl"))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "offer", "version": 1, "text": "offer \"o\" {\n  base = 195000\n}\n"}})
	c.request(2, "textDocument/documentSymbol", map[string]any{"textDocument": doc(uri)})
	c.notify("$/cancelRequest", map[string]any{"id": 2})
	c.notify("$/cancelRequest", map[string]any{"id": 99}) // no such request
	c.notify("$/cancelRequest", map[string]any{"id": "x"})
	m := c.wantResult("2")
	var syms []map[string]any
	if err := json.Unmarshal(m.Result, &syms); err != nil || len(syms) != 1 || syms[0]["name"] != "o" {
		t.Errorf("symbols: %s", m.Result)
	}
	c.request(3, "shutdown", nil)
	c.wantResult("3")
}

// After shutdown every request is an Invalid Request, notifications are
// dropped, and exit ends the server with status 0.
func TestRequestsAfterShutdown(t *testing.T) {
	c := newRaw(t)
	c.initialize(1)
	c.request(2, "shutdown", nil)
	if m := c.wantResult("2"); string(m.Result) != "null" {
		t.Errorf("shutdown result: %s", m.Result)
	}
	uri := nameToURI(filepath.Join(t.TempDir(), "a.offer.hcl"))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "offer", "version": 1, "text": "offer \"o\" {}\n"}})
	for i, method := range []string{"textDocument/hover", "shutdown", "initialize", "offer/noSuchMethod"} {
		c.request(3+i, method, map[string]any{"textDocument": doc(uri), "position": pos(0, 0), "capabilities": map[string]any{}})
		c.wantError(strconv.Itoa(3+i), -32600)
	}
	c.notify("exit", nil)
	if code := c.waitExit(); code != 0 {
		t.Errorf("exit after shutdown: %d", code)
	}
	if log := c.log.String(); log != "" {
		t.Errorf("log: %q", log)
	}
}

// serverGoroutines counts the goroutines running the server's code.
func serverGoroutines() int {
	buf := make([]byte, 4<<20)
	n := 0
	for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
		if strings.Contains(g, "offerkit/lsp.(*Server)") || strings.Contains(g, "offerkit/lsp.(*stream)") {
			n++
		}
	}
	return n
}

// A client that closes the pipe, even in the middle of a message and with
// analysis and requests under way, ends the session: Serve returns 1, no
// goroutine of the server is left, and nothing panics.
func TestClientClosesThePipe(t *testing.T) {
	before := serverGoroutines()
	for _, cut := range []string{"idle", "mid-header", "mid-body", "pending-request"} {
		t.Run(cut, func(t *testing.T) {
			c := newRaw(t)
			c.initialize(1)
			dir := t.TempDir()
			for i := range 3 {
				c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": nameToURI(filepath.Join(dir, fmt.Sprintf("%d.offer.hcl", i))),
					"languageId": "offer", "version": 1, "text": langtest.File(3000)}})
			}
			if serverGoroutines() <= before {
				t.Fatal("serverGoroutines does not see the running server")
			}
			switch cut {
			case "mid-header":
				c.write("Content-Len")
			case "mid-body":
				c.write("Content-Length: 100\r\n\r\n{\"jsonrpc\":")
			case "pending-request":
				c.request(2, "textDocument/hover", map[string]any{"textDocument": doc(nameToURI(filepath.Join(dir, "0.offer.hcl"))), "position": pos(0, 0)})
			}
			c.conn.Close()
			if code := c.waitExit(); code != 1 {
				t.Errorf("Serve returned %d, want 1", code)
			}
			if log := c.log.String(); strings.Contains(log, "panic") {
				t.Errorf("log: %s", log)
			}
		})
	}
	// Goroutines end a moment after Serve returns (the writer of a reply
	// that the closed pipe refused, for one).
	deadline := time.Now().Add(10 * time.Second)
	for serverGoroutines() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("server goroutines left: %d, before %d\n%s", serverGoroutines(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}
