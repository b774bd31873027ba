package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/offerkit/offerkit/lang"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file reads the workspace folders, reporting work-done progress
// ("Reading offer files", n of m) when the client can show it: on the
// workDoneToken the client passed in initialize, read during initialize;
// or, for a client that supports window.workDoneProgress but passed no
// token, on a token the server creates (window/workDoneProgress/create)
// once the client is initialized (or a request needs the folders), read
// then, however soon requests follow. Documents are
// checked once the folders are read (s.loaded), so that no document is
// checked against half a negotiation, and requests about the whole
// workspace wait for it (waitLoaded).

// createTimeout bounds the wait for the client's answer to
// window/workDoneProgress/create (Server.createWait, which tests change);
// without one the folders are read without progress, unless a request
// waits for them meanwhile (readDeferred).
const createTimeout = 5 * time.Second

// startLoad reads the folders during initialize, or leaves them to
// initialized (s.deferredLoad) for a server-created progress token.
func (s *Server) startLoad(folders []string, token *protocol.ProgressToken) {
	switch {
	case token != nil && len(folders) > 0:
		s.loadWithProgress(folders, *token)
	case s.client.progress && len(folders) > 0:
		s.deferredLoad = folders
		return
	default:
		s.loadFolders(folders)
	}
	close(s.loaded)
}

// progressToken reads a progress token the client sends: a number or a
// string. glsp's ProgressToken cannot: its UnmarshalJSON has a value
// receiver, so the value it reads is lost and the progress went out on a
// null token.
type progressToken struct{ value any }

func (t *progressToken) UnmarshalJSON(b []byte) error {
	var n protocol.Integer
	if err := json.Unmarshal(b, &n); err == nil {
		t.value = n
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a progress token is a number or a string: %w", err)
	}
	t.value = s
	return nil
}

// token is the protocol's form of t; nil when the client sent none.
func (t *progressToken) token() *protocol.ProgressToken {
	if t == nil {
		return nil
	}
	return &protocol.ProgressToken{Value: t.value}
}

// loadDeferred runs after initialized: it creates a progress token, then
// reads the folders reporting on it (or without progress when the client
// refuses the token or does not answer). The connection answers requests
// one at a time and reads nothing else meanwhile, so a request that waits
// for the folders (awaitLoad) keeps the client's answer to the token from
// being read: then the folders are read at once, reporting on the token
// all the same, since window/workDoneProgress/create went out before the
// first $/progress and a client reads its messages in order.
func (s *Server) loadDeferred() {
	s.loadOnce.Do(func() {
		if s.deferredLoad != nil {
			go s.readDeferred(s.deferredLoad)
		}
	})
}

func (s *Server) readDeferred(folders []string) {
	defer close(s.loaded)
	tok := protocol.ProgressToken{Value: "offer-load"}
	created, err := s.createToken(tok)
	if err == nil {
		select {
		case err = <-created:
		case <-s.loadAwaited:
			// The answer cannot be read until the request is answered. A
			// client that declares window.workDoneProgress accepts the token
			// (a refusal, which LSP says forbids progress on it, would come
			// too late to act on; a client ignores a token it does not know).
		}
	}
	if err != nil {
		s.log.printf("window/workDoneProgress/create: %v; reading the workspace without progress", err)
		s.loadFolders(folders)
		return
	}
	s.loadWithProgress(folders, tok)
}

// createToken sends window/workDoneProgress/create; it returns once the
// request is written, and the channel gets the client's answer (an error
// when it refuses the token or does not answer within s.createWait).
func (s *Server) createToken(tok protocol.ProgressToken) (<-chan error, error) {
	conn := s.conn.Load()
	if conn == nil {
		return nil, errors.New("no connection")
	}
	w, err := conn.DispatchCall(context.Background(), protocol.ServerWindowWorkDoneProgressCreate, protocol.WorkDoneProgressCreateParams{Token: tok})
	if err != nil {
		return nil, err
	}
	created := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), s.createWait)
		defer cancel()
		var none any
		created <- w.Wait(ctx, &none)
	}()
	return created, nil
}

// awaitLoad tells the deferred load that a request waits for it, and
// starts it if the client has not sent initialized yet: the request holds
// the connection, so initialized could not be read before it is answered.
func (s *Server) awaitLoad() {
	s.awaitOnce.Do(func() { close(s.loadAwaited) })
	s.loadDeferred()
}

// waitLoaded waits until the workspace folders are read (at most
// analysisTimeout), for requests about the whole workspace.
func (s *Server) waitLoaded() {
	s.awaitLoad()
	t := time.NewTimer(analysisTimeout)
	defer t.Stop()
	select {
	case <-s.loaded:
	case <-t.C:
	}
}

func (s *Server) progress(tok protocol.ProgressToken, value any) {
	s.notify(protocol.MethodProgress, protocol.ProgressParams{Token: tok, Value: value})
}

// loadWithProgress is loadFolders reporting each file read.
func (s *Server) loadWithProgress(folders []string, tok protocol.ProgressToken) {
	no := false
	s.progress(tok, protocol.WorkDoneProgressBegin{Kind: "begin", Title: "Reading offer files", Cancellable: &no})
	files := s.folderFiles(folders)
	for i, name := range files {
		if i%10 == 0 || i == len(files)-1 {
			pct := protocol.UInteger(100 * (i + 1) / len(files))
			msg := fmt.Sprintf("%d of %d: %s", i+1, len(files), filepath.Base(name))
			s.progress(tok, protocol.WorkDoneProgressReport{Kind: "report", Message: &msg, Percentage: &pct})
		}
		s.readIfClosed(name)
	}
	msg := fmt.Sprintf("Read %d offer, band, tax and rates files", len(files))
	s.progress(tok, protocol.WorkDoneProgressEnd{Kind: "end", Message: &msg})
}

// folderFiles lists the offer, band, tax and rates files under the folders.
func (s *Server) folderFiles(folders []string) []string {
	var out []string
	for _, dir := range folders {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			s.log.printf("workspace folder %s is not a directory; skipped", dir)
			continue
		}
		// The separator makes a folder that is itself a link walked as the
		// directory it points to.
		files, err := lang.ExpandNoting([]string{dir + string(filepath.Separator)}, func(sub string, err error) {
			s.log.printf("not reading folder %s: %v; the rest of the workspace is read", sub, err)
		})
		if err != nil {
			s.log.printf("reading workspace folder: %v", err)
		}
		out = append(out, files...)
	}
	return out
}
