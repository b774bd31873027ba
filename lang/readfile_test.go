package lang

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A special file's refusal says what to do for that kind of file: a named
// pipe's text goes in a regular file of the same name (renaming the pipe
// would be wrong advice for a .gitattributes or for a pipe a program
// serves), a socket moves out of the directory. No message tells the user
// to rename the file so it does not end in .hcl.
func TestNotRegularFileSaysWhatToDo(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, ".gitattributes")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "s.offer.hcl")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, c := range []struct {
		path  string
		wants []string
	}{
		{fifo, []string{"named pipe (FIFO)", "as a regular file of this name (remove the pipe first)"}},
		{sock, []string{"is a socket", "Move it out of this directory"}},
	} {
		_, err := ReadFile(c.path, "")
		var r *Refusal
		if !errors.As(err, &r) || r.Code != "not-regular-file" {
			t.Fatalf("%s: %v, want a not-regular-file refusal", c.path, err)
		}
		for _, w := range c.wants {
			if !strings.Contains(r.Message, w) {
				t.Errorf("%s: %q lacks %q", c.path, r.Message, w)
			}
		}
		if strings.Contains(strings.ToLower(r.Message), "rename") || strings.Contains(r.Message, ".hcl") {
			t.Errorf("%s: %q advises renaming", c.path, r.Message)
		}
	}
	for mode, want := range map[os.FileMode]string{
		os.ModeDevice | os.ModeCharDevice: "Remove the device node",
		os.ModeDir:                        "rename the directory",
		os.ModeIrregular:                  "Replace it with a regular file",
	} {
		if got := notRegularMessage(mode); !strings.Contains(got, want) {
			t.Errorf("%v: %q lacks %q", mode, got, want)
		}
	}
}

// A committed link or submodule is refused with what to do: commit the
// file itself, so that later versions are read.
func TestCommittedSpecialEntrySaysWhatToDo(t *testing.T) {
	for _, mode := range []string{"120000", "160000"} {
		var r *Refusal
		if err := CheckBlob("x.offer.hcl", mode, 10); !errors.As(err, &r) || r.Code != "not-regular-file" ||
			!strings.Contains(r.Message, "to have later versions read") {
			t.Errorf("mode %s: %v", mode, err)
		}
	}
	if err := CheckBlob("x.offer.hcl", "100644", 10); err != nil {
		t.Errorf("a regular blob: %v", err)
	}
}
