package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/offerkit/offerkit/lang"
)

// This file runs every class of hostile input (docs/security.md) through
// the built binary, each command a process of its own, beside a good offer
// file: offer lint, fmt -w, diff, textconv, history, report (text, html and
// svg), compare, and an offer lsp session that sends every request the
// server answers about both files (hostile_lsp_test.go). Each process must
// end without a fatal error or a panic, and within the memory bar of issue
// 18: 64 MB + 40 times the hostile file's size, measured as the process's
// own maximum resident set. A refused file gets a located error with its
// code; a file just under a limit (hostile_cases_test.go) is accepted.

// procRun is one finished process.
type procRun struct {
	stdout, stderr string
	code           int
	took, cpu      time.Duration // wall time; user and system time
	maxRSS         int64         // bytes
}

// measured returns a command that runs args through the test binary,
// which starts it with its own standard streams and writes how it went
// (a launchResult) to the file it names (see measure): for the language
// server, whose pipes the test holds.
func measured(t *testing.T, args ...string) (*exec.Cmd, string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "launched")
	cmd := exec.Command(self, args...)
	cmd.Env = append(os.Environ(), "OFFER_TEST_MEASURE="+out)
	return cmd, out
}

// measure is measured's side in the test binary: it launches args with
// the standard streams, writes the launchResult to the file out and
// returns the child's exit status.
func measure(out string, args []string) int {
	res := launch(launchRequest{Args: args})
	b, _ := json.Marshal(res)
	if res.Err != "" || os.WriteFile(out, b, 0o644) != nil {
		fmt.Fprintln(os.Stderr, "measure:", res.Err)
		return 125
	}
	return res.Code
}

// measuredResult reads what measure wrote.
func measuredResult(t *testing.T, out string) launchResult {
	t.Helper()
	var res launchResult
	b, err := os.ReadFile(out)
	if err == nil {
		err = json.Unmarshal(b, &res)
	}
	if err != nil {
		t.Fatalf("no maximum RSS measured: %v", err)
	}
	return res
}

// launchRequest and launchResult are the launcher's protocol: one JSON
// line each way per command.
type launchRequest struct {
	Args           []string
	Dir            string
	Stdout, Stderr string // files; "" for the launcher's own streams (measure)
}

type launchResult struct {
	Code   int
	MaxRSS int64
	CPU    time.Duration // user and system time
	Err    string
}

// serveLaunches is the launcher: the test binary started once per hostile
// case (OFFER_TEST_LAUNCHER=1), which runs each command it is sent with
// its output going to files and answers with the exit status and the
// child's maximum RSS. It holds nothing, so its own high-water mark, which
// Linux carries over to the children it starts, stays a few megabytes; and
// one launcher for all the commands of a case saves starting the test
// binary once per command.
func serveLaunches(in io.Reader, out io.Writer) int {
	sc := bufio.NewScanner(in)
	enc := json.NewEncoder(out)
	for sc.Scan() {
		var req launchRequest
		var res launchResult
		if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
			return 125
		}
		res = launch(req)
		if enc.Encode(res) != nil {
			return 125
		}
	}
	return 0
}

// launch runs one command and measures it: the one place a child's
// maximum RSS is read. The test binary is small when it starts, so the
// figure Linux reports for the child (at least the high-water mark of the
// memory it was started from) is the child's own within a few megabytes;
// measured from the test process, it would be at least the test's own
// peak.
func launch(req launchRequest) launchResult {
	cmd := exec.Command(req.Args[0], req.Args[1:]...)
	cmd.Dir, cmd.Stdin, cmd.Stdout, cmd.Stderr = req.Dir, os.Stdin, os.Stdout, os.Stderr
	if req.Stdout != "" {
		cmd.Stdin = nil
		stdout, err := os.Create(req.Stdout)
		if err != nil {
			return launchResult{Err: err.Error()}
		}
		defer stdout.Close()
		stderr, err := os.Create(req.Stderr)
		if err != nil {
			return launchResult{Err: err.Error()}
		}
		defer stderr.Close()
		cmd.Stdout, cmd.Stderr = stdout, stderr
	}
	err := cmd.Run()
	if cmd.ProcessState == nil {
		return launchResult{Err: err.Error()}
	}
	ps := cmd.ProcessState
	return launchResult{Code: ps.ExitCode(), MaxRSS: ps.SysUsage().(*syscall.Rusage).Maxrss * 1024, CPU: ps.UserTime() + ps.SystemTime()}
}

