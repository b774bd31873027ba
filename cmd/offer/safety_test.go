package main

// This file checks what the built binary does to the system while it runs:
// under strace, it must open no network socket and start no program other
// than itself and git. It needs strace (Debian's strace package, installed
// by .ci/run); without it the test fails.

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// buildOffer builds the offer binary once per test binary run.
func buildOffer(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "offer")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

var (
	execveRe = regexp.MustCompile(`execve\("([^"]+)"`)
	socketRe = regexp.MustCompile(`\b(socket|connect)\(`)
)

// traced runs the binary under strace and returns the programs it started
// and the socket calls it made.
func traced(t *testing.T, bin, dir string, stdin string, args ...string) (execs, sockets []string) {
	t.Helper()
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Fatal("strace is not installed (apt-get install strace); the safety test cannot run without it")
	}
	log := filepath.Join(t.TempDir(), "trace")
	cmd := exec.Command(strace, append([]string{"-f", "-qq", "-e", "trace=execve,socket,connect", "-o", log, bin}, args...)...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	_ = cmd.Run() // exit codes are the commands' business; the trace is ours
	f, err := os.Open(log)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if m := execveRe.FindStringSubmatch(line); m != nil {
			execs = append(execs, m[1])
		}
		if socketRe.MatchString(line) {
			sockets = append(sockets, line)
		}
	}
	return execs, sockets
}

func TestNoNetworkNoPrograms(t *testing.T) {
	bin := buildOffer(t)
	root, _ := filepath.Abs("../..")
	for _, args := range [][]string{
		{"lint", "examples"},
		{"lint", "--format", "json", "examples"},
		{"report", "examples"},
		{"report", "--format", "json", "examples"},
		{"bands"},
		{"version"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			execs, sockets := traced(t, bin, root, "", args...)
			if len(execs) == 0 {
				t.Fatal("strace saw no execve at all; the trace is broken")
			}
			for _, e := range execs {
				if e != bin && filepath.Base(e) != "git" {
					t.Errorf("started a program: %s", e)
				}
			}
			for _, s := range sockets {
				t.Errorf("network call: %s", s)
			}
		})
	}
}
