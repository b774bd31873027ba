package main

// The writing rules (lang/atomic.go) for every command that writes, on
// each special target (issue 20): report and compare -o, script, email
// and counter --write, fmt -w and init-git, onto a FIFO, a link to
// /dev/zero, a link out of the directory, a read-only file and a sparse
// 8 GiB file (as the file written into, not as a -o output, which a
// regular writable file may be). Each is refused with a message naming the
// target, under a deadline, and nothing is written: every entry of the
// tree (links not followed) is as it was.

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestEveryWriteRefusesHostileTargets(t *testing.T) {
	needGit(t)
	bin := buildOffer(t)
	const good = "offer \"good\" {\n  company = \"Globex\"\n  base    = 200000\n}\n"
	targets := []struct {
		name string
		make func(p string) error
		want string // what the refusal says
	}{
		{"fifo", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "not a regular file"},
		{"dev-zero", func(p string) error { return os.Symlink("/dev/zero", p) }, "symbolic link"},
		{"link-out", func(p string) error { return os.Symlink("../secret.env", p) }, "symbolic link"},
		{"read-only", func(p string) error { return os.WriteFile(p, []byte("keep\n"), 0o444) }, "read-only"},
		{"sparse", func(p string) error {
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				return err
			}
			return os.Truncate(p, 8<<30)
		}, ""},
	}
	for _, target := range targets {
		for _, c := range []struct {
			args string // {T} is the target's path
			file string // the target's name in n
			code int
		}{
			{"report -o {T} n/good.offer.hcl", "out.txt", 2},
			{"report --format html -o {T} n/good.offer.hcl", "out.html", 2},
			{"compare -o {T} n/good.offer.hcl", "out.txt", 2},
			{"compare --format json -o {T} n/good.offer.hcl", "out.json", 2},
			{"script base --write n", "good.offer.hcl", 2},
			{"email round1 --write n", "good.offer.hcl", 2},
			{"counter --offer good --write n", "good.offer.hcl", 2},
			{"fmt -w n", "good.offer.hcl", 2},
			{"init-git", ".gitattributes", 2},
		} {
			if target.name == "sparse" && strings.Contains(c.args, "-o") {
				continue // a writable regular output file is replaced, as asked
			}
			t.Run(target.name+"/"+c.args, func(t *testing.T) {
				root := t.TempDir()
				dir := filepath.Join(root, "n")
				os.Mkdir(dir, 0o755)
				os.WriteFile(filepath.Join(root, "secret.env"), []byte("TOKEN="+secretToken+"\n"), 0o644)
				if c.file != "good.offer.hcl" {
					os.WriteFile(filepath.Join(dir, "good.offer.hcl"), []byte(good), 0o644)
				}
				special := filepath.Join(dir, c.file)
				if err := target.make(special); err != nil {
					t.Fatal(err)
				}
				want := target.want
				if c.file == "good.offer.hcl" && target.name != "read-only" {
					// The file to write into is also the one read: its
					// reading rules refuse it first (the sparse file as too
					// large, the link out, /dev/zero and the FIFO).
					want = ""
				}
				if target.name == "read-only" && c.file == "good.offer.hcl" {
					// Not laid out yet, so that fmt -w has something to write.
					os.Chmod(special, 0o644)
					os.WriteFile(special, []byte(strings.ReplaceAll(good, "  ", "")), 0o644)
					os.Chmod(special, 0o444)
				}
				wd := root
				if c.args == "init-git" {
					wd = dir
					if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
						t.Fatalf("git init: %v %s", err, out)
					}
				}
				before := treeState(t, root)
				args := strings.Fields(strings.ReplaceAll(c.args, "{T}", "n/"+c.file))
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				cmd := exec.CommandContext(ctx, bin, args...)
				cmd.Dir = wd
				out, _ := cmd.CombinedOutput()
				text := string(out)
				if ctx.Err() == context.DeadlineExceeded {
					t.Fatal("did not finish in 30 s")
				}
				if code := cmd.ProcessState.ExitCode(); code == 0 {
					t.Errorf("exit 0:\n%s", text)
				}
				if !strings.Contains(text, c.file) || want != "" && !strings.Contains(text, want) || want == "" && !refusalRe.MatchString(text) {
					t.Errorf("no refusal naming %s (%q):\n%s", c.file, want, text)
				}
				if strings.Contains(text, secretToken) {
					t.Errorf("printed the target's text:\n%s", text)
				}
				after := treeState(t, root)
				for p, v := range after {
					if strings.Contains(p, string(filepath.Separator)+".git") {
						continue
					}
					if before[p] != v {
						t.Errorf("changed %s", p)
					}
				}
				for p := range before {
					if _, ok := after[p]; !ok {
						t.Errorf("removed %s", p)
					}
				}
			})
		}
	}
}