// launcher is a running serveLaunches.
type launcher struct {
	t   *testing.T
	in  io.WriteCloser
	out *bufio.Scanner
	dir string
}

func startLauncher(t *testing.T) *launcher {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), "OFFER_TEST_LAUNCHER=1")
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		in.Close()
		_ = cmd.Wait()
	})
	return &launcher{t: t, in: in, out: bufio.NewScanner(out), dir: t.TempDir()}
}

// run runs one command in dir and returns how it went.
func (l *launcher) run(dir string, args ...string) procRun {
	t := l.t
	t.Helper()
	req := launchRequest{Args: args, Dir: dir, Stdout: filepath.Join(l.dir, "stdout"), Stderr: filepath.Join(l.dir, "stderr")}
	line, _ := json.Marshal(req)
	start := time.Now()
	if _, err := l.in.Write(append(line, '\n')); err != nil {
		t.Fatalf("launcher: %v", err)
	}
	var res launchResult
	if !l.out.Scan() || json.Unmarshal(l.out.Bytes(), &res) != nil {
		t.Fatalf("launcher: no answer for %v", args)
	}
	r := procRun{code: res.Code, maxRSS: res.MaxRSS, cpu: res.CPU, took: time.Since(start)}
	if res.Err != "" {
		t.Fatalf("%v: %s", args, res.Err)
	}
	o, _ := os.ReadFile(req.Stdout)
	e, _ := os.ReadFile(req.Stderr)
	r.stdout, r.stderr = string(o), string(e)
	return r
}

// hostileTime bounds each process: generous, since the machine is shared
// and this is a guard against a hang, not a speed goal. The times measured
// are in docs/security.md; BenchmarkHostile (lang) holds the speed.
const (
	hostileTime = 60 * time.Second
	baseMemory  = 64 << 20
	// sessionTime bounds a whole lsp session of some 800 requests, most
	// of them about a file of megabytes.
	sessionTime = 5 * time.Minute
)

// limitCodes are the codes of the limits checked before the parser.
var limitCodes = []string{"nesting-too-deep", "expression-too-complex", "list-too-long", "template-too-long",
	"file-too-complex", "too-many-items", "file-too-large"}

func checkRun(t *testing.T, what string, r procRun, size int) {
	t.Helper()
	for _, bad := range []string{"fatal error", "panic:", "goroutine ", "stack overflow"} {
		if strings.Contains(r.stderr, bad) || strings.Contains(r.stdout, bad) {
			t.Errorf("%s: %q in its output:\n%.2000s", what, bad, r.stderr)
		}
	}
	if r.code != 0 && r.code != 1 && r.code != 2 {
		t.Errorf("%s: exit %d", what, r.code)
	}
	if limit := map[bool]time.Duration{false: hostileTime, true: sessionTime}[what == "lsp session"]; r.took > limit {
		t.Errorf("%s took %v", what, r.took)
	}
	if bar := int64(baseMemory + 40*size); r.maxRSS > bar {
		t.Errorf("%s: max RSS %d MB, over the bar of %d MB", what, r.maxRSS>>20, bar>>20)
	}
	t.Logf("%-22s %6.2fs %5.2fs cpu %4d MB", what, r.took.Seconds(), r.cpu.Seconds(), r.maxRSS>>20)
}

// located is an error of bad.offer.hcl with its line and column, or for a
// file too large to read, with its size.
func located(code string) *regexp.Regexp {
	switch code {
	case "":
		code = `[a-z0-9-]+`
	case "file-too-large":
		return regexp.MustCompile(`bad\.offer\.hcl:(1:1: error\[file-too-large\]|.* The file is [0-9,]+ bytes; offerkit reads files of at most)`)
	}
	return regexp.MustCompile(`bad\.offer\.hcl:\d+:\d+: error\[` + code + `\]`)
}

func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it many times")
	}
	needGit(t) // offer history runs git
	bin := buildOffer(t)
	for _, hc := range hostileCases() {
		t.Run(hc.name, func(t *testing.T) {
			t.Parallel()
			hostileCase1(t, bin, hc)
		})
	}
}

