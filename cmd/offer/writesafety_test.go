package main

// The writing rules (lang/atomic.go, docs/security.md) as the commands meet
// them: -o never replaces an input, fmt -w never writes through a link or
// over a read-only file unless forced, init-git never appends through a
// linked .gitattributes nor replaces another textconv setting silently, and
// every command that writes refuses the audit's special files (issue 20)
// as its target.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/offerkit/offerkit/lang"
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
	if code != exitFindings || !strings.Contains(out, "is one of the files read") {
		t.Fatalf("exit %d: %s", code, out)
	}
	if got, _ := os.ReadFile(in); !strings.Contains(string(got), "offer \"o\"") {
		t.Fatalf("the input was replaced: %q", got)
	}
	os.Symlink("elsewhere.txt", filepath.Join(dir, "link.txt"))
	if code, out := runIn(t, dir, "report", "-o", "link.txt", "offer.offer.hcl"); code != exitFindings || !strings.Contains(out, "symbolic link") {
		t.Fatalf("-o onto a link: exit %d, want 1 (a refused file): %s", code, out)
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
	if code != exitFindings {
		t.Fatalf("exit %d, want 1 (refused files): %s", code, out)
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
	needGit(t)
	home := t.TempDir()
	repo := filepath.Join(home, "repo")
	os.Mkdir(repo, 0o755)
	git(t, repo, "init", "-q")
	bashrc := filepath.Join(home, ".bashrc")
	os.WriteFile(bashrc, []byte("# mine\n"), 0o644)
	os.Symlink("../.bashrc", filepath.Join(repo, ".gitattributes"))
	code, out := runIn(t, repo, "init-git")
	if code != exitFindings || !strings.Contains(out, "symbolic link") {
		t.Fatalf("linked .gitattributes: exit %d, want 1 (a refused file): %s", code, out)
	}
	if got, _ := os.ReadFile(bashrc); string(got) != "# mine\n" {
		t.Fatalf("the link's target was changed: %q", got)
	}
	os.Remove(filepath.Join(repo, ".gitattributes"))
	big := append([]byte("*.txt text\n"), strings.Repeat("# padding\n", lang.MaxFileSize/10+1)...)
	os.WriteFile(filepath.Join(repo, ".gitattributes"), big, 0o644)
	if code, out := runIn(t, repo, "init-git"); code != exitFindings || !strings.Contains(out, ".gitattributes") {
		t.Fatalf("too large .gitattributes: exit %d, want 1 (a refused file): %s", code, out)
	}
	if got, _ := os.ReadFile(filepath.Join(repo, ".gitattributes")); !bytes.Equal(got, big) {
		t.Fatal("the too large .gitattributes was changed")
	}
	os.Remove(filepath.Join(repo, ".gitattributes"))
	if code, out := runIn(t, repo, "init-git", "extra"); code != exitUsage || !strings.Contains(out, `unexpected argument "extra"`) {
		t.Fatalf("init-git extra: exit %d, want 2: %s", code, out)
	}
	git(t, repo, "config", "diff.offer.textconv", "my-own-tool")
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

// Every command that writes, on each special target (issue 20): report
// and compare -o, script, email and counter --write, fmt -w and init-git,
// onto each of the audit's special files (hostileTargets) and a read-only
// file (as the file written into, where a sparse file is too large to
// read; as a -o output, a regular writable file may be replaced), and a
// link to a file beside it, which only the writing rules refuse. Each is
// refused with a message naming the target, under a deadline, with exit 1
// (a refused file, as for reading: fileFailure), and nothing is written:
// every entry of the tree (links not followed) is as it was.
func TestEveryWriteRefusesHostileTargets(t *testing.T) {
	needGit(t)
	bin := buildOffer(t)
	readOnly := hostileTarget{"read-only", func(p string) error { return os.WriteFile(p, []byte("keep\n"), 0o444) }, "read-only"}
	// A link to a regular file beside it, which the reading rules follow
	// (its target holds the good offer, not laid out yet): only the
	// writing rules refuse it.
	linkIn := hostileTarget{"link-in", func(p string) error { return os.Symlink("kept.txt", p) }, "symbolic link"}
	for _, target := range append(hostileTargets, readOnly, linkIn) {
		for _, c := range []struct {
			args string // {T} is the target's path
			file string // the target's name in n
		}{
			{"report -o {T} n/good.offer.hcl", "out.txt"},
			{"report --format html -o {T} n/good.offer.hcl", "out.html"},
			{"compare -o {T} n/good.offer.hcl", "out.txt"},
			{"compare --format json -o {T} n/good.offer.hcl", "out.json"},
			{"script base --write n", "good.offer.hcl"},
			{"email round1 --write n", "good.offer.hcl"},
			{"counter --offer good --write n", "good.offer.hcl"},
			{"fmt -w n", "good.offer.hcl"},
			{"init-git", ".gitattributes"},
		} {
			if target.name == "sparse" && strings.Contains(c.args, "-o") {
				continue // a writable regular output file is replaced, as asked
			}
			t.Run(target.name+"/"+c.args, func(t *testing.T) {
				root := auditDir(t)
				dir := filepath.Join(root, "n")
				special := filepath.Join(dir, c.file)
				good, _ := os.ReadFile(special)
				os.Remove(special) // the target takes the place of the good offer
				if err := target.make(special); err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(dir, "kept.txt"), strings.ReplaceAll(string(good), "  ", ""))
				want := target.refusal
				if c.file == "good.offer.hcl" && target.name != "read-only" && target.name != "link-in" {
					// The file to write into is also the one read: its
					// reading rules refuse it first (the sparse file as too
					// large, the links, /dev/zero and the FIFO).
					want = ""
				}
				if target.name == "read-only" && c.file == "good.offer.hcl" {
					// Not laid out yet, so that fmt -w has something to write.
					os.Chmod(special, 0o644)
					os.WriteFile(special, []byte(strings.ReplaceAll(string(good), "  ", "")), 0o644)
					os.Chmod(special, 0o444)
				}
				wd := root
				if c.args == "init-git" {
					wd = dir
					git(t, dir, "init", "-q")
				}
				before := treeState(t, root)
				text, code := runBinary(t, bin, wd, auditEnv, 30*time.Second, strings.Fields(strings.ReplaceAll(c.args, "{T}", "n/"+c.file))...)
				if code != exitFindings {
					t.Errorf("exit %d, want 1 (a refused file):\n%s", code, text)
				}
				if !strings.Contains(text, c.file) || want != "" && !strings.Contains(text, want) || want == "" && !refusalRe.MatchString(text) {
					t.Errorf("no refusal naming %s (%q):\n%s", c.file, want, text)
				}
				if strings.Contains(text, secretToken) {
					t.Errorf("printed the target's text:\n%s", text)
				}
				wantUnchanged(t, root, before, func(p string) bool { return strings.Contains(p, string(filepath.Separator)+".git") })
			})
		}
	}
}
