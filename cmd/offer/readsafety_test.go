package main

// The reading rules (lang/readfile.go, docs/security.md) held to the
// audit's reproductions (issue 20): links to /dev/zero, to
// /proc/self/environ and out of the directory, a FIFO and a sparse 8 GiB
// file beside a good offer. Every command that reads or writes meets each
// of them alone, named as an offer, band, tax and rates file, and the
// reading commands meet them all at once: each run of the built binary
// finishes under a deadline (no blocking read of the FIFO, no endless
// read of /dev/zero), exits as it must, refuses the file with a message
// that names it, prints none of the targets' text (a secret marker held
// by the link's target and the environment) and writes no file; under
// strace, no path outside the directory is opened. A refused file beside
// the one named fails the run too.

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

const secretToken = "FAKE_CI_TOKEN_d41d8cd98f00b204"

// auditEnv puts the secret in the environment of the binary, so that
// /proc/self/environ holds it too.
var auditEnv = []string{"OFFERKIT_AUDIT=" + secretToken}

// auditDir makes the audit's layout in a new directory and returns it:
// n/good.offer.hcl, the negotiation the commands read, and secret.env
// beside n, where a link out of it leads.
func auditDir(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "secret.env"), "TOKEN="+secretToken+"\n")
	if err := os.Mkdir(filepath.Join(root, "n"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "n", "good.offer.hcl"), "offer \"good\" {\n  company = \"Globex\"\n  base    = 200000\n}\n")
	return root
}

// hostileTarget makes one of the audit's special files at a path in n;
// refusal is what the writing rules say of it ("" where any refusal of
// refusalRe will do).
type hostileTarget struct {
	name    string
	make    func(path string) error
	refusal string
}

var hostileTargets = []hostileTarget{
	{"dev-zero", func(p string) error { return os.Symlink("/dev/zero", p) }, "symbolic link"},
	{"environ", func(p string) error { return os.Symlink("/proc/self/environ", p) }, "symbolic link"},
	{"link-out", func(p string) error { return os.Symlink("../secret.env", p) }, "symbolic link"},
	{"fifo", mkfifo, "not a regular file"},
	{"sparse", sparse(8 << 30), ""},
}

func mkfifo(p string) error { return syscall.Mkfifo(p, 0o644) }

// sparse makes a file of size bytes that holds no data.
func sparse(size int64) func(p string) error {
	return func(p string) error {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			return err
		}
		return os.Truncate(p, size)
	}
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
	{"diff --bands {F} n/good.offer.hcl n/good.offer.hcl", 1, true, ""},
	{"history --bands {F} n/good.offer.hcl", 1, true, ""}, // refused before git is asked: n is no repository
	{"bands n", 1, true, ""},
	{"tax n", 1, true, ""},
	{"timeline n", 1, true, ""},
	{"checklist n", 1, true, ""},
	{"script base n", 1, true, ""},
	{"email round1 n", 1, true, ""},
	{"counter --offer good n", 1, true, ""},
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