func hostileCase1(t *testing.T, bin string, hc hostileCase) {
	dir := t.TempDir()
	text := hc.text()
	if hc.over != nil {
		justUnder(t, hc, text)
	}
	bad := filepath.Join(dir, "bad.offer.hcl")
	good := filepath.Join(dir, "good.offer.hcl")
	writeFile(t, bad, text)
	writeFile(t, good, goodOffer)
	size, sum := len(text), sha256.Sum256([]byte(text))
	text = ""
	l := startLauncher(t)
	start := time.Now()

	// lint reports the good file and refuses the bad one, or accepts it.
	r := l.run(dir, bin, "lint", "--format", "json", dir)
	checkRun(t, "lint", r, size)
	if !strings.Contains(r.stdout, "good.offer.hcl") {
		t.Errorf("lint did not report the good file:\n%.1000s", r.stdout)
	}
	switch {
	case hc.accept:
		for _, code := range limitCodes {
			if strings.Contains(r.stdout, `"`+code+`"`) {
				t.Errorf("lint refused a file under the limits with %s", code)
			}
		}
		if hc.valid && r.code != 0 {
			t.Errorf("lint exit %d on a valid file:\n%.1000s", r.code, r.stdout)
		}
	case r.code != 1:
		t.Errorf("lint exit %d, want 1", r.code)
	case hc.code != "" && !strings.Contains(r.stdout, `"`+hc.code+`"`):
		t.Errorf("lint: no %s in\n%.1000s", hc.code, r.stdout)
	}
	refused := !hc.accept && hc.code != "number-too-large" // refused before decoding
	wantLocated := func(what string, r procRun, code string) {
		t.Helper()
		if re := located(code); !hc.accept && (r.code != exitFindings || !re.MatchString(r.stdout+r.stderr)) {
			t.Errorf("%s: exit %d, want %d and an error located as %s:\n%.600s", what, r.code, exitFindings, re, r.stdout+r.stderr)
		}
	}
	if !hc.accept { // the location of the error (an accepted file has none)
		r = l.run(dir, bin, "lint", "bad.offer.hcl")
		checkRun(t, "lint (text)", r, size)
		wantLocated("lint (text)", r, hc.code)
	}
	if hc.atLimit != nil {
		lintAtLimit(t, l, bin, hc)
	}
	code := hc.code
	if code == "not-utf8" || hc.accept {
		code = "" // JSON carries the text as UTF-8: the editor has replaced the bad bytes
	}
	if !hc.every && (!hc.accept || hc.parseOnly) {
		t.Logf("%-22s %6.2fs", "the commands", time.Since(start).Seconds())
		lspSession(t, bin, dir, bad, good, code, size, false)
		return
	}

	// fmt -w leaves a file it cannot parse as it is, and writes a file it
	// can in full.
	r = l.run(dir, bin, "fmt", "-w", "bad.offer.hcl")
	checkRun(t, "fmt -w", r, size)
	got, _ := os.ReadFile(bad)
	switch {
	case refused:
		wantLocated("fmt -w", r, hc.code)
		if sha256.Sum256(got) != sum {
			t.Errorf("fmt -w rewrote a file it refused")
		}
	case r.code != 0:
		t.Errorf("fmt -w: exit %d on a file that parses:\n%.600s", r.code, r.stderr)
	default:
		if again, diags := lang.Format("bad.offer.hcl", got); diags.HasErrors() || !bytes.Equal(again, got) {
			t.Errorf("fmt -w wrote a file that is not its whole layout (%d bytes, %v)", len(got), diags)
		}
	}
	for _, args := range [][]string{
		{"diff", "good.offer.hcl", "bad.offer.hcl"},
		{"diff", "bad.offer.hcl", "good.offer.hcl"},
		{"report", "."},
		{"report", "--format", "html", "."},
		{"report", "--format", "svg", "."},
		{"compare", "."},
	} {
		if hc.accept && args[1] == "bad.offer.hcl" {
			continue // which side is refused matters; both sides parse and diff alike
		}
		what := strings.Join(args, " ")
		r := l.run(dir, append([]string{bin}, args...)...)
		checkRun(t, what, r, size)
		wantLocated(what, r, hc.code)
	}
	// textconv and history summarize each version for git; a version
	// that does not read is counted, not located.
	// (A file too large to read is named with its size, exit 1.)
	r = l.run(dir, bin, "textconv", "bad.offer.hcl")
	checkRun(t, "textconv", r, size)
	if hc.code == "file-too-large" {
		wantLocated("textconv", r, hc.code)
	} else if !hc.accept && (r.code != 0 || !strings.Contains(r.stdout, "error(s) in this version")) {
		t.Errorf("textconv: exit %d, want 0 and the errors counted:\n%.600s", r.code, lastLines(r.stdout, 4))
	}
	hostileHistory(t, l, bin, dir, size, hc)
	t.Logf("%-22s %6.2fs", "the commands", time.Since(start).Seconds())
	lspSession(t, bin, dir, bad, good, code, size, true)
}

