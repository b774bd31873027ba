package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestVersionOfAPlainBuild builds offer with a plain `go build` in a fresh
// clone of this commit with the working tree's files copied over it (a
// clone, because Go stamps no VCS facts in a git worktree) and checks that `offer version` names the commit, its time and
// the Go version, and that the language server reports the same version in
// serverInfo.
func TestVersionOfAPlainBuild(t *testing.T) {
	needGit(t)
	root := repoRoot
	rev := strings.TrimSpace(git(t, root, "rev-parse", "HEAD"))
	// The commit time as Go stamps it: RFC 3339 in UTC (needGit sets TZ=UTC).
	wantTime := strings.TrimSpace(git(t, root, "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%dT%H:%M:%SZ", "HEAD"))
	src := filepath.Join(t.TempDir(), "src")
	git(t, root, "clone", "-q", "--no-checkout", root, src)
	git(t, src, "checkout", "-q", rev)
	modified := copyWorkingTree(t, root, src)
	bin := filepath.Join(t.TempDir(), "offer")
	build := exec.Command("go", "build", "-o", bin, "./cmd/offer")
	build.Dir = src
	// The caller's GOFLAGS stay (.ci/run's -trimpath lets this build reuse
	// the packages the rest of the run compiled); -buildvcs=true comes last.
	build.Env = append(os.Environ(), "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -buildvcs=true"), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	out, err := exec.Command(bin, "version", "--format", "json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var v buildVersion
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if v.Revision != rev || v.Time != wantTime || v.Modified != modified || v.Go != runtime.Version() {
		t.Errorf("version --format json = %+v, want revision %s, time %s, modified %v, %s", v, rev, wantTime, modified, runtime.Version())
	}
	// A commit without a tag gets a pseudo-version that ends in the short commit.
	if !strings.HasPrefix(v.Version, "v") || strings.Count(v.Version, "-") >= 2 && !strings.HasSuffix(strings.TrimSuffix(v.Version, "+dirty"), rev[:12]) {
		t.Errorf("version %q names neither a tag nor the commit %s", v.Version, rev[:12])
	}
	text, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	note := ""
	if modified {
		note = " (with uncommitted changes)"
	}
	want := fmt.Sprintf("offer %s\ncommit %s%s\ncommit time %s\nbuilt with %s\n", v.Version, rev, note, wantTime, runtime.Version())
	if string(text) != want {
		t.Errorf("offer version:\n%s\nwant:\n%s", text, want)
	}

	if got := serverInfoVersion(t, bin); got != v.String() || !strings.Contains(got, rev[:12]) {
		t.Errorf("serverInfo.version = %q, want %q (with the commit %s)", got, v.String(), rev[:12])
	}
}

// serverInfoVersion runs an `offer lsp` session of initialize, shutdown
// and exit, and returns serverInfo.version from the initialize result.
func serverInfoVersion(t *testing.T, bin string) string {
	t.Helper()
	cmd := exec.Command(bin, "lsp", "--stdio")
	cmd.Stdin = strings.NewReader(lspFrames(t,
		map[string]any{"id": 1, "method": "initialize", "params": map[string]any{"processId": nil, "capabilities": map[string]any{}}},
		map[string]any{"id": 2, "method": "shutdown"},
		map[string]any{"method": "exit"}))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("offer lsp: %v\n%s", err, out)
	}
	initialize, _ := json.Marshal(lspReplies(t, string(out))[1])
	var res struct {
		Result struct {
			ServerInfo struct{ Name, Version string } `json:"serverInfo"`
		} `json:"result"`
	}
	if err := json.Unmarshal(initialize, &res); err != nil || res.Result.ServerInfo.Name != "offer" {
		t.Fatalf("initialize: %v\n%s", err, initialize)
	}
	return res.Result.ServerInfo.Version
}

func TestVersionJSONInTests(t *testing.T) {
	out, errOut, code := runCLI(t, "version", "--format", "json")
	var v buildVersion
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v.Go != runtime.Version() || v.Version == "" {
		t.Fatalf("version --format json: code %d, %q %q", code, out, errOut)
	}
	if _, _, code := runCLI(t, "version", "--format", "yaml"); code != exitUsage {
		t.Errorf("version --format yaml: exit %d, want %d", code, exitUsage)
	}
}

// copyWorkingTree copies the checkout's files (tracked and untracked, not
// ignored) over the clone in dst, and reports whether any differ from the
// commit, as `git status` would.
func copyWorkingTree(t *testing.T, root, dst string) (modified bool) {
	t.Helper()
	for _, name := range strings.Split(git(t, root, "ls-files", "-z", "-c", "-o", "--exclude-standard"), "\x00") {
		if name == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			_ = os.Remove(filepath.Join(dst, name)) // deleted in the working tree
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, name), data, info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	return strings.TrimSpace(git(t, dst, "status", "--porcelain")) != ""
}