// wantUnchanged fails the test for every entry under root that is not as
// before recorded it, except the paths keep allows to change.
func wantUnchanged(t *testing.T, root string, before map[string]string, keep func(path string) bool) {
	t.Helper()
	after := treeState(t, root)
	for p, v := range after {
		if before[p] != v && !keep(p) {
			t.Errorf("wrote %s", p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Errorf("removed %s", p)
		}
	}
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
				root := auditDir(t)
				special := "n/x." + kind + ".hcl"
				if err := target.make(filepath.Join(root, special)); err != nil {
					t.Fatal(err)
				}
				named := regexp.MustCompile(regexp.QuoteMeta(special) + `(:|"| is a symbolic link)`)
				for _, cell := range hostileCells {
					if kind != "offer" && !everyKind[cell.args] {
						continue // the same loader as a cell run for every kind
					}
					t.Run(cell.args, func(t *testing.T) {
						before := treeState(t, root)
						out, code := runBinary(t, bin, root, auditEnv, 30*time.Second, strings.Fields(strings.ReplaceAll(cell.args, "{F}", special))...)
						if code != cell.code {
							t.Errorf("exit %d, want %d:\n%s", code, cell.code, out)
						}
						if strings.Contains(out, secretToken) {
							t.Errorf("printed the target's text:\n%s", out)
						}
						if cell.names && (!named.MatchString(out) || !refusalRe.MatchString(out)) {
							t.Errorf("no located refusal of %s:\n%s", special, out)
						}
						if !cell.names && named.MatchString(out) {
							t.Errorf("names %s, which it was not asked to read:\n%s", special, out)
						}
						output := filepath.Join(root, cell.out)
						wantUnchanged(t, root, before, func(p string) bool { return cell.out != "" && p == output })
						if b, _ := os.ReadFile(output); cell.out != "" && strings.Contains(string(b), secretToken) {
							t.Errorf("wrote the target's text to %s", cell.out)
						}
						if cell.out != "" {
							os.Remove(output)
						}
					})
				}
			})
		}
	}
}

// TestHostileFilesAreRefused runs the reading commands on a directory that
// holds every special file at once, named as offer files.
func TestHostileFilesAreRefused(t *testing.T) {
	bin := buildOffer(t)
	root := hostileDir(t)
	for _, args := range [][]string{
		{"lint", "n"},
		{"lint", "--format", "json", "n"},
		{"report", "n"},
		{"compare", "n"},
		{"textconv", "n/dev-zero.offer.hcl"},
		{"textconv", "n/link-out.offer.hcl"},
		{"lint", "--bands", "n/dev-zero.offer.hcl", "n/good.offer.hcl"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			text, code := runBinary(t, bin, root, auditEnv, 20*time.Second, args...)
			if strings.Contains(text, secretToken) {
				t.Fatalf("printed the secret:\n%s", text)
			}
			if code == 0 {
				t.Errorf("exit 0 with special files present:\n%s", text)
			}
			if args[0] == "lint" && len(args) == 2 || args[1] == "--format" {
				for _, target := range hostileTargets {
					if !strings.Contains(text, target.name+".offer.hcl") {
						t.Errorf("no diagnostic names %s.offer.hcl:\n%s", target.name, text)
					}
				}
				for _, code := range []string{"not-regular-file", "link-outside", "file-too-large"} {
					if !strings.Contains(text, code) {
						t.Errorf("no %s diagnostic:\n%s", code, text)
					}
				}
				if !strings.Contains(text, "8,589,934,592 bytes") {
					t.Errorf("the size message does not give the real size:\n%s", text)
				}
			}
		})
	}
}

