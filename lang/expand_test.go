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
