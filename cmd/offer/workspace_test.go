package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every command on one workspace (bands, tax, checklist, timeline, script,
// email, counter) reads it the same way (loadWorkspace): a file named
// stands for its directory, so its band, tax and rates files are active,
// as the directory itself shows them.
func TestWorkspaceOfAFileIsItsDirectory(t *testing.T) {
	for _, c := range []struct{ command, example, file, want string }{
		{"bands", "competing-offers", "amazon.offer.hcl", "Example figures for illustration"}, // northwind.bands.hcl
		{"tax", "eur-offer", "berlin.offer.hcl", "EUR"},                                       // fx.rates.hcl
		{"timeline", "full-negotiation", "round1.offer.hcl", "round1"},
	} {
		t.Run(c.command, func(t *testing.T) {
			dir := filepath.Join("..", "..", "examples", c.example)
			fromDir, _ := mustRun(t, 0, c.command, dir)
			fromFile, _ := mustRun(t, 0, c.command, filepath.Join(dir, c.file))
			if fromFile != fromDir {
				t.Fatalf("offer %s FILE differs from offer %s DIR:\n%s\n---\n%s", c.command, c.command, fromFile, fromDir)
			}
			if !strings.Contains(fromFile, c.want) {
				t.Fatalf("offer %s %s: no %q (the directory's files are not active):\n%s", c.command, c.file, c.want, fromFile)
			}
		})
	}
	for _, command := range []string{"bands", "tax", "checklist", "timeline"} {
		if _, msg := mustRun(t, 2, command, ".", "."); !strings.Contains(msg, "give at most one directory or file") {
			t.Errorf("offer %s . .: %s", command, msg)
		}
	}
}

// The commands on one negotiation read its folder's own files, not its
// subfolders' (other negotiations): a file there the reading rules refuse
// is neither reported nor counted, and a name not found is exit 2. One in
// the folder itself is reported, exit 1.
func TestWorkspaceIsTheFolderAlone(t *testing.T) {
	dir := copyExample(t, "amazon-l6-seattle")
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	if err := mkfifo(filepath.Join(dir, "sub", "x.offer.hcl")); err != nil {
		t.Fatal(err)
	}
	offer := filepath.Join(dir, "offer.offer.hcl")
	for _, args := range [][]string{
		{"bands", offer}, {"bands", dir}, {"tax", offer}, {"checklist", dir}, {"timeline", dir},
		{"script", "base", dir}, {"email", "round1", dir}, {"counter", "--offer", "amazon_l6", dir},
	} {
		out, errOut, code := runCLI(t, args...)
		if code != exitOK || strings.Contains(errOut, "x.offer.hcl") {
			t.Errorf("offer %s: exit %d, want 0 and sub/x.offer.hcl left alone\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
	}
	if _, errOut, code := runCLI(t, "counter", "--offer", "nosuch", dir); code != exitUsage || strings.Contains(errOut, "x.offer.hcl") {
		t.Errorf("counter --offer nosuch: exit %d, want %d\n%s", code, exitUsage, errOut)
	}
	// In the folder itself, the refusal is reported and the run exits 1.
	if err := mkfifo(filepath.Join(dir, "y.offer.hcl")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"bands", offer}, {"counter", "--offer", "nosuch", dir}} {
		if _, errOut, code := runCLI(t, args...); code != exitFindings || !strings.Contains(errOut, "y.offer.hcl") || strings.Contains(errOut, "x.offer.hcl") {
			t.Errorf("offer %s beside a FIFO: exit %d, want %d\n%s", strings.Join(args, " "), code, exitFindings, errOut)
		}
	}
}

// A PATH that is neither a folder nor an offer, band, tax or rates file is
// refused, named, exit 1 (it used to stand for its folder: /dev/null for
// /dev); one that does not exist is exit 2.
func TestWorkspacePathNotANegotiationFile(t *testing.T) {
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("offer \"o\" {\n  base = 1\n}\n"), 0o644)
	for _, c := range []struct{ path, want string }{
		{"/dev/null", "/dev/null: The file is a device"},
		{notes, notes + ": not a folder, nor an offer, band, tax or rates file"},
	} {
		for _, command := range []string{"tax", "bands", "checklist", "timeline"} {
			out, errOut, code := runCLI(t, command, c.path)
			if code != exitFindings || !strings.Contains(errOut, c.want) || out != "" {
				t.Errorf("offer %s %s: exit %d, want %d and %q\n%s%s", command, c.path, code, exitFindings, c.want, out, errOut)
			}
		}
	}
	if _, errOut, code := runCLI(t, "tax", filepath.Join(t.TempDir(), "none.offer.hcl")); code != exitUsage {
		t.Errorf("offer tax of a file that does not exist: exit %d, want %d\n%s", code, exitUsage, errOut)
	}
}

// A folder's name is taken as it is, never as a pattern: with folders
// "neg[1]" and "neg1", or "n*g" and "neg", the commands on neg[1] (or n*g)
// read its files alone, not neg1's (an offer there, a FIFO there); a
// folder named "neg[" still gives a file its siblings (the counter finds
// the offer it answers).
func TestFolderNameIsNotAPattern(t *testing.T) {
	root := t.TempDir()
	for _, c := range []struct{ folder, other string }{{"neg[1]", "neg1"}, {"n*g", "neg"}, {"neg[", "neg["}} {
		dir := filepath.Join(root, c.folder)
		copyDir(t, filepath.Join("..", "..", "examples", "amazon-l6-seattle"), dir)
		if c.other != c.folder {
			other := filepath.Join(root, c.other)
			os.Mkdir(other, 0o755)
			os.WriteFile(filepath.Join(other, "z.offer.hcl"), []byte("offer \"intruder\" {\n  base = 1\n}\n"), 0o644)
			if err := mkfifo(filepath.Join(other, "f.offer.hcl")); err != nil {
				t.Fatal(err)
			}
		}
		for _, args := range [][]string{
			{"timeline", dir}, {"lint", filepath.Join(dir, "offer.offer.hcl")}, {"lint", filepath.Join(dir, "round1.offer.hcl")},
			{"bands", filepath.Join(dir, "round1.offer.hcl")},
		} {
			out, errOut, code := runCLI(t, args...)
			if code != exitOK || strings.Contains(out+errOut, "intruder") || strings.Contains(out+errOut, "f.offer.hcl") || strings.Contains(out, "error[") {
				t.Errorf("offer %s: exit %d, want 0, the folder's own files alone and no error\n%s%s", strings.Join(args, " "), code, out, errOut)
			}
		}
		if out, _, _ := runCLI(t, "timeline", dir); !strings.Contains(out, "counter round1") {
			t.Errorf("offer timeline %s: no round1:\n%s", dir, out)
		}
	}
}

// A folder's entry that is gone when read (the lock file Emacs keeps, as a
// link to nothing, beside a file with unsaved edits) is passed over: the
// folder exists, so the commands on it run (it was exit 2, "no such file
// or directory"). One that cannot be read otherwise (a link that loops) is
// a located unreadable-file error, exit 1. Named itself, a path that does
// not exist is still exit 2.
func TestFolderPassesOverDanglingLink(t *testing.T) {
	dir := copyExample(t, "amazon-l6-seattle")
	lock := filepath.Join(dir, ".#offer.offer.hcl")
	if err := os.Symlink("root@host.1234:1700000000", lock); err != nil {
		t.Fatal(err)
	}
	offer := filepath.Join(dir, "offer.offer.hcl")
	for _, args := range [][]string{
		{"lint", dir}, {"lint", offer}, {"report", dir}, {"timeline", dir}, {"bands", offer}, {"script", "base", dir}, {"checklist", dir},
	} {
		out, errOut, code := runCLI(t, args...)
		if code != exitOK || strings.Contains(out+errOut, ".#offer") {
			t.Errorf("offer %s beside a dangling link: exit %d, want 0 and the link passed over\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
	}
	if _, errOut, code := runCLI(t, "lint", lock); code != exitUsage || !strings.Contains(errOut, "no such file") {
		t.Errorf("offer lint of the dangling link itself: exit %d, want %d\n%s", code, exitUsage, errOut)
	}
	loop := filepath.Join(dir, "loop.offer.hcl")
	if err := os.Symlink("loop.offer.hcl", loop); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"lint", dir}, {"lint", offer}, {"timeline", dir}} {
		out, errOut, code := runCLI(t, args...)
		if code != exitFindings || !strings.Contains(out+errOut, loop+":1:1: error[unreadable-file]") {
			t.Errorf("offer %s beside a link that loops: exit %d, want %d and a located unreadable-file\n%s%s", strings.Join(args, " "), code, exitFindings, out, errOut)
		}
	}
}
