package lsp

import (
	"sync"
	"time"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
)

// This file shows the preparation checklist in the editor: the items
// `offer checklist` finds missing become info diagnostics (code
// "checklist") in the file they concern. The checklist reads the whole
// workspace, so it is worked out once per workspace after a quiet moment
// following opens and saves, never on the keystroke path, and a burst of
// opens (an editor restoring a session) costs one computation, not one per
// document.

// checklistDelay is the quiet time before a workspace's checklist is
// worked out.
const checklistDelay = 200 * time.Millisecond

// checklists schedules the checklist of each workspace.
type checklists struct {
	mu      sync.Mutex
	pending map[*lang.Workspace]*time.Timer
}

// schedule asks for the workspace's checklist after a quiet moment; a
// request while one is pending pushes it back.
func (s *Server) scheduleChecklist(ws *lang.Workspace) {
	c := &s.checklists
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending == nil {
		c.pending = map[*lang.Workspace]*time.Timer{}
	}
	if t, ok := c.pending[ws]; ok {
		t.Reset(checklistDelay)
		return
	}
	c.pending[ws] = time.AfterFunc(checklistDelay, func() {
		c.mu.Lock()
		delete(c.pending, ws)
		c.mu.Unlock()
		s.runChecklist(ws)
	})
}

// runChecklist works out a workspace's checklist and publishes the open
// documents of that workspace again with their items.
func (s *Server) runChecklist(ws *lang.Workspace) {
	if s.shutdown.Load() {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			s.log.panic("checklist", p)
		}
	}()
	items := ws.Checklist()
	changed := false
	defer func() {
		if changed {
			s.diagnosticRefresh() // a pulling client pulls the items (pulldiagnostics.go)
		}
	}()
	for _, d := range s.docs.all() {
		if d.ws != ws {
			continue
		}
		mine := analysis.ChecklistDiagnosticsOf(items, d.name)
		d.mu.Lock()
		changed = changed || !sameDiagnostics(d.checklist, mine)
		d.checklist = mine
		res, gen, version, m := d.res, d.resGen, d.resVersion, d.resMap
		current := d.resGen == d.gen && !d.dirty
		d.mu.Unlock()
		// A document with newer text pending gets the items with the
		// publication of that text; republishing an older version would
		// only confuse a client waiting for the newer one.
		if current && res != nil && m != nil {
			s.publish(d, gen, version, res, m)
		}
	}
}

// sameDiagnostics reports whether two lists say the same at the same places.
func sameDiagnostics(a, b lang.Diagnostics) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Code != b[i].Code || a[i].Subject != b[i].Subject || a[i].Message() != b[i].Message() {
			return false
		}
	}
	return true
}
