package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file tests what the server reads from disk: offer, band, tax and rates files
// inside its workspace folders, or directly in the directory of a file
// opened outside them, never another file, whatever path, link or file
// event leads there.

// inProject reports whether the server's project holds a file's text: a
// refused file is held as its refusal alone (refused.go).
func inProject(c *client, name string) bool {
	return c.srv.project.File(name) != nil && c.srv.refusal(name) == nil
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadsOnlyInsideWorkspaceFolders(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.offer.hcl")
	write(t, secret, "offer \"secret\" {\n  base = 987654\n}\n")
	ws := t.TempDir()
	write(t, filepath.Join(ws, "sub", "target.offer.hcl"), "offer \"inside\" {\n  base = 1\n}\n")
	for link, target := range map[string]string{
		"leak.offer.hcl":  secret,                                       // a file link out of the folder
		"linked":          outside,                                      // a directory link out of it
		"alias.offer.hcl": filepath.Join(ws, "sub", "target.offer.hcl"), // a link inside it: fine
	} {
		if err := os.Symlink(target, filepath.Join(ws, link)); err != nil {
			t.Fatal(err)
		}
	}
	// A FIFO would block a reader forever: only regular files are read.
	if err := syscall.Mkfifo(filepath.Join(ws, "fifo.offer.hcl"), 0o644); err != nil {
		t.Fatal(err)
	}

	c := start(t, ws, nil)
	for _, name := range []string{filepath.Join(ws, "leak.offer.hcl"), filepath.Join(ws, "linked", "secret.offer.hcl"), secret, filepath.Join(ws, "fifo.offer.hcl")} {
		if inProject(c, name) {
			t.Errorf("the workspace scan read %s", name)
		}
	}
	for _, name := range []string{filepath.Join(ws, "sub", "target.offer.hcl"), filepath.Join(ws, "alias.offer.hcl")} {
		if !inProject(c, name) {
			t.Errorf("the workspace scan did not read %s", name)
		}
	}

	counter := c.open(filepath.Join(ws, "counter.offer.hcl"), "counter \"c\" {\n  offer = offer.secret\n  base  = 1\n}\n")
	if got := published(c.waitDiags(counter, 1)); len(got) != 1 || !strings.Contains(got[0], "unknown-reference") {
		t.Errorf("the counter sees the secret offer: %q", got)
	}

	// File events naming files outside the folders, directly, through
	// "..", or through links, are not followed.
	write(t, filepath.Join(ws, "later.offer.hcl"), "offer \"later\" {\n  base = 2\n}\n")
	var changes []any
	for _, uri := range []string{
		nameToURI(secret),
		nameToURI(filepath.Join(ws, "leak.offer.hcl")),
		nameToURI(filepath.Join(ws, "linked", "secret.offer.hcl")),
		"file://" + filepath.ToSlash(ws) + "/../" + filepath.Base(outside) + "/secret.offer.hcl",
		nameToURI(filepath.Join(ws, "fifo.offer.hcl")),
		"file:///etc/passwd",
		nameToURI(filepath.Join(ws, "later.offer.hcl")), // inside: read
	} {
		changes = append(changes, map[string]any{"uri": uri, "type": 2})
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": changes})
	var locs []protocol.Location
	c.call("textDocument/definition", map[string]any{"textDocument": doc(counter), "position": pos(1, 18)}, &locs)
	if len(locs) != 0 {
		t.Errorf("definition of offer.secret: %+v", locs)
	}
	for _, name := range []string{secret, filepath.Join(ws, "leak.offer.hcl"), filepath.Join(ws, "linked", "secret.offer.hcl"), "/etc/passwd"} {
		if inProject(c, name) {
			t.Errorf("a file event read %s", name)
		}
	}
	if !inProject(c, filepath.Join(ws, "later.offer.hcl")) {
		t.Error("a file event inside the folder was not read")
	}

	// A document opened outside the folders brings its own directory: the
	// offer, band, tax and rates files beside it are its negotiation and are read, and
	// so is the file once closed; nothing below that directory is.
	write(t, filepath.Join(outside, "sibling.offer.hcl"), "offer \"sibling\" {\n  base = 5\n}\n")
	write(t, filepath.Join(outside, "below", "deep.offer.hcl"), "offer \"deep\" {\n  base = 6\n}\n")
	uri := c.open(secret, "offer \"secret\" {\n  base = 1\n}\n")
	c.waitDiags(uri, 1)
	if !inProject(c, secret) || !inProject(c, filepath.Join(outside, "sibling.offer.hcl")) {
		t.Error("the open document and the file beside it are not in the project")
	}
	if inProject(c, filepath.Join(outside, "below", "deep.offer.hcl")) {
		t.Error("opening a lone file walked below its directory")
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": doc(uri)})
	c.waitCleared(uri)
	var lenses []protocol.CodeLens // answered after didClose is done
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(counter)}, &lenses)
	if f := c.srv.project.Workspace(secret).File(secret); f == nil || !strings.Contains(string(f.Src), "987654") {
		t.Error("closing a lone document did not put the file on disk back")
	}
	if log := c.log.String(); !strings.Contains(log, "outside the workspace folders") || strings.Contains(log, "987654") {
		t.Errorf("log: %q", log)
	}
}

// Without workspace folders, a file's own directory is its negotiation:
// the counter finds its offer beside it, and a file event there is read.
func TestLoneFileReadsItsDirectory(t *testing.T) {
	dir := exampleDir(t)
	write(t, filepath.Join(dir, "sub", "other.offer.hcl"), "offer \"other\" {\n  base = 1\n}\n")
	c := start(t, "", nil)
	counter := c.openFile(filepath.Join(dir, "round1.offer.hcl"))
	got := published(c.waitDiags(counter, 1))
	if len(got) != 4 || strings.Contains(strings.Join(got, "\n"), "unknown-reference") {
		t.Errorf("the counter did not find its offer beside it: %q", got)
	}
	if inProject(c, filepath.Join(dir, "sub", "other.offer.hcl")) {
		t.Error("a subdirectory of the lone file's directory was read")
	}
	later := filepath.Join(dir, "later.offer.hcl")
	write(t, later, "offer \"later\" {\n  base = 2\n}\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": nameToURI(later), "type": 1}}})
	c.sync()
	if !inProject(c, later) {
		t.Error("a file event beside the lone file was not read")
	}
}

// A workspace folder that is itself a link is read as the directory it
// points to, under the folder's own name.
func TestWorkspaceFolderThroughALink(t *testing.T) {
	dir := exampleDir(t)
	link := filepath.Join(t.TempDir(), "negotiation")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	c := start(t, link, nil)
	counter := c.open(filepath.Join(link, "round1.offer.hcl"), readFile(t, filepath.Join(dir, "round1.offer.hcl")))
	if got := published(c.waitDiags(counter, 1)); len(got) != 4 {
		t.Errorf("the counter against the offer on disk: %q", got)
	}
	if !inProject(c, filepath.Join(link, "offer.offer.hcl")) {
		t.Error("the offer was not read under the folder's name")
	}
}
