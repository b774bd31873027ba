package main

// inotify is Linux's: this test is built on Linux alone.

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A PATH of another kind is refused from its metadata alone, never opened
// (namedFile, lang.Judge): inotify sees no open of notes.txt, nor of a
// link to it, and a FIFO named notes.txt is refused at once by the built
// binary (under runBinary's deadline) with the reading rules' reason.
func TestWorkspacePathNotOpened(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("offer \"o\" {\n  base = 1\n}\n"), 0o644)
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink("notes.txt", link); err != nil {
		t.Fatal(err)
	}
	fd, err := syscall.InotifyInit1(syscall.IN_NONBLOCK | syscall.IN_CLOEXEC)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	if _, err := syscall.InotifyAddWatch(fd, notes, syscall.IN_OPEN|syscall.IN_ACCESS); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{notes, link} {
		out, errOut, code := runCLI(t, "tax", path)
		if want := path + ": not a folder, nor an offer, band, tax or rates file"; code != exitFindings || !strings.Contains(errOut, want) {
			t.Errorf("offer tax %s: exit %d, want %d and %q\n%s%s", path, code, exitFindings, want, out, errOut)
		}
	}
	buf := make([]byte, 4096)
	if n, err := syscall.Read(fd, buf); err != syscall.EAGAIN {
		t.Errorf("notes.txt was opened or read to be refused (inotify: %d bytes, %v)", n, err)
	}

	fifo := filepath.Join(t.TempDir(), "notes.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := runBinary(t, buildOffer(t), dir, nil, 20*time.Second, "tax", fifo)
	if want := fifo + ": The file is a named pipe (FIFO)"; code != exitFindings || !strings.Contains(out, want) {
		t.Errorf("offer tax %s: exit %d, want %d and %q\n%s", fifo, code, exitFindings, want, out)
	}
}
