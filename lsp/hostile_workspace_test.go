package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// The audit's special files in a workspace folder (issue 20): a link to
// /dev/zero, to /proc/self/environ and out of the folder, a FIFO and a
// sparse 8 GiB file, beside a good offer. The server starts without
// blocking on the FIFO or reading /dev/zero, logs a note naming each file
// it passed over (without their text), publishes a diagnostic on each
// saying why, keeps each in the project as its refusal alone (no text),
// serves the good file, and
// withdraws a refusal when its file is replaced by a regular one or
// deleted.
func TestServerRefusesHostileFiles(t *testing.T) {
	outside := t.TempDir()
	write(t, filepath.Join(outside, "secret.env"), "TOKEN=FAKE_CI_TOKEN_d41d8cd98f00b204\nbase = 987654\n")
	ws := t.TempDir()
	good := filepath.Join(ws, "good.offer.hcl")
	write(t, good, "offer \"good\" {\n  company = \"Globex\"\n  base    = 200000\n}\n")
	hostile := map[string]string{
		"zero.offer.hcl":    "/dev/zero",
		"environ.offer.hcl": "/proc/self/environ",
		"secret.offer.hcl":  filepath.Join(outside, "secret.env"),
		"fifo.offer.hcl":    "",
		"sparse.bands.hcl":  "",
	}
	for name, target := range hostile {
		p := filepath.Join(ws, name)
		var err error
		switch name {
		case "fifo.offer.hcl":
			err = syscall.Mkfifo(p, 0o644)
		case "sparse.bands.hcl":
			err = os.WriteFile(p, nil, 0o644)
			if err == nil {
				err = os.Truncate(p, 8<<30)
			}
		default:
			err = os.Symlink(target, p)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	// The walk must not block on the FIFO nor read /dev/zero: a hung
	// initialize fails the test here instead of at the package timeout.
	watchdog := time.AfterFunc(60*time.Second, func() { panic("initialize did not answer in 60 s over the hostile folder") })
	c := start(t, ws, nil)
	watchdog.Stop()

	if !inProject(c, good) {
		t.Fatal("the good offer was not read")
	}
	log := c.log.String()
	for name := range hostile {
		p := filepath.Join(ws, name)
		if inProject(c, p) {
			t.Errorf("%s is in the project", name)
		}
		if f := c.srv.project.Workspace(p).File(p); f == nil || len(f.Src) != 0 || c.srv.refusal(p) == nil {
			t.Errorf("%s is not kept as refused: %+v", name, f)
		}
		if !strings.Contains(log, "not reading "+p+": ") {
			t.Errorf("no log note for %s:\n%s", name, log)
		}
	}
	if strings.Contains(log, "FAKE_CI_TOKEN") || strings.Contains(log, "987654") {
		t.Errorf("the log holds a target's text:\n%s", log)
	}

	// Each refused file gets one diagnostic of its own, at its first line,
	// saying why it is left out (the user sees it in the problems list,
	// not only in the log), with lint's code and none of the target's text.
	codes := map[string]string{
		"zero.offer.hcl": "link-outside", "environ.offer.hcl": "link-outside", "secret.offer.hcl": "link-outside",
		"fifo.offer.hcl": "not-regular-file", "sparse.bands.hcl": "file-too-large",
	}
	for name, code := range codes {
		p := c.next(nameToURI(filepath.Join(ws, name)))
		got := published(p)
		if len(got) != 1 || !strings.HasPrefix(got[0], "0:0-0:0 1 "+code+" ") || p.Version != nil {
			t.Errorf("%s: published %q (version %v), want one %s error at 0:0", name, got, p.Version, code)
		}
		if strings.Contains(strings.Join(got, ""), "FAKE_CI_TOKEN") || strings.Contains(strings.Join(got, ""), "987654") {
			t.Errorf("%s: the diagnostic holds a target's text: %q", name, got)
		}
	}

	// The good file is served: a counter finds its offer, and its
	// definition is the good file.
	counter := c.open(filepath.Join(ws, "counter.offer.hcl"), "counter \"c\" {\n  offer = offer.good\n  base  = 210000\n}\n")
	for _, d := range published(c.waitDiags(counter, 1)) {
		if strings.Contains(d, "unknown-reference") || strings.Contains(d, "error") && strings.Contains(d, " 1 ") {
			t.Errorf("the counter does not find the good offer: %s", d)
		}
	}
	var locs []protocol.Location
	c.call("textDocument/definition", map[string]any{"textDocument": doc(counter), "position": pos(1, 18)}, &locs)
	if len(locs) != 1 || locs[0].URI != nameToURI(good) {
		t.Errorf("definition of offer.good: %+v", locs)
	}

	// The FIFO replaced by a regular offer: read, and its refusal withdrawn.
	fifo := filepath.Join(ws, "fifo.offer.hcl")
	if err := os.Remove(fifo); err != nil {
		t.Fatal(err)
	}
	write(t, fifo, "offer \"piped\" {\n  company = \"Globex\"\n  base    = 190000\n}\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": nameToURI(fifo), "type": 2}}})
	if got := published(c.next(nameToURI(fifo))); len(got) != 0 {
		t.Errorf("the FIFO's refusal stays after it became a regular file: %q", got)
	}
	if !inProject(c, fifo) {
		t.Error("the file that replaced the FIFO was not read")
	}
	// A refused file deleted: its refusal withdrawn.
	sparse := filepath.Join(ws, "sparse.bands.hcl")
	os.Remove(sparse)
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": nameToURI(sparse), "type": 3}}})
	if got := published(c.next(nameToURI(sparse))); len(got) != 0 {
		t.Errorf("the deleted file's refusal stays: %q", got)
	}
}

// A link to nothing in a folder (Emacs's lock file beside a buffer with
// unsaved edits) is passed over, as the CLI passes it over
// (TestFolderPassesOverDanglingLink): the good file is served, the link is
// neither in the project nor refused nor logged.
func TestServerPassesOverDanglingLink(t *testing.T) {
	ws := t.TempDir()
	good := filepath.Join(ws, "offer.offer.hcl")
	write(t, good, "offer \"good\" {\n  company = \"Globex\"\n  base    = 200000\n}\n")
	lock := filepath.Join(ws, ".#offer.offer.hcl")
	if err := os.Symlink("root@host.1234:1700000000", lock); err != nil {
		t.Fatal(err)
	}
	c := start(t, ws, nil)
	if !inProject(c, good) {
		t.Fatal("the good offer was not read")
	}
	if inProject(c, lock) || c.srv.refusal(lock) != nil || strings.Contains(c.log.String(), lock) {
		t.Errorf("the dangling link was not passed over:\n%s", c.log.String())
	}
}