// hostileDir makes the audit's layout with every special file in n, named
// after its target as an offer file, and returns its root.
func hostileDir(t *testing.T) string {
	t.Helper()
	root := auditDir(t)
	for _, target := range hostileTargets {
		if err := target.make(filepath.Join(root, "n", target.name+".offer.hcl")); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

var openRe = regexp.MustCompile(`open(?:at)?\((?:AT_FDCWD, )?"([^"]+)"`)

// TestOpensStayInside runs the reading commands under strace on the
// hostile directory: no open of a path outside it (the secret, /dev/zero,
// /proc/self/environ) may happen. The Go runtime's own opens of system
// files are allowed.
func TestOpensStayInside(t *testing.T) {
	bin := buildOffer(t)
	root := hostileDir(t)
	dir := filepath.Join(root, "n")
	for _, args := range [][]string{{"lint", "n"}, {"report", "n"}, {"fmt", "-w", "n"}, {"textconv", "n/link-out.offer.hcl"}, {"textconv", "n/dev-zero.offer.hcl"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			opened := traceRun(t, bin, root, "", "open,openat", args...).matches(openRe)
			if len(opened) == 0 {
				t.Fatal("strace saw no open at all; the trace is broken")
			}
			for _, name := range opened {
				p := name
				if !filepath.IsAbs(p) {
					p = filepath.Join(root, p)
				}
				switch {
				case strings.HasPrefix(p, dir+string(filepath.Separator)) || p == dir:
				case strings.HasPrefix(p, "/sys/") || strings.HasPrefix(p, "/etc/") || strings.HasPrefix(p, "/usr/") || strings.HasPrefix(p, "/lib") || strings.HasPrefix(p, "/proc/self/") && !strings.HasSuffix(p, "environ"):
				case strings.HasPrefix(p, os.TempDir()) && !strings.HasPrefix(p, root):
				default:
					t.Errorf("opened %s, outside %s", name, dir)
				}
			}
		})
	}
}

// A file of the negotiation that the reading rules refuse (a FIFO, a file
// over the size limit, a link out of the directory) is reported, located
// at its line 1, and fails the run, whichever file of the directory was
// named: the named file is judged without it (a counter would miss its
// offer), so a clean exit would hide that.
func TestRefusedSiblingFailsNamedFile(t *testing.T) {
	for _, c := range []struct {
		name, code string
		make       func(p string) error
	}{
		{"pipe.offer.hcl", "not-regular-file", mkfifo},
		{"big.bands.hcl", "file-too-large", sparse(5 << 20)},
		// The link leads to an offer out of the directory, whose figure
		// would show if it were read.
		{"out.offer.hcl", "link-outside", func(p string) error {
			if err := os.WriteFile(filepath.Join(filepath.Dir(p), "..", "secret.offer.hcl"), []byte("offer \"s\" {\n  base = 987654\n}\n"), 0o644); err != nil {
				return err
			}
			return os.Symlink("../secret.offer.hcl", p)
		}},
	} {
		t.Run(c.code, func(t *testing.T) {
			root := auditDir(t)
			dir := filepath.Join(root, "n")
			good := filepath.Join(dir, "good.offer.hcl")
			if err := c.make(filepath.Join(dir, c.name)); err != nil {
				t.Fatal(err)
			}
			located := filepath.Join(dir, c.name) + ":1:1: error[" + c.code + "]"

			out, errOut, code := runCLI(t, "lint", good)
			if code != exitFindings {
				t.Errorf("lint %s: exit %d, want %d\n%s%s", good, code, exitFindings, out, errOut)
			}
			mustContain(t, out, located, "1 error(s)")

			out, _, code = runCLI(t, "lint", "--format", "json", good)
			var got jsonLint
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("lint --format json: %v\n%s", err, out)
			}
			if code != exitFindings || got.Errors != 1 || len(got.Diagnostics) != 1 ||
				got.Diagnostics[0].Code != c.code || got.Diagnostics[0].Range.Start != (jsonPos{1, 1}) ||
				got.Diagnostics[0].File != filepath.Join(dir, c.name) {
				t.Errorf("lint --format json %s: exit %d\n%s", good, code, out)
			}

			// report --format json lists it among what has no figures.
			out, _, code = runCLI(t, "report", "--format", "json", good)
			var rep struct {
				LeftOut []struct{ File, Reason string } `json:"left_out"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil || code != exitFindings || len(rep.LeftOut) != 1 ||
				rep.LeftOut[0].File != filepath.Join(dir, c.name) || rep.LeftOut[0].Reason != "the file was not read" {
				t.Errorf("report --format json %s: exit %d, %v\n%s", good, code, err, out)
			}

			for _, cmd := range []string{"report", "compare"} {
				out, errOut, code := runCLI(t, cmd, good)
				if code != exitFindings || !strings.Contains(errOut, located) {
					t.Errorf("%s %s: exit %d, want %d and %q on stderr\n%s%s", cmd, good, code, exitFindings, located, out, errOut)
				}
				if cmd == "report" && !strings.Contains(errOut, "a file or block with errors has no figures above") {
					t.Errorf("report %s: the closing line does not cover an unread file:\n%s", good, errOut)
				}
				if strings.Contains(out+errOut, "987654") {
					t.Errorf("%s prints the link target's text:\n%s%s", cmd, out, errOut)
				}
			}
		})
	}
}
