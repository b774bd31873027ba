package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// This file is the base protocol's framing: each message is a header
// (Content-Length) and a JSON body. It replaces jsonrpc2's VSCodeObjectCodec,
// which ends the connection on the first message that is not valid JSON,
// so that the server answers as JSON-RPC asks instead: a body that is not
// JSON gets a Parse error (-32700) and one that is JSON but not a request or
// response gets Invalid Request (-32600), and the server reads on. Only a
// broken header ends the connection: without a length the next message
// cannot be found.

// Limits on what one message may hold. A document is at most
// lang.MaxFileSize (4 MiB) of text, which JSON escapes to at most six times
// that; a header line is a few dozen bytes.
const (
	maxMessageBytes = 64 << 20
	maxHeaderBytes  = 4 << 10
)

// stream reads and writes framed JSON-RPC messages on one connection.
type stream struct {
	closer io.Closer
	r      *bufio.Reader
	mu     sync.Mutex // serializes writes
	w      *bufio.Writer
	log    *logger
}

func newStream(rwc io.ReadWriteCloser, log *logger) *stream {
	return &stream{closer: rwc, r: bufio.NewReader(rwc), w: bufio.NewWriter(rwc), log: log}
}

// WriteObject writes one message.
func (s *stream) WriteObject(obj any) error {
	data, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	return s.write(data)
}

func (s *stream) write(data []byte) error {
	return s.writeParts(data)
}

// writeNotification writes a notification whose params are already JSON.
func (s *stream) writeNotification(method string, params []byte) error {
	m, err := json.Marshal(method)
	if err != nil {
		return err
	}
	return s.writeParts([]byte(`{"jsonrpc":"2.0","method":`), m, []byte(`,"params":`), params, []byte(`}`))
}

// writeParts writes one message made of the concatenation of parts.
func (s *stream) writeParts(parts ...[]byte) error {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := fmt.Fprintf(s.w, "Content-Length: %d\r\n\r\n", n); err != nil {
		return err
	}
	for _, p := range parts {
		if _, err := s.w.Write(p); err != nil {
			return err
		}
	}
	return s.w.Flush()
}

// ReadObject reads the next message that is a request or a response into
// v, answering the ones that are neither.
func (s *stream) ReadObject(v any) error {
	for {
		body, err := s.readFrame()
		if err != nil {
			return err
		}
		if body == nil {
			continue // too large; answered
		}
		if !json.Valid(body) {
			s.replyError(nil, -32700, "offer lsp: parse error: the message is not valid JSON")
			continue
		}
		reflect.ValueOf(v).Elem().SetZero() // no field left over from a rejected message
		if err := json.Unmarshal(body, v); err != nil {
			s.replyError(idOf(body), -32600, "offer lsp: invalid request: the message is neither a JSON-RPC request nor a response")
			continue
		}
		return nil
	}
}

// Close closes the connection.
func (s *stream) Close() error { return s.closer.Close() }

// errFraming is a header the server cannot read past.
var errFraming = errors.New("offer lsp: unreadable message header")

// readFrame reads one message's header and body. A body over the limit is
// skipped, answered with an error, and returned as nil.
func (s *stream) readFrame() ([]byte, error) {
	var length int64 = -1
	for {
		line, err := s.readLine()
		if err != nil {
			return nil, err
		}
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%w: a header line without a colon", errFraming)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("%w: Content-Length is not a length", errFraming)
			}
			length = n
		}
	}
	if length < 0 {
		return nil, fmt.Errorf("%w: no Content-Length", errFraming)
	}
	if length > maxMessageBytes {
		if _, err := io.CopyN(io.Discard, s.r, length); err != nil {
			return nil, err
		}
		s.replyError(nil, -32600, fmt.Sprintf("offer lsp: a message of %d bytes is over the limit of %d MiB; it was skipped", length, maxMessageBytes>>20))
		return nil, nil
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.r, body); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return body, nil
}

// readLine reads one header line without its line ending (CRLF as the
// protocol says, or a bare LF).
func (s *stream) readLine() (string, error) {
	var line []byte
	for {
		chunk, err := s.r.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxHeaderBytes {
			return "", fmt.Errorf("%w: a header line over %d bytes", errFraming, maxHeaderBytes)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err == io.EOF && len(line) > 0 {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		return string(bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))), nil
	}
}

// replyError answers a message the server could not take. id is the raw id
// when the message had a usable one, or nil for null.
func (s *stream) replyError(id json.RawMessage, code int, message string) {
	if id == nil {
		id = json.RawMessage("null")
	}
	data, _ := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}{JSONRPC: "2.0", ID: id, Error: struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}{code, message}})
	if err := s.write(data); err != nil {
		s.log.printf("answering a malformed message: %v", err)
	}
}

// idOf returns a message's id when it is a number or a string, the two
// kinds JSON-RPC allows.
func idOf(body []byte) json.RawMessage {
	var m struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(body, &m) != nil || len(m.ID) == 0 {
		return nil
	}
	var n json.Number
	var str string
	if json.Unmarshal(m.ID, &n) == nil || json.Unmarshal(m.ID, &str) == nil {
		return m.ID
	}
	return nil
}
