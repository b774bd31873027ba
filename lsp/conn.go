package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
)

// This file runs the server on a JSON-RPC connection. It does what glsp's
// server package does for stdio (dispatch to a glsp.Handler, close the
// connection on exit) on any stream, so that tests and editors run the same
// code, and it recovers from a panic in a handler: the request gets an
// error and the server keeps serving.

// Serve serves one client on a stream until it disconnects or sends exit.
// It returns the process exit code LSP asks for: 0 when exit followed
// shutdown, 1 otherwise.
func (s *Server) Serve(ctx context.Context, stream io.ReadWriteCloser) int {
	opts := []jsonrpc2.ConnOpt{jsonrpc2.SetLogger(s.log)}
	if s.opts.Debug {
		opts = append(opts, jsonrpc2.LogMessages(s.log))
	}
	// The stream is stored before the connection starts reading: its first
	// message is dispatched at once, and dispatch stores the connection,
	// so a stream stored after NewConn could be missed (and every
	// notification with it).
	st := newStream(stream, s.log)
	s.out.CompareAndSwap(nil, st)
	conn := jsonrpc2.NewConn(ctx, st, responder{s, st}, opts...)
	s.conn.CompareAndSwap(nil, conn)
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	s.stopWorkers()
	if s.exited.Load() && s.shutdown.Load() {
		return 0
	}
	return 1
}

// stopWorkers ends every document's worker and waits for them.
func (s *Server) stopWorkers() {
	for _, d := range s.docs.all() {
		if s.docs.remove(d.uri) != nil {
			close(d.closed)
		}
	}
	s.workers.Wait()
}

// errNotInitialized answers every request but initialize until the server
// is initialized (Server.Handle decides it).
var errNotInitialized = &jsonrpc2.Error{Code: -32002, Message: "offer lsp: the server is not initialized"}

// responder answers each request as jsonrpc2.HandlerWithError does, but
// writes a result to the stream itself, encoded once. jsonrpc2's own path
// (Response.SetResult, then the message and the Response as
// json.Marshalers) scans the result's JSON three more times, which was
// most of the cost of a large answer (documentSymbol or codeLens on a
// 3,000-line file: BenchmarkRequestLatency). The bytes are those jsonrpc2
// writes. Errors, and every answer under --debug (whose log jsonrpc2
// writes), take jsonrpc2's path.
type responder struct {
	s  *Server
	st *stream
}

func (h responder) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	result, err := h.s.handle(ctx, conn, req)
	if req.Notif {
		return // handle logged its error
	}
	if err == nil && !h.s.opts.Debug {
		data, merr := encodeResult(result)
		id, ierr := json.Marshal(req.ID)
		if err = errors.Join(merr, ierr); err == nil {
			if werr := h.st.writeParts([]byte(`{"id":`), id, []byte(`,"result":`), data, []byte(`,"jsonrpc":"2.0"}`)); werr != nil {
				h.s.log.printf("sending the answer to %s: %v", req.Method, werr)
			}
			return
		}
	}
	resp := &jsonrpc2.Response{ID: req.ID}
	if err == nil {
		err = resp.SetResult(result)
	}
	if err != nil {
		var rpcErr *jsonrpc2.Error
		if errors.As(err, &rpcErr) {
			resp.Error = rpcErr
		} else {
			resp.Error = &jsonrpc2.Error{Message: err.Error()}
		}
	}
	if err := conn.SendResponse(ctx, resp); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
		h.s.log.printf("sending the answer to %s: %v", req.Method, err)
	}
}

// encodeResult encodes a request's result; an answer kept encoded
// (figcache.go) is written as it is, without scanning it again.
func encodeResult(result any) ([]byte, error) {
	if raw, ok := result.(json.RawMessage); ok && len(raw) > 0 {
		return raw, nil
	}
	return json.Marshal(result)
}

// handle serves one JSON-RPC message. A notification gets no answer: its
// error is logged, without the JSON decoder's detail (which can quote
// values from the message) unless --debug asks for it.
func (s *Server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	result, err := s.dispatch(ctx, conn, req)
	if !req.Notif {
		return result, err
	}
	if err != nil && req.Method != "exit" {
		msg := err.Error()
		var rpcErr *jsonrpc2.Error
		if errors.As(err, &rpcErr) {
			msg = rpcErr.Message
		}
		s.log.printf("%s: %s", req.Method, strings.TrimPrefix(msg, "offer lsp: "))
	}
	return nil, nil
}

