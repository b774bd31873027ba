package lang

import "testing"

// Every change that can change what Check or CheckAll returns moves Gen,
// so that what an editor worked out from the whole workspace is worked
// out again; reading the workspace does not.
func TestWorkspaceGen(t *testing.T) {
	p := NewProject(nil)
	ws := p.Workspace("neg/a.offer.hcl")
	gens := []uint64{ws.Gen()}
	step := func(what string, change func()) {
		t.Helper()
		change()
		g := ws.Gen()
		for _, before := range gens {
			if g == before {
				t.Errorf("%s: Gen stays %d", what, g)
			}
		}
		gens = append(gens, g)
	}
	step("Set", func() { ws.Set("neg/a.offer.hcl", []byte("offer \"a\" {\n  base = 100000\n}\n")) })
	step("Set of the same name", func() { ws.Set("neg/a.offer.hcl", []byte("offer \"a\" {\n  base = 110000\n}\n")) })
	step("SetFiles", func() { p.SetFiles([]string{"neg/b.offer.hcl"}, [][]byte{[]byte("offer \"b\" {\n  base = 1\n}\n")}, 1) })
	step("SetRefused", func() { p.SetRefused(&Refusal{Path: "neg/c.offer.hcl", Code: "file-too-large", Message: "too large"}) })
	step("SetExtraBands", func() { ws.SetExtraBands(nil) })
	step("Remove", func() { ws.Remove("neg/b.offer.hcl") })
	g := ws.Gen()
	ws.Check("neg/a.offer.hcl")
	ws.CheckAll()
	ws.Checklist()
	if ws.Gen() != g {
		t.Errorf("checking moved Gen from %d to %d", g, ws.Gen())
	}
}
