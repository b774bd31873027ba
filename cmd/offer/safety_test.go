package main

// This file checks what the built binary does to the system while it runs:
// under strace, it must open no network socket and start no program other
// than itself and git. It needs strace (Debian's strace package, installed
// by .ci/run); without it the test fails.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/sourcegraph/jsonrpc2"
)

// buildOffer builds the offer binary, once per test run, and returns its path.
func buildOffer(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "offer-bin-")
		if err != nil {
			built.err = err.Error()
			return
		}
		built.dir, built.bin = dir, filepath.Join(dir, "offer")
		if out, err := exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput(); err != nil {
			built.err = fmt.Sprintf("go build: %v\n%s", err, out)
		}
	})
	if built.err != "" {
		t.Fatal(built.err)
	}
	return built.bin
}

// built is the binary buildOffer builds once for all the tests of a run
// (eight of them ran go build each); TestMain removes its directory.
var built struct {
	once          sync.Once
	dir, bin, err string
}

var (
	execveRe = regexp.MustCompile(`execve\("([^"]+)"`)
	socketRe = regexp.MustCompile(`\b(socket|connect)\(`)
)

// traced runs the binary under strace and returns the programs it started
// and the socket calls it made.
func traced(t *testing.T, bin, dir string, stdin string, args ...string) (execs, sockets []string) {
	t.Helper()
	r := traceRun(t, bin, dir, stdin, args...)
	return r.execs, r.sockets
}

// traceResult is what a traced run did and wrote.
type traceResult struct {
	execs, sockets []string
	stdout, stderr string
	code           int
}

// traceRun runs the binary under strace with stdin as its input.
func traceRun(t *testing.T, bin, dir string, stdin string, args ...string) traceResult {
	t.Helper()
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Fatal("strace is not installed (apt-get install strace); the safety test cannot run without it")
	}
	log := filepath.Join(t.TempDir(), "trace")
	cmd := exec.Command(strace, append([]string{"-f", "-qq", "-e", "trace=execve,socket,connect", "-o", log, bin}, args...)...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	_ = cmd.Run() // exit codes are the commands' business; the trace is ours
	r := traceResult{stdout: stdout.String(), stderr: stderr.String(), code: cmd.ProcessState.ExitCode()}
	f, err := os.Open(log)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if m := execveRe.FindStringSubmatch(line); m != nil {
			r.execs = append(r.execs, m[1])
		}
		if socketRe.MatchString(line) {
			r.sockets = append(r.sockets, line)
		}
	}
	return r
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

// lspFrames frames JSON-RPC messages as the Language Server Protocol does.
func lspFrames(t *testing.T, msgs ...map[string]any) string {
	t.Helper()
	var b strings.Builder
	for _, m := range msgs {
		m["jsonrpc"] = "2.0"
		body, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(body), body)
	}
	return b.String()
}

// lspReplies reads the server's framed messages and returns the responses
// by id.
func lspReplies(t *testing.T, out string) map[int]map[string]any {
	t.Helper()
	replies := map[int]map[string]any{}
	r := bufio.NewReader(strings.NewReader(out))
	for {
		var m map[string]any
		err := jsonrpc2.VSCodeObjectCodec{}.ReadObject(r, &m)
		if err == io.EOF {
			return replies
		}
		if err != nil {
			t.Fatalf("stdout holds a message that does not read (%v):\n%s", err, out)
		}
		if id, ok := m["id"].(float64); ok && m["method"] == nil {
			replies[int(id)] = m
		}
	}
}

// An editor session with `offer lsp`, under strace: the server answers
// every request, exits with status 0 after shutdown and exit, opens no
// socket, starts no program, and writes no figure to stderr.
func TestLSPSessionNoNetworkNoPrograms(t *testing.T) {
	bin := buildOffer(t)
	root, _ := filepath.Abs("../..")
	dir := filepath.Join(root, "examples", "amazon-l6-seattle")
	offerPath := filepath.Join(dir, "offer.offer.hcl")
	src, err := os.ReadFile(offerPath)
	if err != nil {
		t.Fatal(err)
	}
	uri := (&url.URL{Scheme: "file", Path: filepath.ToSlash(offerPath)}).String()
	td := map[string]any{"uri": uri}
	at := func(line, char int) map[string]any { return map[string]any{"line": line, "character": char} }
	requests := []map[string]any{
		{"id": 1, "method": "initialize", "params": map[string]any{"processId": nil, "rootUri": (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String(), "capabilities": map[string]any{}}},
		{"method": "initialized", "params": map[string]any{}},
		{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "offer", "version": 1, "text": string(src)}}},
		{"id": 2, "method": "textDocument/hover", "params": map[string]any{"textDocument": td, "position": at(1, 10)}},
		{"id": 3, "method": "textDocument/codeAction", "params": map[string]any{"textDocument": td, "range": map[string]any{"start": at(1, 6), "end": at(1, 6)}, "context": map[string]any{"diagnostics": []any{}}}},
		{"id": 4, "method": "textDocument/inlayHint", "params": map[string]any{"textDocument": td, "range": map[string]any{"start": at(0, 0), "end": at(40, 0)}}},
		{"id": 5, "method": "textDocument/codeLens", "params": map[string]any{"textDocument": td}},
		{"id": 6, "method": "textDocument/completion", "params": map[string]any{"textDocument": td, "position": at(9, 0)}},
		{"id": 7, "method": "shutdown"},
		{"method": "exit"},
	}
	r := traceRun(t, bin, root, lspFrames(t, requests...), "lsp")
	if r.code != 0 {
		t.Errorf("exit status %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
	replies := lspReplies(t, r.stdout)
	for id := 1; id <= 7; id++ {
		if m := replies[id]; m == nil || m["error"] != nil {
			t.Errorf("request %d: %v", id, m)
		}
	}
	if hover, _ := json.Marshal(replies[2]); !strings.Contains(string(hover), "$350,000") {
		t.Errorf("hover: %s", hover) // year 1: 195,000 + 110,000 + 20,000 (5% of 400,000) + 25,000 relocation
	}
	if len(r.execs) == 0 {
		t.Fatal("strace saw no execve at all; the trace is broken")
	}
	for _, e := range r.execs {
		if e != bin {
			t.Errorf("started a program: %s", e)
		}
	}
	for _, s := range r.sockets {
		t.Errorf("network call: %s", s)
	}
	if strings.Contains(r.stderr, "$") || strings.Contains(r.stderr, "195000") || strings.Contains(r.stderr, "195,000") {
		t.Errorf("stderr holds figures:\n%s", r.stderr)
	}
}
