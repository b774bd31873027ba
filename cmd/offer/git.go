package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"path"
	"strings"

	"github.com/offerkit/offerkit/lang"
)

// This file is offerkit's only way to reach git: it runs the git binary
// (never anything else); snapshot.go reads a directory of offer files as it
// was at a revision through it.

// gitCommand is the one program this tool starts: git with args, in dir
// ("" for the current directory), its standard error kept in stderr.
func gitCommand(dir string, stderr *bytes.Buffer, args ...string) *exec.Cmd {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stderr = stderr
	return cmd
}

// gitFailed is the error of a git run that failed: git's own message, or
// the run's error when git said nothing.
func gitFailed(sub string, stderr *bytes.Buffer, err error) error {
	msg := strings.TrimSpace(stderr.String())
	if msg == "" {
		msg = err.Error()
	}
	return fmt.Errorf("git %s: %s", sub, msg)
}

// gitCmd runs git with args in dir ("" for the current directory) and
// returns its standard output. Its error carries git's own message.
func gitCmd(dir string, args ...string) ([]byte, error) {
	var stdout, stderr bytes.Buffer
	cmd := gitCommand(dir, &stderr, args...)
	cmd.Stdout = &stdout
	if err := cmd.Run(); err != nil {
		return nil, gitFailed(args[0], &stderr, err)
	}
	return stdout.Bytes(), nil
}

// gitShow returns the text of REV:PATH (spec) as lang.ReadBlob reads it:
// a bounded read with the size limit of every other file. git is stopped
// once the limit is passed.
func gitShow(dir, spec string) ([]byte, error) {
	var stderr bytes.Buffer
	cmd := gitCommand(dir, &stderr, "show", spec)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git show: %v", err)
	}
	src, readErr := lang.ReadBlob(spec, out)
	if readErr != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, readErr
	}
	if err := cmd.Wait(); err != nil {
		return nil, gitFailed("show", &stderr, err)
	}
	return src, nil
}

// gitRoot returns the top directory of the work tree holding the current
// directory.
func gitRoot() (string, error) {
	out, err := gitCmd("", "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// verifyRev checks that rev, as the user gave it, names a commit of the
// repository.
func verifyRev(rev string) error {
	if _, err := gitCmd("", "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return fmt.Errorf("%s: not a revision of this repository", rev)
	}
	return nil
}

// splitRevPath splits "REV:PATH" and makes PATH relative to the top of the
// work tree: git reads "./x" and "../x" relative to the current directory,
// anything else relative to the top.
func splitRevPath(arg string) (rev, p string, ok bool) {
	i := strings.Index(arg, ":")
	if i <= 0 {
		return "", "", false
	}
	rev, p = arg[:i], arg[i+1:]
	if strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") {
		out, err := gitCmd("", "rev-parse", "--show-prefix")
		if err == nil {
			p = path.Join(strings.TrimSpace(string(out)), p)
		}
	}
	return rev, path.Clean(p), p != ""
}
