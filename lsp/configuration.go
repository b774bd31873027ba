package lsp

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"sync"

	"github.com/offerkit/offerkit/lang"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file reads the server's settings: initializationOptions.settings
// at start, then on every workspace/didChangeConfiguration the "offer"
// section the client sends, or, from a client that sends none, the one it
// answers to workspace/configuration. Settings say how
// the server works, never a figure: what changes figures stays in the
// files.
//
//	{"offer": {"bands": ["/path/to/company.bands.hcl"], "positionEncoding": "utf-16"}}

// initOptions are what a client may pass as initializationOptions.
type initOptions struct {
	// CompareView: the client shows offer.compare's table itself, so the
	// server does not also send it as a message.
	CompareView bool `json:"compareView"`
	// PullDiagnostics: the client prefers textDocument/diagnostic to
	// published diagnostics; honoured when it also declares
	// textDocument.diagnostic (pulldiagnostics.go).
	PullDiagnostics bool `json:"pullDiagnostics"`
	// Settings: the "offer" section, for clients without
	// workspace/configuration.
	Settings json.RawMessage `json:"settings"`
}

// settings is the "offer" section as last applied.
type settings struct {
	mu sync.Mutex
	// reading is held across a reading of the band files (readSettingBands),
	// which the reply to workspace/configuration and a watched-file event
	// may start at once: the last to run applies the setting as it is then.
	reading sync.Mutex
	// Bands are band files applied to every workspace, after --bands.
	Bands []string
	// bandPaths are the band files read for Bands (a relative one joined
	// to the first folder), cleaned: a watched-file event naming one
	// reads them again.
	bandPaths []string
	// asked numbers the workspace/configuration requests; answered is the
	// number of the last answer applied. Each reply runs on its own
	// goroutine (conn.go), so an answer to an earlier request may come
	// after a later one's: it is then ignored, not applied over it.
	asked, answered uint64
	// PositionEncoding overrides the negotiated encoding ("utf-16" or
	// "utf-8"), for a client that counts differently from what it says. It
	// is read at initialize; a change takes effect when the server
	// restarts.
	PositionEncoding Encoding
}

// sectionOf decodes a settings object that is either the "offer" section
// itself or an object holding it.
func sectionOf(raw json.RawMessage) (bands []string, enc Encoding, ok bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, "", false
	}
	var outer struct {
		Offer *struct {
			Bands            []string `json:"bands"`
			PositionEncoding Encoding `json:"positionEncoding"`
		} `json:"offer"`
		Bands            []string `json:"bands"`
		PositionEncoding Encoding `json:"positionEncoding"`
	}
	if err := json.Unmarshal(raw, &outer); err != nil {
		return nil, "", false
	}
	if outer.Offer != nil {
		return outer.Offer.Bands, outer.Offer.PositionEncoding, true
	}
	return outer.Bands, outer.PositionEncoding, true
}

// encoding returns the position encoding initializationOptions.settings
// asks for.
func (o *initOptions) encoding(_ []Encoding) (Encoding, bool) {
	_, enc, ok := sectionOf(o.Settings)
	if !ok || enc != UTF8 && enc != UTF16 {
		return "", false
	}
	return enc, true
}

// applySettings takes a new "offer" section: band files are read again and
// every open document is checked again when they changed (and recheck is
// set). answer is the number of the workspace/configuration request the
// section answers (askSettings), 0 when none asked for it.
func (s *Server) applySettings(raw json.RawMessage, recheck bool, answer uint64) {
	bands, enc, ok := sectionOf(raw)
	s.settings.mu.Lock()
	if answer != 0 {
		if answer < s.settings.answered {
			s.settings.mu.Unlock()
			s.log.printf("settings: an answer to workspace/configuration came after a later one's; ignored")
			return
		}
		s.settings.answered = answer // also when it holds no section: an older answer must not win after it
	}
	if !ok {
		s.settings.mu.Unlock()
		if answer != 0 {
			s.log.printf("settings: the answer to workspace/configuration holds no offer section; the settings stay as they were")
		}
		return
	}
	same := slices.Equal(bands, s.settings.Bands)
	oldEnc := s.settings.PositionEncoding
	s.settings.Bands, s.settings.PositionEncoding = bands, enc
	s.settings.mu.Unlock()
	if recheck && enc != oldEnc && enc != "" && enc != s.enc {
		s.log.printf("the positionEncoding setting takes effect when the server restarts")
	}
	if same {
		return
	}
	s.readSettingBands()
	if recheck {
		s.recheck(s.openNames())
	}
}

