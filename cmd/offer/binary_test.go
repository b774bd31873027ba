package main

// This file builds the offer binary once for the tests that run it as a
// user does, a process of its own, and runs it under a deadline.

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
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

// runBinary runs bin in dir with the arguments, env added to the
// environment, and returns its output (standard output and error as they
// interleave) and its exit code. A run that does not start, or does not
// finish within limit (blocked on a FIFO, or reading /dev/zero without
// end), fails the test.
func runBinary(t *testing.T, bin, dir string, env []string, limit time.Duration, args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if ctx.Err() == context.DeadlineExceeded {
		t.Fatalf("%s: did not finish in %v (blocked on a FIFO, or reading /dev/zero):\n%s", strings.Join(args, " "), limit, out)
	}
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("%s: %v", strings.Join(args, " "), err)
	}
	return string(out), cmd.ProcessState.ExitCode()
}