func (s *Server) dispatch(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	s.conn.CompareAndSwap(nil, conn)
	defer func() {
		if p := recover(); p != nil {
			s.log.panic(req.Method, p)
			result, err = nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError,
				Message: fmt.Sprintf("offer lsp: internal error in %s; the server logged it and keeps running", req.Method)}
		}
	}()
	if req.Method == "exit" {
		s.exited.Store(true)
		return nil, conn.Close()
	}
	if req.Notif && !s.proto.IsInitialized() {
		return nil, nil // LSP: notifications before initialize (and after shutdown) are dropped
	}
	gctx := &glsp.Context{Method: req.Method,
		Notify: func(method string, params any) { s.notify(method, params) },
		Call: func(method string, params any, result any) {
			if err := conn.Call(ctx, method, params, result); err != nil {
				s.log.printf("call %s: %v", method, err)
			}
		}}
	if req.Params != nil {
		gctx.Params = *req.Params
	}
	if s.shutdown.Load() && !req.Notif {
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "offer lsp: the server is shutting down"}
	}
	r, validMethod, validParams, err := s.Handle(gctx)
	switch {
	case !validMethod && req.Notif && strings.HasPrefix(req.Method, "$/"):
		return nil, nil // optional notifications may be ignored
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "offer lsp: method not supported: " + req.Method}
	case !validParams:
		msg := "offer lsp: invalid params for " + req.Method
		if err != nil && (!req.Notif || s.opts.Debug) {
			msg += ": " + err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil:
		var rpcErr *jsonrpc2.Error
		if errors.As(err, &rpcErr) {
			return nil, rpcErr
		}
		return nil, &jsonrpc2.Error{Code: codeRequestFailed, Message: err.Error()}
	}
	return r, nil
}

// codeRequestFailed is LSP's RequestFailed: a valid request that could not
// be served, such as one about a document that is not open.
const codeRequestFailed = -32803

// notify sends a notification to the client from any goroutine.
func (s *Server) notify(method string, params any) {
	conn := s.conn.Load()
	if conn == nil {
		return
	}
	if err := conn.Notify(context.Background(), method, params); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
		s.log.printf("notify %s: %v", method, err)
	}
}

// notifyEncoded sends a notification whose params are already JSON. It
// writes to the connection's stream directly, under the same lock as
// jsonrpc2's writes, so that a large publication is encoded once instead
// of being re-encoded and re-checked by each layer of jsonrpc2.
func (s *Server) notifyEncoded(method string, params []byte) {
	conn, st := s.conn.Load(), s.out.Load()
	if conn == nil || st == nil {
		return
	}
	select {
	case <-conn.DisconnectNotify():
		return
	default:
	}
	if s.opts.Debug {
		s.log.printf("jsonrpc2: --> notif: %s: %s", method, params) // as jsonrpc2.LogMessages logs the others
	}
	if err := st.writeNotification(method, params); err != nil {
		select {
		case <-conn.DisconnectNotify():
		default:
			s.log.printf("notify %s: %v", method, err)
		}
	}
}

// call sends a request to the client and waits for the reply in the
// background: a handler that waited for the reply would block the
// connection that reads it.
func (s *Server) call(method string, params any) {
	s.callThen(method, params, nil)
}

// callThen is call with a reply: then, when not nil, runs with the result,
// on another goroutine, unless the request failed. The request is written
// before callThen returns, so requests made one after another (or under one
// lock) reach the client in that order: an unregistration does not overtake
// the registration it drops (workspace.go).
func (s *Server) callThen(method string, params any, then func(json.RawMessage)) {
	conn := s.conn.Load()
	if conn == nil {
		return
	}
	ctx := context.Background()
	w, err := conn.DispatchCall(ctx, method, params)
	if err != nil {
		if !errors.Is(err, jsonrpc2.ErrClosed) {
			s.log.printf("request %s: %v", method, err)
		}
		return
	}
	go func() {
		var result json.RawMessage
		if err := w.Wait(ctx, &result); err != nil {
			if !errors.Is(err, jsonrpc2.ErrClosed) {
				s.log.printf("request %s: %v", method, err)
			}
			return
		}
		if then != nil {
			then(result)
		}
	}()
}

// logger writes the server's log lines. Without debug they carry no
// figures from the user's files: panics are logged by where they happened,
// not by their value.
type logger struct {
	mu    sync.Mutex
	w     io.Writer
	debug bool
}

func (l *logger) printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, "offer lsp: "+strings.TrimSuffix(format, "\n")+"\n", args...)
}

// Printf serves jsonrpc2's logger.
func (l *logger) Printf(format string, args ...any) { l.printf(format, args...) }

func (l *logger) panic(where string, p any) {
	if l.debug {
		l.printf("panic in %s: %v\n%s", where, p, debug.Stack())
		return
	}
	l.printf("panic in %s at %s (run with --debug for details)", where, panicSite())
}

// panicSite returns the file and line that panicked.
func panicSite() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	afterPanic := false
	for {
		f, more := frames.Next()
		if afterPanic && !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("%s (%s:%d)", f.Function, f.File, f.Line)
		}
		if f.Function == "runtime.gopanic" {
			afterPanic = true
		}
		if !more {
			return "unknown"
		}
	}
}
