package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/offerkit/offerkit/lang"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file reads the workspace folders during initialize, reporting
// work-done progress ("Reading offer files", n of m) on the workDoneToken
// the client passed in initialize, when it passed one. Documents are
// checked once the folders are read (s.loaded), so that no document is
// checked against half a negotiation. (A server-created token, for
// clients that pass none, would need the folders read after initialize:
// not done yet.)

func (s *Server) startLoad(folders []string, token *protocol.ProgressToken) {
	if token != nil && len(folders) > 0 {
		s.loadWithProgress(folders, *token)
	} else {
		s.loadFolders(folders)
	}
	close(s.loaded)
}

// waitLoaded waits until the workspace folders are read (at most
// analysisTimeout), for requests about the whole workspace.
func (s *Server) waitLoaded() {
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
