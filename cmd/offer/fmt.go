package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/offerkit/offerkit/lang"
	"github.com/pmezard/go-difflib/difflib"
)

func runFmt(e *env, paths []string) int {
	if e.write && e.check {
		fmt.Fprintln(e.stderr, "offer fmt: -w and -check exclude each other")
		return exitUsage
	}
	if len(paths) == 1 && paths[0] == "-" {
		return fmtStdin(e)
	}
	files, err := lang.Expand(paths)
	if err != nil {
		fmt.Fprintf(e.stderr, "offer fmt: %v\n", err)
		return exitUsage
	}
	status := exitOK
	worse := func(c int) {
		if c > status {
			status = c
		}
	}
	for _, name := range files {
		snap, err := lang.ReadSnapshot(name)
		if err != nil {
			fmt.Fprintf(e.stderr, "offer fmt: %v\n", err)
			worse(fileFailure(err))
			continue
		}
		out, diags := lang.Format(name, snap.Data)
		if diags.HasErrors() {
			lang.WriteText(e.stderr, diags, func(string) []byte { return snap.Data })
			fmt.Fprintf(e.stderr, "offer fmt: %s not formatted: fix the syntax error(s) above first\n", name)
			worse(exitFindings)
			continue
		}
		changed := string(out) != string(snap.Data)
		switch {
		case e.diff:
			if changed {
				writeUnifiedDiff(e.stdout, name, snap.Data, out)
			}
		case e.check:
			if changed {
				fmt.Fprintln(e.stdout, name)
			}
		case !e.write:
			e.stdout.Write(out)
		}
		if changed && e.check {
			worse(exitFindings)
		}
		if changed && e.write {
			if err := snap.Writable(e.force); err != nil {
				fmt.Fprintf(e.stderr, "offer fmt: %v\n", err)
				worse(fileFailure(err))
				continue
			}
			if err := snap.Replace(out); err != nil {
				if errors.Is(err, lang.ErrChanged) {
					fmt.Fprintf(e.stderr, "offer fmt: %s: %v\n", name, err)
				} else {
					fmt.Fprintf(e.stderr, "offer fmt: %s: could not write: %v\n", name, err)
				}
				worse(fileFailure(err))
				continue
			}
			if !e.diff {
				fmt.Fprintln(e.stdout, name)
			}
		}
	}
	return status
}

// fmtStdin formats standard input to standard output (for editors).
func fmtStdin(e *env) int {
	src, err := io.ReadAll(io.LimitReader(e.stdin, lang.MaxFileSize+1))
	if err != nil {
		fmt.Fprintf(e.stderr, "offer fmt: reading standard input: %v\n", err)
		return exitUsage
	}
	out, diags := lang.Format("<stdin>", src)
	if diags.HasErrors() {
		lang.WriteText(e.stderr, diags, func(string) []byte { return src })
		return exitFindings
	}
	changed := string(out) != string(src)
	switch {
	case e.diff:
		if changed {
			writeUnifiedDiff(e.stdout, "<stdin>", src, out)
		}
	case e.check:
		if changed {
			fmt.Fprintln(e.stdout, "<stdin>")
		}
	default:
		e.stdout.Write(out)
	}
	if changed && e.check {
		return exitFindings
	}
	return exitOK
}

// writeUnifiedDiff prints the change from a to b as a unified diff with
// three lines of context, as `diff -u` and `git diff` do.
func writeUnifiedDiff(w io.Writer, name string, a, b []byte) {
	d := difflib.UnifiedDiff{
		A: splitKeepEnds(string(a)), B: splitKeepEnds(string(b)),
		FromFile: name, ToFile: name + " (formatted)", Context: 3,
	}
	text, _ := difflib.GetUnifiedDiffString(d)
	io.WriteString(w, text)
}

// splitKeepEnds splits text into lines that keep their line endings; a last
// line without one gets a marker, as diff prints it.
func splitKeepEnds(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s+"\n\\ No newline at end of file\n")
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
