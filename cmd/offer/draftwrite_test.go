package main

// offer script/email/counter --write: the block the editor's action
// inserts, written through the atomic writer, the file left formatted, and
// a second --write a no-op.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
)

// copyExample copies an example directory into a new temporary directory
// and returns it.
func copyExample(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	copyDir(t, filepath.Join("..", "..", "examples", name), dir)
	return dir
}

// editorAction returns the file after the editor's action with the title,
// offered at the first occurrence of at in the file: what --write must
// leave.
func editorAction(t *testing.T, file, at, title string) string {
	t.Helper()
	p, _, err := lang.Load([]string{filepath.Dir(file)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ws := p.Workspace(file)
	r := ws.Check(file)
	off := strings.Index(string(r.File.Src), at)
	if off < 0 {
		t.Fatalf("%q not in %s", at, file)
	}
	pos := lang.PosAt(r.File.Src, off)
	acts := append(analysis.Actions(ws, r, hcl.Range{Filename: file, Start: pos, End: pos}), analysis.DraftActions(ws, r, pos)...)
	for _, a := range acts {
		if a.Title == title {
			if err := a.Resolve(); err != nil {
				t.Fatal(err)
			}
			return string(analysis.Apply(r.File.Src, a.Edits))
		}
	}
	var titles []string
	for _, a := range acts {
		titles = append(titles, a.Title)
	}
	t.Fatalf("no action %q at %q; have %q", title, at, titles)
	return ""
}

func mustRun(t *testing.T, want int, args ...string) (string, string) {
	t.Helper()
	var out, errOut strings.Builder
	if code := run(args, strings.NewReader(""), &out, &errOut); code != want {
		t.Fatalf("offer %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, out.String(), errOut.String())
	}
	return out.String(), errOut.String()
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// checkWritten checks a --write: the file is what the editor's action
// leaves, it is formatted (offer fmt -check), the workspace still lints
// without errors, nothing was printed on standard output, and a second
// --write changes nothing.
func checkWritten(t *testing.T, dir, file, want string, args ...string) {
	t.Helper()
	before := read(t, file)
	out, msg := mustRun(t, 0, args...)
	if out != "" || !strings.Contains(msg, "wrote it into") {
		t.Fatalf("stdout %q, stderr %q", out, msg)
	}
	got := read(t, file)
	if got == before {
		t.Fatal("the file did not change")
	}
	if want != "" && got != want {
		t.Fatalf("--write left\n%s\nthe editor's action leaves\n%s", got, want)
	}
	mustRun(t, 0, "fmt", "-check", file)
	mustRun(t, 0, "lint", dir)
	_, msg = mustRun(t, 0, args...)
	if read(t, file) != got || !strings.Contains(msg, "nothing written") {
		t.Fatalf("second --write: %s\n%s", msg, read(t, file))
	}
}

func TestScriptAndEmailWrite(t *testing.T) {
	dir := copyExample(t, "full-negotiation")
	round2 := filepath.Join(dir, "round2.offer.hcl")
	round1 := filepath.Join(dir, "round1.offer.hcl")

	// A lever's script, as "Insert script for sign_on" writes it.
	want := editorAction(t, round2, "sign_on {", "Insert script for sign_on")
	checkWritten(t, dir, round2, want, "script", "sign_on", "--counter", "round2", "--write", dir)
	if !strings.Contains(read(t, round2), "script \"sign_on\" {") {
		t.Fatal("no script block")
	}
	// The acceptance email replaces the one round2 holds: still one.
	want = editorAction(t, round2, "round = 2", "Draft acceptance email")
	checkWritten(t, dir, round2, want, "email", "accept", "--counter", "round2", "--write", dir)
	if n := strings.Count(read(t, round2), "email \"accept\""); n != 1 {
		t.Fatalf("%d accept emails", n)
	}
	// Round 1's email into a counter that had no text blocks.
	want = editorAction(t, round1, "round = 1", "Draft round-1 email")
	checkWritten(t, dir, round1, want, "email", "round1", "--counter", "round1", "--write", dir)
	out, _ := mustRun(t, 0, "email", "round1", "--counter", "round1", dir)
	if body := strings.SplitN(out, "\n\n", 2)[1]; !strings.Contains(read(t, round1), strings.SplitN(body, "\n", 2)[0]) {
		t.Fatalf("the written email is not the printed one:\n%s", read(t, round1))
	}
}

func TestWriteIntoOfferAndCandidate(t *testing.T) {
	dir := copyExample(t, "full-negotiation")
	final := filepath.Join(dir, "final.offer.hcl")
	// Round 2 keeps no acceptance email here, so that the checklist has to
	// find the one kept in the offer.
	round2 := filepath.Join(dir, "round2.offer.hcl")
	src := read(t, round2)
	cut := strings.Index(src, "\n  email \"accept\"")
	if cut < 0 {
		t.Fatal("round2 has no acceptance email to remove")
	}
	os.WriteFile(round2, []byte(src[:cut]+"\n}\n"), 0o644)
	out, _ := mustRun(t, 0, "checklist", dir)
	if !strings.Contains(out, "No email \"accept\" block in counter round2 or the offer it answers") {
		t.Fatalf("checklist before the write:\n%s", out)
	}
	// The acceptance email kept in the version being accepted.
	checkWritten(t, dir, final, "", "email", "accept", "--offer", "amazon_l6_final", "--write", dir)
	f := lang.Decode(final, []byte(read(t, final)))
	if len(f.Offers) != 1 || len(f.Offers[0].Emails) != 1 || f.Offers[0].Emails[0].Label != "accept" {
		t.Fatalf("no accept email in the offer block:\n%s", read(t, final))
	}
	// The checklist finds it there.
	out, _ = mustRun(t, 0, "checklist", dir)
	if !strings.Contains(out, "the acceptance email in offer amazon_l6_final states all 5 terms") {
		t.Fatalf("checklist does not see the email in the offer:\n%s", out)
	}
	// The answers to the recruiter's questions replace the candidate's.
	offer := filepath.Join(dir, "offer.offer.hcl")
	checkWritten(t, dir, offer, "", "script", "questions", "--write", dir)
	f = lang.Decode(offer, []byte(read(t, offer)))
	if len(f.Candidates) != 1 || len(f.Candidates[0].Scripts) != 1 || f.Candidates[0].Scripts[0].Label != "questions" {
		t.Fatalf("candidate scripts:\n%s", read(t, offer))
	}
	printed, _ := mustRun(t, 0, "script", "questions", dir)
	if f.Candidates[0].Scripts[0].Text != printed {
		t.Fatalf("kept %q, printed %q", f.Candidates[0].Scripts[0].Text, printed)
	}
}

func TestWriteAddsCandidateBlock(t *testing.T) {
	dir := copyExample(t, "amazon-l7-bay-area")
	file := filepath.Join(dir, "offer.offer.hcl")
	checkWritten(t, dir, file, "", "script", "questions", "--write", dir)
	f := lang.Decode(file, []byte(read(t, file)))
	if len(f.Candidates) != 1 || len(f.Candidates[0].Scripts) != 1 {
		t.Fatalf("no candidate block with the answers:\n%s", read(t, file))
	}
}

func TestWriteRules(t *testing.T) {
	dir := copyExample(t, "full-negotiation")
	round1 := filepath.Join(dir, "round1.offer.hcl")
	before := read(t, round1)
	os.Chmod(round1, 0o444)
	if _, msg := mustRun(t, 1, "script", "base", "--counter", "round1", "--write", dir); !strings.Contains(msg, "read-only") {
		t.Fatalf("read-only: %s", msg)
	}
	if read(t, round1) != before {
		t.Fatal("a read-only file was rewritten")
	}
	mustRun(t, 0, "script", "base", "--counter", "round1", "--write", "--force", dir)
	if st, _ := os.Stat(round1); st.Mode().Perm() != 0o444 || read(t, round1) == before {
		t.Fatalf("--force: mode %v", st.Mode())
	}
	mustRun(t, 2, "script", "base", "--force", dir) // --force alone is a usage error

	// Through a link: refused, the target untouched.
	elsewhere := filepath.Join(t.TempDir(), "round2.txt")
	round2 := filepath.Join(dir, "round2.offer.hcl")
	os.WriteFile(elsewhere, []byte(read(t, round2)), 0o644)
	os.Remove(round2)
	os.Symlink(elsewhere, round2)
	target := read(t, elsewhere)
	mustRun(t, 1, "email", "followup", "--counter", "round2", "--write", dir)
	if read(t, elsewhere) != target {
		t.Fatal("wrote through a symbolic link")
	}
}

func TestCounterWrite(t *testing.T) {
	dir := copyExample(t, "amazon-l6-seattle")
	file := filepath.Join(dir, "offer.offer.hcl")
	printed, _ := mustRun(t, 0, "counter", "--offer", "amazon_l6", dir)
	want := editorAction(t, file, "offer \"amazon_l6\"", "Insert counter-proposal for offer amazon_l6")
	before := read(t, file)
	out, msg := mustRun(t, 0, "counter", "--offer", "amazon_l6", "--write", dir)
	if out != "" || !strings.Contains(msg, "wrote it into after offer \"amazon_l6\"") {
		t.Fatalf("stdout %q, stderr %q", out, msg)
	}
	got := read(t, file)
	if got != want || got == before {
		t.Fatalf("--write left\n%s\nthe editor's action leaves\n%s", got, want)
	}
	if !strings.Contains(got, printed) {
		t.Fatalf("the written counter is not the printed one:\n%s", got)
	}
	mustRun(t, 0, "fmt", "-check", file)
	mustRun(t, 0, "lint", dir)
	// The written counter is a counter of the workspace: the report values it.
	rep, _ := mustRun(t, 0, "report", dir)
	if !strings.Contains(rep, "counter amazon_l6_counter") {
		t.Fatalf("report:\n%s", rep)
	}
	mustRun(t, 2, "counter", dir)                         // --offer is required
	mustRun(t, 2, "counter", "--offer", "amazon_l7", dir) // no such offer
}
