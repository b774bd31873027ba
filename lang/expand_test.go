package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWalkPassesOverUnreadableFolder: a folder that cannot be read is
// passed over, named to the caller, and the walk goes on to the folders
// after it (issue 20: one unreadable folder stopped the server's initial
// walk). The tests run as root, whom no permission stops, so the folder
// is made unreadable by its path's length: it lies deeper than PATH_MAX.
func TestWalkPassesOverUnreadableFolder(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	seg := strings.Repeat("d", 250)
	if err := os.Mkdir("a", 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir("a")
	for i := 0; i < 18; i++ { // 18 x 251 bytes: past Linux's 4096
		if err := os.Mkdir(seg, 0o755); err != nil {
			t.Fatal(err)
		}
		t.Chdir(seg)
	}
	os.WriteFile("deep.offer.hcl", []byte("offer \"deep\" {\n  base = 1\n}\n"), 0o644)
	t.Chdir(root)
	os.MkdirAll(filepath.Join(root, "z"), 0o755)
	later := filepath.Join(root, "z", "later.offer.hcl")
	os.WriteFile(later, []byte("offer \"later\" {\n  base = 1\n}\n"), 0o644)

	var skipped []string
	files, err := ExpandNoting([]string{root}, func(dir string, err error) { skipped = append(skipped, dir) })
	if err != nil {
		t.Fatalf("the walk stopped: %v", err)
	}
	if len(files) != 1 || files[0] != later {
		t.Errorf("files %v, want only %s", files, later)
	}
	if len(skipped) != 1 || !strings.HasPrefix(skipped[0], filepath.Join(root, "a")) {
		t.Errorf("skipped %v, want one folder under a/", skipped)
	}
}

// LoadFolder reads the folder's own files as one workspace: a subfolder's
// files are not read, and an entry named like an offer file that is a
// directory is refused (not walked into).
func TestLoadFolderReadsTheFolderAlone(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.offer.hcl"), []byte("offer \"a\" {\n  base = 1\n}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644)
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "b.offer.hcl"), []byte("offer \"b\" {\n  base = 1\n}\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "c.offer.hcl"), 0o755)
	os.WriteFile(filepath.Join(dir, "c.offer.hcl", "d.offer.hcl"), []byte("offer \"d\" {\n  base = 1\n}\n"), 0o644)
	p, files, err := LoadFolder(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.offer.hcl"), filepath.Join(dir, "c.offer.hcl")}
	if strings.Join(files, "|") != strings.Join(want, "|") {
		t.Errorf("files %q, want %q", files, want)
	}
	if ws := p.Workspaces(); len(ws) != 1 || len(ws[0].Files()) != 2 {
		t.Fatalf("workspaces: %d, want the folder's alone", len(ws))
	}
	refused := p.Refused()
	if len(refused) != 1 || refused[0].Subject.Filename != want[1] || refused[0].Code != "not-regular-file" {
		t.Errorf("refused: %v, want c.offer.hcl (a directory)", refused)
	}
	if _, _, err := LoadFolder(filepath.Join(dir, "none"), nil); err == nil {
		t.Error("a folder that does not exist loaded")
	}
}
