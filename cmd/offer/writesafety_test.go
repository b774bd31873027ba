package main

// The writing rules (lang/atomic.go, docs/security.md) as the commands meet
// them: -o never replaces an input, fmt -w never writes through a link or
// over a read-only file unless forced, and init-git never appends through
// a linked .gitattributes nor replaces another textconv setting silently.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const unformatted = "offer \"o\" {\nbase = 200000\n}\n"

func runIn(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	t.Chdir(dir)
	var out strings.Builder
	code := run(args, strings.NewReader(""), &out, &out)
	return code, out.String()
}

func TestOutputIsNeverAnInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "offer.offer.hcl")
	os.WriteFile(in, []byte("offer \"o\" {\n  base = 200000\n}\n"), 0o644)
	code, out := runIn(t, dir, "report", "-o", "offer.offer.hcl", "offer.offer.hcl")
	if code == 0 || !strings.Contains(out, "is one of the files read") {
		t.Fatalf("exit %d: %s", code, out)
	}
	if got, _ := os.ReadFile(in); !strings.Contains(string(got), "offer \"o\"") {
		t.Fatalf("the input was replaced: %q", got)
	}
	os.Symlink("elsewhere.txt", filepath.Join(dir, "link.txt"))
	if code, out := runIn(t, dir, "report", "-o", "link.txt", "offer.offer.hcl"); code == 0 || !strings.Contains(out, "symbolic link") {
		t.Fatalf("-o onto a link: exit %d: %s", code, out)
	}
}

func TestFmtWriteRules(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "n")
	os.Mkdir(dir, 0o755)
	env := filepath.Join(root, ".env")
	os.WriteFile(env, []byte("SECRET=1\n"), 0o644)
	os.Symlink("../.env", filepath.Join(dir, "settings.offer.hcl"))
	ro := filepath.Join(dir, "ro.offer.hcl")
	os.WriteFile(ro, []byte(unformatted), 0o444)
	code, out := runIn(t, root, "fmt", "-w", "n")
	if code == 0 {
		t.Fatalf("exit 0: %s", out)
	}
	if got, _ := os.ReadFile(env); string(got) != "SECRET=1\n" {
		t.Fatalf(".env outside the directory was rewritten: %q", got)
	}
	if got, _ := os.ReadFile(ro); string(got) != unformatted || !strings.Contains(out, "read-only") {
		t.Fatalf("read-only file: %q, %s", got, out)
	}
	os.Remove(filepath.Join(dir, "settings.offer.hcl"))
	if code, out := runIn(t, root, "fmt", "-w", "--force", "n"); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, out)
	}
	if got, _ := os.ReadFile(ro); string(got) == unformatted {
		t.Fatal("--force did not format the read-only file")
	}
}

func TestInitGitRules(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is not installed; the test needs it")
	}
	home := t.TempDir()
	repo := filepath.Join(home, "repo")
	os.Mkdir(repo, 0o755)
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	bashrc := filepath.Join(home, ".bashrc")
	os.WriteFile(bashrc, []byte("# mine\n"), 0o644)
	os.Symlink("../.bashrc", filepath.Join(repo, ".gitattributes"))
	code, out := runIn(t, repo, "init-git")
	if code == 0 || !strings.Contains(out, "symbolic link") {
		t.Fatalf("linked .gitattributes: exit %d: %s", code, out)
	}
	if got, _ := os.ReadFile(bashrc); string(got) != "# mine\n" {
		t.Fatalf("the link's target was changed: %q", got)
	}
	os.Remove(filepath.Join(repo, ".gitattributes"))
	exec.Command("git", "-C", repo, "config", "diff.offer.textconv", "my-own-tool").Run()
	if code, out := runIn(t, repo, "init-git"); code == 0 || !strings.Contains(out, "already set to \"my-own-tool\"") {
		t.Fatalf("existing driver: exit %d: %s", code, out)
	}
	if code, out := runIn(t, repo, "init-git", "--force"); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, out)
	}
}

// Escape sequences in file text (a window title, OSC 52, clear screen)
// never reach the terminal: report, compare and lint print U+FFFD instead.
func TestNoEscapesInTerminalOutput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "o.offer.hcl"), []byte("offer \"o\" {\n  company = \"Evil\\u001b]52;c;aGk=\\u0007\\u001b[2JCorp\"\n  base    = 100000\n  bogus   = 1\n}\n"), 0o644)
	for _, args := range [][]string{{"report", "."}, {"compare", "."}, {"compare", "--format", "markdown", "."}, {"lint", "."}} {
		_, out := runIn(t, dir, args...)
		if strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, "Evil") && args[0] != "lint" {
			t.Errorf("%v printed a control character:\n%q", args, out)
		}
	}
}

// With standard output a character device (a terminal, or /dev/null) the
// chart is on by default, which must not refuse --format json (the
// default applies to the text format only); an explicit --chart still does.
func TestChartDefaultOnlyForText(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "o.offer.hcl"), []byte("offer \"o\" {\n  base = 100000\n}\n"), 0o644)
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	t.Chdir(dir)
	for _, args := range [][]string{{"report", "--format", "json", "."}, {"report", "--format", "svg", "."}, {"compare", "--format", "json", "."}, {"compare", "--format", "markdown", "."}} {
		var errs strings.Builder
		if code := run(args, strings.NewReader(""), devnull, &errs); code != 0 {
			t.Errorf("%v to /dev/null: exit %d: %s", args, code, errs.String())
		}
	}
	var errs strings.Builder
	if code := run([]string{"report", "--chart", "--format", "json", "."}, strings.NewReader(""), devnull, &errs); code != 2 {
		t.Errorf("--chart with json: exit %d", code)
	}
}
