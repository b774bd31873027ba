package main

// Every command that reads or writes, against each of the audit's special
// files (issue 20), one cell of the table per command and case: a link to
// /dev/zero, to /proc/self/environ and out of the directory, a FIFO and a
// sparse 8 GiB file, each named as an offer, band, tax and rates file.
// Each cell runs the built binary under a context deadline and asserts:
// it finishes (no blocking read of the FIFO, no endless read of
// /dev/zero), its exit code, a refusal message that names the file, none
// of the targets' text (a secret marker held by the link's target and the
// environment) in its output, and no file outside the directory written
// or changed.

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileTargets makes the special file at path; root holds secret.env,
// outside the negotiation directory.
var hostileTargets = []struct {
	name string
	make func(path string) error
}{
	{"dev-zero", func(p string) error { return os.Symlink("/dev/zero", p) }},
	{"environ", func(p string) error { return os.Symlink("/proc/self/environ", p) }},
	{"link-out", func(p string) error { return os.Symlink("../secret.env", p) }},
	{"fifo", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
	{"sparse", func(p string) error {
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Truncate(8 << 30)
	}},
}

// refusalRe matches what a command says when the reading or writing rules
// refuse a file: the diagnostic codes, or the sentences of fmt, diff,
// textconv and --bands, which print the refusal's message.
var refusalRe = regexp.MustCompile(`not-regular-file|link-outside|file-too-large|not a regular file|outside n|8,589,934,592 bytes|symbolic link`)

// A cell: the arguments ({F} is the special file's path, n the directory),
// the exit code, and whether the command names the special file (a
// command that reads only the files it is given ignores a sibling, and
// then must not name it; one that reads the named file's directory with it
// reports the sibling it refused). out is a -o file the command may write.
type hostileCell struct {
	args  string
	code  int
	names bool
	out   string
}

var hostileCells = []hostileCell{
	{"lint n", 1, true, ""},
	{"lint --format json n", 1, true, ""},
	{"lint --format sarif n", 1, true, ""},
	{"lint {F}", 1, true, ""},
	{"lint n/good.offer.hcl", 1, true, ""}, // the negotiation is judged without the refused sibling
	{"report n", 1, true, ""},
	{"report --format json n", 1, true, ""},
	{"report --format html n", 1, true, ""},
	{"report --format svg n", 1, true, ""},
	{"report --after-tax n", 1, true, ""},
	{"report -o n/report.txt n", 1, true, "n/report.txt"},
	{"compare n", 1, true, ""},
	{"compare --format json n", 1, true, ""},
	{"compare --format markdown n", 1, true, ""},
	{"compare --after-tax n", 1, true, ""},
	{"compare -o n/compare.txt n", 1, true, "n/compare.txt"},
	{"fmt n", 1, true, ""},
	{"fmt -check n", 1, true, ""},
	{"fmt -diff n", 1, true, ""},
	{"fmt -w n", 1, true, ""},
	{"fmt -w --force n", 1, true, ""},
	{"fmt {F}", 1, true, ""},
	{"diff n/good.offer.hcl {F}", 1, true, ""},
	{"diff {F} n/good.offer.hcl", 1, true, ""},
	{"textconv {F}", 1, true, ""},
	{"lint --bands {F} n/good.offer.hcl", 1, true, ""},
	{"report --bands {F} n/good.offer.hcl", 1, true, ""},
	{"bands --bands {F} n", 1, true, ""},
	{"bands n", 1, true, ""},
	{"tax n", 1, true, ""},
	{"timeline n", 1, true, ""},
	{"checklist n", 1, true, ""},
	{"script base n", 1, true, ""},
	{"email round1 n", 1, true, ""},
}

// everyKind are the cells run for band, tax and rates files too; the
// others (more formats and flags of the same commands, which read the
// directory the same way) run for offer files only, to keep the table's
// time down (the package shares go test's ten minutes with the hostile
// input table).
var everyKind = map[string]bool{
	"lint n": true, "lint {F}": true, "report n": true, "report -o n/report.txt n": true, "compare n": true,
	"fmt -check n": true, "fmt -w n": true, "diff n/good.offer.hcl {F}": true, "textconv {F}": true,
	"bands --bands {F} n": true, "bands n": true, "tax n": true, "timeline n": true, "checklist n": true,
	"script base n": true, "email round1 n": true,
}

// treeState records every entry under root (links not followed) with its
// size, mode, time and, for small regular files, its content.
func treeState(t *testing.T, root string) map[string]string {
	t.Helper()
	s := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			s[p] = info.Mode().String() // a file made in it (-o) changes its time
			return nil
		}
		v := fmt.Sprintf("%v %v %d", info.Mode(), info.ModTime(), info.Size())
		if info.Mode().IsRegular() && info.Size() < 1<<20 {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			v += " " + string(b)
		}
		s[p] = v
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestEveryCommandRefusesHostileFiles(t *testing.T) {
	known := map[string]bool{}
	for _, c := range hostileCells {
		known[c.args] = true
	}
	for args := range everyKind {
		if !known[args] {
			t.Fatalf("everyKind names %q, which is no cell", args)
		}
	}
	bin := buildOffer(t)
	for _, kind := range []string{"offer", "bands", "tax", "rates"} {
		for _, target := range hostileTargets {
			t.Run(kind+"/"+target.name, func(t *testing.T) {
				t.Parallel()
				root := t.TempDir()
				dir := filepath.Join(root, "n")
				os.Mkdir(dir, 0o755)
				os.WriteFile(filepath.Join(root, "secret.env"), []byte("TOKEN="+secretToken+"\n"), 0o644)
				os.WriteFile(filepath.Join(dir, "good.offer.hcl"), []byte("offer \"good\" {\n  company = \"Globex\"\n  base    = 200000\n}\n"), 0o644)
				special := "n/x." + kind + ".hcl"
				if err := target.make(filepath.Join(root, special)); err != nil {
					t.Fatal(err)
				}
				for _, cell := range hostileCells {
					if kind != "offer" && !everyKind[cell.args] {
						continue // the same loader as a cell run for every kind
					}
					before := treeState(t, root)
					args := strings.Fields(strings.ReplaceAll(cell.args, "{F}", special))
					ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
					cmd := exec.CommandContext(ctx, bin, args...)
					cmd.Dir = root
					cmd.Env = append(os.Environ(), "OFFERKIT_AUDIT="+secretToken)
					var stdout, stderr strings.Builder
					cmd.Stdout, cmd.Stderr = &stdout, &stderr
					err := cmd.Run()
					timedOut := ctx.Err() == context.DeadlineExceeded
					cancel()
					out := stdout.String() + stderr.String()
					if timedOut {
						t.Errorf("%s: did not finish in 30 s (blocked on the FIFO or reading /dev/zero)", cell.args)
						continue
					}
					if _, ok := err.(*exec.ExitError); err != nil && !ok {
						t.Fatalf("%s: %v", cell.args, err)
					}
					if code := cmd.ProcessState.ExitCode(); code != cell.code {
						t.Errorf("%s: exit %d, want %d:\n%s", cell.args, code, cell.code, out)
					}
					if strings.Contains(out, secretToken) {
						t.Errorf("%s: printed the target's text:\n%s", cell.args, out)
					}
					named := regexp.MustCompile(regexp.QuoteMeta(special) + `(:|"| is a symbolic link)`).MatchString(out)
					if cell.names && (!named || !refusalRe.MatchString(out)) {
						t.Errorf("%s: no located refusal of %s:\n%s", cell.args, special, out)
					}
					if !cell.names && named {
						t.Errorf("%s: names %s, which it was not asked to read:\n%s", cell.args, special, out)
					}
					after := treeState(t, root)
					for p, v := range after {
						rel, _ := filepath.Rel(root, p)
						if rel == cell.out {
							if b, _ := os.ReadFile(p); rel == cell.out && strings.Contains(string(b), secretToken) {
								t.Errorf("%s: wrote the target's text to %s", cell.args, rel)
							}
							continue
						}
						if before[p] != v {
							t.Errorf("%s: wrote %s", cell.args, rel)
						}
					}
					for p := range before {
						if _, ok := after[p]; !ok {
							t.Errorf("%s: removed %s", cell.args, p)
						}
					}
					if cell.out != "" {
						os.Remove(filepath.Join(root, cell.out))
					}
				}
			})
		}
	}
}
