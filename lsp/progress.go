package lsp

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/offerkit/offerkit/lang"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file reads the workspace folders at start, reporting work-done
// progress ("Reading offer files", n of m) to clients that show it. With
// the token a client passed in initialize, the folders are read during
// initialize; a client that supports window/workDoneProgress/create gets a
// token from the server and the folders are read after `initialized`; other
// clients get the folders read during initialize, silently. Documents are
// checked once the folders are read (s.loaded), so that no document is
// checked against half a negotiation.

// progressWait bounds how long the load waits for `initialized` and for
// the client's answer to window/workDoneProgress/create.
const progressWait = 5 * time.Second

func (s *Server) startLoad(folders []string, token *protocol.ProgressToken) {
	switch {
	case token != nil && len(folders) > 0:
		s.loadWithProgress(folders, *token)
		close(s.loaded)
	case s.client.progress && len(folders) > 0:
		go func() {
			defer close(s.loaded)
			select {
			case <-s.initializedCh:
			case <-time.After(progressWait):
				s.loadFolders(folders)
				return
			}
			tok := protocol.ProgressToken{Value: "offer-workspace-load"}
			if s.createProgress(tok) {
				s.loadWithProgress(folders, tok)
			} else {
				s.loadFolders(folders)
			}
		}()
	default:
		s.loadFolders(folders)
		close(s.loaded)
	}
}

// createProgress asks the client for a progress token; it reports whether
// the client accepted it.
func (s *Server) createProgress(tok protocol.ProgressToken) bool {
	conn := s.conn.Load()
	if conn == nil {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), progressWait)
	defer cancel()
	var res any
	return conn.Call(ctx, protocol.ServerWindowWorkDoneProgressCreate, protocol.WorkDoneProgressCreateParams{Token: tok}, &res) == nil
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
	msg := fmt.Sprintf("Read %d offer and band files", len(files))
	s.progress(tok, protocol.WorkDoneProgressEnd{Kind: "end", Message: &msg})
}

// folderFiles lists the offer and band files under the folders.
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