// lintAtLimit lints the class at the 4 MiB size limit beside the good
// file: one process, which must stay within the bar for that size and
// accept the file.
func lintAtLimit(t *testing.T, l *launcher, bin string, hc hostileCase) {
	t.Helper()
	dir := t.TempDir()
	text := hc.atLimit()
	if len(text) > lang.MaxFileSize || len(text) < lang.MaxFileSize-64<<10 {
		t.Fatalf("the file at the limit is %d bytes", len(text))
	}
	writeFile(t, filepath.Join(dir, "bad.offer.hcl"), text)
	writeFile(t, filepath.Join(dir, "good.offer.hcl"), goodOffer)
	size := len(text)
	text = ""
	r := l.run(dir, bin, "lint", "--format", "json", dir)
	checkRun(t, "lint at 4 MiB", r, size)
	if !strings.Contains(r.stdout, "good.offer.hcl") {
		t.Errorf("lint at 4 MiB did not report the good file:\n%.1000s", r.stdout)
	}
	for _, code := range limitCodes {
		if strings.Contains(r.stdout, `"`+code+`"`) {
			t.Errorf("lint at 4 MiB refused a file under the limits with %s", code)
		}
	}
	if hc.valid && r.code != 0 {
		t.Errorf("lint at 4 MiB: exit %d on a valid file:\n%.1000s", r.code, r.stdout)
	}
}

// justUnder checks, in the test process, that a file made to sit just
// under a limit passes it and that one more of what is limited does not.
func justUnder(t *testing.T, hc hostileCase, text string) {
	t.Helper()
	if len(text) > lang.MaxFileSize {
		t.Fatalf("the file is %d bytes, over the size limit", len(text))
	}
	_, diags := lang.Parse("bad.offer.hcl", []byte(text))
	for _, d := range diags {
		t.Fatalf("the file under the limit gets %s: %s", d.Code, d.Detail)
	}
	over := hc.over()
	_, diags = lang.Parse("bad.offer.hcl", []byte(over))
	if len(diags) != 1 || diags[0].Code != hc.code {
		t.Fatalf("one more is not refused with %s: %v", hc.code, diags)
	}
}

func lastLines(s string, n int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(ls) > n {
		ls = ls[len(ls)-n:]
	}
	return strings.Join(ls, "\n")
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// hostileHistory runs offer history on the hostile file committed to git.
func hostileHistory(t *testing.T, l *launcher, bin, dir string, size int, hc hostileCase) {
	t.Helper()
	git(t, dir, "init", "-q")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-qm", "x")
	r := l.run(dir, bin, "history", "bad.offer.hcl")
	checkRun(t, "history", r, size)
	if hc.code == "file-too-large" { // a row that cannot be valued, with the refusal as its reason
		if !strings.Contains(r.stdout, "(not valued) [1]") || !regexp.MustCompile(`not read \(file-too-large\): The file is [0-9,]+ bytes`).MatchString(r.stdout) || r.code != exitFindings {
			t.Errorf("history: exit %d, want %d and the version too large, with its size, as a row not valued:\n%.600s", r.code, exitFindings, r.stdout+r.stderr)
		}
	} else if !hc.accept && (r.code > 1 || !strings.Contains(r.stdout, "error")) {
		t.Errorf("history: exit %d, want the errors counted:\n%.600s", r.code, r.stdout+r.stderr)
	}
}
