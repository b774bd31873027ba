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
	"testing"

	"github.com/offerkit/offerkit/lang/langtest"
	"github.com/sourcegraph/jsonrpc2"
)

var (
	execveRe = regexp.MustCompile(`execve\("([^"]+)"`)
	socketRe = regexp.MustCompile(`\b(?:socket|connect)\(.*`)
)

// traceResult is what a traced run did and wrote.
type traceResult struct {
	trace          []string // strace's log, a line a system call
	stdout, stderr string
	code           int
}

// traceRun runs the binary in dir under `strace -f`, tracing the system
// calls named (strace's trace= list), with stdin as its input.
func traceRun(t *testing.T, bin, dir, stdin, calls string, args ...string) traceResult {
	t.Helper()
	strace := langtest.NeedProgram(t, "strace", "strace")
	log := filepath.Join(t.TempDir(), "trace")
	cmd := exec.Command(strace, append([]string{"-f", "-qq", "-e", "trace=" + calls, "-o", log, bin}, args...)...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	_ = cmd.Run() // exit codes are the commands' business; the trace is ours
	trace, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	return traceResult{trace: strings.Split(string(trace), "\n"), stdout: stdout.String(), stderr: stderr.String(), code: cmd.ProcessState.ExitCode()}
}

// matches returns, for each line of the trace that re matches, its last
// group (the whole match when re has none).
func (r traceResult) matches(re *regexp.Regexp) []string {
	var got []string
	for _, line := range r.trace {
		if m := re.FindStringSubmatch(line); m != nil {
			got = append(got, m[len(m)-1])
		}
	}
	return got
}

// wantNoProgramsNoNetwork fails the test for every program the traced
// run started other than bin (and git, when git is allowed) and for every
// socket call.
func wantNoProgramsNoNetwork(t *testing.T, r traceResult, bin string, git bool) {
	t.Helper()
	execs := r.matches(execveRe)
	if len(execs) == 0 {
		t.Fatal("strace saw no execve at all; the trace is broken")
	}
	for _, e := range execs {
		if e != bin && !(git && filepath.Base(e) == "git") {
			t.Errorf("started a program: %s", e)
		}
	}
	for _, s := range r.matches(socketRe) {
		t.Errorf("network call: %s", s)
	}
}

func TestNoNetworkNoPrograms(t *testing.T) {
	bin := buildOffer(t)
	for _, args := range [][]string{
		{"lint", "examples"},
		{"lint", "--format", "json", "examples"},
		{"report", "examples"},
		{"report", "--format", "json", "examples"},
		{"bands"},
		{"version"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			wantNoProgramsNoNetwork(t, traceRun(t, bin, repoRoot, "", "execve,socket,connect", args...), bin, true)
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
	dir := filepath.Join(repoRoot, "examples", "amazon-l6-seattle")
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
	r := traceRun(t, bin, repoRoot, lspFrames(t, requests...), "execve,socket,connect", "lsp")
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
	wantNoProgramsNoNetwork(t, r, bin, false)
	if strings.Contains(r.stderr, "$") || strings.Contains(r.stderr, "195000") || strings.Contains(r.stderr, "195,000") {
		t.Errorf("stderr holds figures:\n%s", r.stderr)
	}
}
