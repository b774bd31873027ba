package lang

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func writeTemp(t *testing.T, mode os.FileMode, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "a.offer.hcl")
	if err := os.WriteFile(p, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReplaceKeepsPermissions(t *testing.T) {
	p := writeTemp(t, 0o640, "old\n")
	s, err := ReadSnapshot(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Replace([]byte("new\n")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(got) != "new\n" || st.Mode().Perm() != 0o640 {
		t.Errorf("after Replace: %q mode %v; want \"new\\n\" mode -rw-r-----", got, st.Mode().Perm())
	}
	assertNoTemp(t, filepath.Dir(p))
}

func TestReplaceRefusesChangedFile(t *testing.T) {
	p := writeTemp(t, 0o644, "old\n")
	s, err := ReadSnapshot(p)
	if err != nil {
		t.Fatal(err)
	}
	// Someone saves the file in the meantime (same size, later mtime).
	os.WriteFile(p, []byte("edt\n"), 0o644)
	os.Chtimes(p, time.Now(), s.ModTime.Add(time.Second))
	if err := s.Replace([]byte("new\n")); !errors.Is(err, ErrChanged) {
		t.Fatalf("Replace = %v, want ErrChanged", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "edt\n" {
		t.Errorf("the other writer's text was overwritten: %q", got)
	}
	assertNoTemp(t, filepath.Dir(p))
}

func TestReplaceRefusesChangedContentSameMtime(t *testing.T) {
	p := writeTemp(t, 0o644, "old\n")
	s, _ := ReadSnapshot(p)
	os.WriteFile(p, []byte("edt\n"), 0o644)
	os.Chtimes(p, s.ModTime, s.ModTime) // a coarse clock: same mtime, same size
	if err := s.Replace([]byte("new\n")); !errors.Is(err, ErrChanged) {
		t.Fatalf("Replace = %v, want ErrChanged", err)
	}
}

// TestCrashBeforeRename stops the write between the flushed temporary file
// and the rename, as a crash would: the original is intact.
func TestCrashBeforeRename(t *testing.T) {
	p := writeTemp(t, 0o600, "original\n")
	s, _ := ReadSnapshot(p)
	crash := errors.New("crash")
	var tmpSeen string
	beforeRename = func(tmp string) error {
		tmpSeen = tmp
		if got, _ := os.ReadFile(tmp); string(got) != "replacement\n" {
			t.Errorf("temporary file holds %q before the rename", got)
		}
		if _, ok := KindOf(tmp); ok {
			t.Errorf("temporary file %s would be read as an offer file", tmp)
		}
		return crash
	}
	defer func() { beforeRename = nil }()
	if err := s.Replace([]byte("replacement\n")); !errors.Is(err, crash) {
		t.Fatalf("Replace = %v, want the crash", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "original\n" {
		t.Errorf("original changed: %q", got)
	}
	if filepath.Dir(tmpSeen) != filepath.Dir(p) {
		t.Errorf("temporary file %s not in the file's directory", tmpSeen)
	}
}

// A link is never written through (issue: settings.offer.hcl -> ../.env
// had the .env rewritten): the snapshot and WriteFile refuse it, and the
// target is untouched.
func TestNoWriteThroughSymlink(t *testing.T) {
	p := writeTemp(t, 0o644, "old\n")
	link := filepath.Join(filepath.Dir(p), "link.offer.hcl")
	if err := os.Symlink(p, link); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadSnapshot(link); !errors.Is(err, ErrSymlink) {
		t.Fatalf("ReadSnapshot through a link: %v", err)
	}
	if err := WriteFile(link, []byte("new\n"), 0o644); !errors.Is(err, ErrSymlink) {
		t.Fatalf("WriteFile through a link: %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "old\n" {
		t.Errorf("target = %q", got)
	}
}

// A read-only file is refused unless forced, and a replaced file keeps its
// mode, the setgid and sticky bits included.
func TestReadOnlyAndModeBits(t *testing.T) {
	p := writeTemp(t, 0o444, "old\n")
	s, err := ReadSnapshot(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Writable(false); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("read-only file writable: %v", err)
	}
	if err := s.Writable(true); err != nil {
		t.Fatal(err)
	}
	q := writeTemp(t, 0o644, "old\n")
	if err := os.Chmod(q, 0o644|os.ModeSetgid|os.ModeSticky); err != nil {
		t.Fatal(err)
	}
	s, err = ReadSnapshot(q)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Replace([]byte("new\n")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(q)
	if st.Mode()&os.ModeSetgid == 0 || st.Mode()&os.ModeSticky == 0 || st.Mode().Perm() != 0o644 {
		t.Errorf("mode after replace = %v", st.Mode())
	}
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.Name() != "a.offer.hcl" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// WriteFile leaves either the old file or the new one: a crash before the
// rename leaves an existing file as it was and creates no new one, and no
// temporary file stays behind.
func TestWriteFileCrash(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "report.html")
	os.WriteFile(existing, []byte("old"), 0o600)
	fresh := filepath.Join(dir, "new.html")
	beforeRename = func(string) error { return errors.New("simulated crash") }
	defer func() { beforeRename = nil }()
	if err := WriteFile(existing, []byte("new"), 0o644); err == nil {
		t.Fatal("the simulated crash did not stop the write")
	}
	if err := WriteFile(fresh, []byte("new"), 0o644); err == nil {
		t.Fatal("the simulated crash did not stop the write")
	}
	if got, _ := os.ReadFile(existing); string(got) != "old" {
		t.Errorf("existing file now holds %q", got)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("a half-made new file exists: %v", err)
	}
	beforeRename = nil
	if err := WriteFile(fresh, []byte("new"), 0o640); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("files left in the directory: %v", entries)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
}

// WriteRefused tells the writing rules' refusals (exit 1 in offer) from a
// write the system refused (exit 2): a directory, a link and a read-only
// file as the output are refusals; a path in a missing directory is not.
func TestWriteRefused(t *testing.T) {
	dir := t.TempDir()
	os.Symlink("elsewhere", filepath.Join(dir, "link"))
	os.WriteFile(filepath.Join(dir, "ro"), []byte("keep\n"), 0o444)
	for name, refused := range map[string]bool{".": true, "link": true, "ro": true, "missing/out": false} {
		err := WriteFile(filepath.Join(dir, name), []byte("x"), 0o644)
		if err == nil || WriteRefused(err) != refused {
			t.Errorf("WriteFile(%s) = %v; WriteRefused %v, want %v", name, err, WriteRefused(err), refused)
		}
	}
}