// readSettingBands reads the band files of the settings and applies them
// to every workspace, after --bands.
func (s *Server) readSettingBands() {
	s.settings.reading.Lock()
	defer s.settings.reading.Unlock()
	s.settings.mu.Lock()
	bands := s.settings.Bands
	s.settings.mu.Unlock()
	extra := append([]*lang.File(nil), s.opts.ExtraBands...)
	var paths []string
	for _, path := range bands {
		if !filepath.IsAbs(path) {
			if folders := s.roots.folders(); len(folders) > 0 {
				path = filepath.Join(folders[0], path)
			}
		}
		if kind, _ := lang.KindOf(path); kind != lang.BandsFile {
			s.log.printf("setting offer.bands: %s is not a *.bands.hcl file; skipped", path)
			continue
		}
		paths = append(paths, filepath.Clean(path))
		src, err := lang.ReadFile(path, "")
		if err != nil {
			s.log.printf("setting offer.bands: %v", err)
			continue
		}
		extra = append(extra, lang.DecodeAs(path, src, lang.BandsFile))
	}
	s.project.SetExtraBands(extra)
	s.settings.mu.Lock()
	s.settings.bandPaths = paths
	s.settings.mu.Unlock()
	s.watchSettingBands() // workspace.go
}

// isSettingBands reports whether a file is one of the settings' band
// files.
func (s *Server) isSettingBands(name string) bool {
	s.settings.mu.Lock()
	defer s.settings.mu.Unlock()
	return slices.Contains(s.settings.bandPaths, name)
}

// rereadSettingBands reads the settings' band files again (one changed on
// disk, or the first folder, which relative ones start at, changed) and
// checks every open document again.
func (s *Server) rereadSettingBands() {
	s.readSettingBands()
	s.recheck(s.openNames())
}

// openNames returns the names of the open documents.
func (s *Server) openNames() []string {
	var names []string
	for _, d := range s.docs.all() {
		names = append(names, d.name)
	}
	return names
}

// registerSettings asks a client that needs it to send
// didChangeConfiguration for the "offer" section.
func (s *Server) registerSettings() {
	if s.client.configRegister {
		s.call("client/registerCapability", protocol.RegistrationParams{Registrations: []protocol.Registration{{
			ID: "offer-configuration", Method: protocol.MethodWorkspaceDidChangeConfiguration,
			RegisterOptions: map[string]any{"section": "offer"},
		}}})
	}
}

// askSettings asks the client for the "offer" section.
func (s *Server) askSettings() {
	if !s.client.configuration {
		return
	}
	s.settings.mu.Lock()
	s.settings.asked++
	n := s.settings.asked
	s.settings.mu.Unlock()
	s.callThen(protocol.ServerWorkspaceConfiguration, protocol.ConfigurationParams{Items: []protocol.ConfigurationItem{{Section: ptr("offer")}}},
		func(raw json.RawMessage) {
			var sections []json.RawMessage
			if json.Unmarshal(raw, &sections) == nil && len(sections) == 1 {
				s.applySettings(sections[0], true, n)
			}
		})
}

// didChangeConfiguration reloads the settings: those the notification
// carries, or, from a client that sends none, those it answers when asked.
func (s *Server) didChangeConfiguration(_ *glsp.Context, p *protocol.DidChangeConfigurationParams) error {
	raw, _ := json.Marshal(p.Settings)
	if _, _, ok := sectionOf(raw); ok && !s.client.configuration {
		s.applySettings(raw, true, 0)
		return nil
	}
	s.askSettings()
	return nil
}

func ptr[T any](v T) *T { return &v }
