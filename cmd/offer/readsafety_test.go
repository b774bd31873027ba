package main

// This file holds the reading rules (lang/readfile.go, docs/security.md) to
// the audit's reproductions: a directory of links to /dev/zero, to
// /proc/self/environ and out of the directory, a FIFO and a sparse 8 GiB
// file, beside one good offer. Every command that reads must report the
// good offer, refuse each special file with a located error, print none of
// the targets' text, and finish; under strace, no path outside the
// directory is opened.

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

const secretToken = "FAKE_CI_TOKEN_d41d8cd98f00b204"

// hostileDir builds the audit's directory: negotiation/ with the special
// files, and a secret next to it.
func hostileDir(t *testing.T) (root, dir string) {
	t.Helper()
	root = t.TempDir()
	dir = filepath.Join(root, "negotiation")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "secret.env"), "TOKEN="+secretToken+"\n")
	write(filepath.Join(dir, "good.offer.hcl"), "offer \"good\" {\n  company = \"Globex\"\n  base    = 200000\n}\n")
	for name, target := range map[string]string{
		"zero.offer.hcl":    "/dev/zero",
		"environ.offer.hcl": "/proc/self/environ",
		"secret.offer.hcl":  "../secret.env",
	} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.offer.hcl"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "sparse.offer.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(8 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return root, dir
}

func TestHostileFilesAreRefused(t *testing.T) {
	bin := buildOffer(t)
	root, _ := hostileDir(t)
	for _, args := range [][]string{
		{"lint", "negotiation"},
		{"lint", "--format", "json", "negotiation"},
		{"report", "negotiation"},
		{"compare", "negotiation"},
		{"textconv", "negotiation/zero.offer.hcl"},
		{"textconv", "negotiation/secret.offer.hcl"},
		{"lint", "--bands", "negotiation/zero.offer.hcl", "negotiation/good.offer.hcl"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			cmd := exec.Command(bin, args...)
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "OFFERKIT_AUDIT="+secretToken)
			var out strings.Builder
			cmd.Stdout, cmd.Stderr = &out, &out
			done := make(chan error, 1)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatal("did not finish in 20 seconds (blocked on the FIFO, or reading /dev/zero)")
			}
			text := out.String()
			if strings.Contains(text, secretToken) {
				t.Fatalf("printed the secret:\n%s", text)
			}
			if code := cmd.ProcessState.ExitCode(); code == 0 {
				t.Errorf("exit 0 with special files present:\n%s", text)
			}
			if args[0] == "lint" && len(args) == 2 || args[1] == "--format" {
				for _, want := range []string{"zero.offer.hcl", "environ.offer.hcl", "secret.offer.hcl", "fifo.offer.hcl", "sparse.offer.hcl"} {
					if !strings.Contains(text, want) {
						t.Errorf("no diagnostic names %s:\n%s", want, text)
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

var openRe = regexp.MustCompile(`open(?:at)?\((?:AT_FDCWD, )?"([^"]+)"`)

// TestOpensStayInside runs the reading commands under strace on the
// hostile directory: no open of a path outside it (the secret, /dev/zero,
// /proc/self/environ) may happen. The Go runtime's own opens of system
// files are allowed.
func TestOpensStayInside(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Fatal("strace is not installed (apt-get install strace); the test cannot run without it")
	}
	bin := buildOffer(t)
	root, dir := hostileDir(t)
	for _, args := range [][]string{{"lint", "negotiation"}, {"report", "negotiation"}, {"fmt", "-w", "negotiation"}, {"textconv", "negotiation/secret.offer.hcl"}, {"textconv", "negotiation/zero.offer.hcl"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			log := filepath.Join(t.TempDir(), "trace")
			cmd := exec.Command(strace, append([]string{"-f", "-qq", "-e", "trace=open,openat", "-o", log, bin}, args...)...)
			cmd.Dir = root
			cmd.Run()
			f, err := os.Open(log)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			opened := 0
			for sc.Scan() {
				m := openRe.FindStringSubmatch(sc.Text())
				if m == nil {
					continue
				}
				opened++
				p := m[1]
				if !filepath.IsAbs(p) {
					p = filepath.Join(root, p)
				}
				switch {
				case strings.HasPrefix(p, dir+string(filepath.Separator)) || p == dir:
				case strings.HasPrefix(p, "/sys/") || strings.HasPrefix(p, "/etc/") || strings.HasPrefix(p, "/usr/") || strings.HasPrefix(p, "/lib") || strings.HasPrefix(p, "/proc/self/") && !strings.HasSuffix(p, "environ"):
				case strings.HasPrefix(p, os.TempDir()) && !strings.HasPrefix(p, root):
				default:
					t.Errorf("opened %s, outside %s", m[1], dir)
				}
			}
			if opened == 0 {
				t.Fatal("strace saw no open at all; the trace is broken")
			}
		})
	}
}
