package lsp

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

type pulledReport struct {
	Kind     string `json:"kind"`
	ResultID string `json:"resultId"`
	Items    []struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"items"`
}

func (r pulledReport) codes() string {
	var out []string
	for _, d := range r.Items {
		out = append(out, d.Code)
	}
	return strings.Join(out, ",")
}

// A client that supports textDocument/diagnostic and prefers it pulls:
// diagnosticProvider is declared, nothing is published, a report the
// client already has is "unchanged", and another file's change asks the
// client to pull again.
func TestPullDiagnostics(t *testing.T) {
	dir := exampleDir(t)
	c := newClient(t, nil)
	var res struct {
		Capabilities struct {
			DiagnosticProvider *struct {
				InterFileDependencies bool `json:"interFileDependencies"`
			} `json:"diagnosticProvider"`
		} `json:"capabilities"`
	}
	c.call("initialize", map[string]any{"processId": nil, "rootUri": nameToURI(dir), "initializationOptions": map[string]any{"pullDiagnostics": true},
		"capabilities": map[string]any{"textDocument": map[string]any{"diagnostic": map[string]any{}},
			"workspace": map[string]any{"diagnostics": map[string]any{"refreshSupport": true}}}}, &res)
	c.notify("initialized", map[string]any{})
	if p := res.Capabilities.DiagnosticProvider; p == nil || !p.InterFileDependencies {
		t.Fatalf("diagnosticProvider: %+v", p)
	}
	counterPath, offerPath := filepath.Join(dir, "round1.offer.hcl"), filepath.Join(dir, "offer.offer.hcl")
	counter := c.openFile(counterPath)
	offer := c.openFile(offerPath)

	var first, again pulledReport
	c.call("textDocument/diagnostic", map[string]any{"textDocument": doc(counter)}, &first)
	if first.Kind != "full" || first.ResultID == "" || len(first.Items) == 0 || strings.Contains(first.codes(), "unknown-reference") {
		t.Fatalf("first pull: %+v", first)
	}
	c.call("textDocument/diagnostic", map[string]any{"textDocument": doc(counter), "previousResultId": first.ResultID}, &again)
	if again.Kind != "unchanged" || again.ResultID != first.ResultID || again.Items != nil {
		t.Errorf("pull with the same result id: %+v", again)
	}

	// Renaming the offer (line 1 is `offer "amazon_l6" {`) leaves the
	// counter's reference unknown: the client is asked to pull again, and
	// the counter's report changes.
	c.sync()
	for len(c.callCh) > 0 { // the refreshes sent while the two files were opened
		<-c.callCh
	}
	c.change(offer, 2, rng(1, 7, 1, 16), "other")
	// A request on the offer waits for its analysis, which marks the
	// counter for a new check before the refresh (a refresh sent by the
	// checklist of the opens could come first, and a pull before the
	// offer's analysis would rightly find the counter unchanged).
	var h any
	c.call("textDocument/hover", map[string]any{"textDocument": doc(offer), "position": pos(0, 0)}, &h)
	c.waitCall("workspace/diagnostic/refresh")
	c.call("textDocument/diagnostic", map[string]any{"textDocument": doc(counter), "previousResultId": first.ResultID}, &again)
	if again.Kind != "full" || again.ResultID == first.ResultID || !strings.Contains(again.codes(), "unknown-reference") {
		t.Errorf("pull after the offer's rename: %+v", again)
	}

	// A document that is not open is refused.
	if e := c.callErr("textDocument/diagnostic", map[string]any{"textDocument": doc(nameToURI(filepath.Join(dir, "none.offer.hcl")))}); e.Code != -32803 {
		t.Errorf("pull of a closed document: %v", e)
	}
	// Nothing was published, not even on close.
	c.notify("textDocument/didClose", map[string]any{"textDocument": doc(counter)})
	c.call("textDocument/diagnostic", map[string]any{"textDocument": doc(offer)}, &again)
	select {
	case p := <-c.diags:
		t.Errorf("published to a pulling client: %+v", p)
	default:
	}
}

// diagnosticProvider is declared only to a client that supports pulling
// and prefers it; the others get published diagnostics.
func TestPullDiagnosticsOnlyWhenPreferred(t *testing.T) {
	for _, tc := range []struct {
		caps map[string]any
		opts map[string]any
	}{
		{caps: map[string]any{"textDocument": map[string]any{"diagnostic": map[string]any{}}}}, // supports, does not ask
		{caps: map[string]any{}, opts: map[string]any{"pullDiagnostics": true}},                // asks, cannot
	} {
		dir := exampleDir(t)
		c := newClient(t, nil)
		var res struct {
			Capabilities map[string]any `json:"capabilities"`
		}
		c.call("initialize", map[string]any{"processId": nil, "rootUri": nameToURI(dir), "capabilities": tc.caps, "initializationOptions": tc.opts}, &res)
		c.notify("initialized", map[string]any{})
		if _, ok := res.Capabilities["diagnosticProvider"]; ok {
			t.Errorf("diagnosticProvider declared to %v %v", tc.caps, tc.opts)
		}
		uri := c.openFile(filepath.Join(dir, "round1.offer.hcl"))
		c.waitDiags(uri, 1)
	}
}

// A refused file's diagnostic is pushed even to a client that pulls (the
// file is not open). Once the file is opened, the client pulls the
// document's own diagnostics, so the pushed refusal is withdrawn rather
// than shown beside them until the file is closed; on close it is pushed
// again, since the file on disk is still refused.
func TestPullingClientOpensARefusedFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.offer.hcl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, nil)
	var res any
	c.call("initialize", map[string]any{"processId": nil, "rootUri": nameToURI(dir), "initializationOptions": map[string]any{"pullDiagnostics": true},
		"capabilities": map[string]any{"textDocument": map[string]any{"diagnostic": map[string]any{}}}}, &res)
	c.notify("initialized", map[string]any{})
	uri := nameToURI(fifo)
	if got := published(c.next(uri)); len(got) != 1 || !strings.Contains(got[0], " not-regular-file ") {
		t.Fatalf("the FIFO's refusal: %q", got)
	}

	c.open(fifo, "offer \"piped\" {\n  company = \"Globex\"\n  base    = 190000\n}\n")
	if got := published(c.next(uri)); len(got) != 0 {
		t.Errorf("published on open: %q, want the refusal withdrawn", got)
	}
	var pulled pulledReport
	c.call("textDocument/diagnostic", map[string]any{"textDocument": doc(uri)}, &pulled)
	if pulled.Kind != "full" || strings.Contains(pulled.codes(), "not-regular-file") {
		t.Errorf("pulled while open: %+v", pulled)
	}

	c.notify("textDocument/didClose", map[string]any{"textDocument": doc(uri)})
	if got := published(c.next(uri)); len(got) != 1 || !strings.Contains(got[0], " not-regular-file ") {
		t.Errorf("published on close: %q, want the refusal again", got)
	}
}
