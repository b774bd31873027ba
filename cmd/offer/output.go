package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/offerkit/offerkit/lang"
)

// This file holds what report and compare share about their output: the
// terminal bar chart switch and writing to a file with -o.

// chartMode is the --chart / --no-chart switch; auto draws the chart when
// standard output is a terminal.
type chartMode struct{ on, off bool }

// wantChart decides whether to draw the chart, which only the format named
// chartFormat draws; it reports a usage error when both flags are given,
// or when --chart asks for it in another format (refusal, with the
// format for its %s). The default only applies to a terminal (not -o).
func (e *env) wantChart(chartFormat, refusal string) (draw, ok bool) {
	m := e.chart
	switch {
	case m.on && m.off:
		fmt.Fprintln(e.stderr, "offer: --chart and --no-chart contradict each other; give one")
		return false, false
	case m.on && e.format != chartFormat:
		fmt.Fprintf(e.stderr, refusal+"\n", e.format)
		return false, false
	case m.on:
		return true, true
	case m.off || e.output != "" || e.format != chartFormat:
		return false, true
	}
	return isTerminal(e.stdout), true
}

// writeChart draws a terminal chart (draw) after the tables, a blank line
// before it, or writes nothing when draw draws nothing (no block has
// figures to chart: each has errors, said above).
func writeChart(w io.Writer, draw func(io.Writer)) {
	var chart bytes.Buffer
	draw(&chart)
	if chart.Len() > 0 {
		fmt.Fprintln(w)
		w.Write(chart.Bytes())
	}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// writeOutput runs write into a buffer and sends the result to standard
// output, or with -o to that file, and returns the exit code. A file is
// written whole or not at all: the text goes to a temporary file in the
// same directory, which is renamed over the target only once it is
// complete. A target the writing rules refuse (one of the files read, a
// link, not a regular file, read-only) is exit 1, as every refused file
// (fileFailure); a target that cannot be created or written (no such
// directory, no permission, a full disk) is 2.
func writeOutput(e *env, write func(w io.Writer) error) int {
	path := e.output
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		fmt.Fprintf(e.stderr, "offer: %v\n", err)
		return exitUsage
	}
	if path == "" || path == "-" {
		if _, err := e.stdout.Write(buf.Bytes()); err != nil {
			fmt.Fprintf(e.stderr, "offer: writing output: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	for _, in := range e.inputs {
		if lang.SameFile(path, in) {
			fmt.Fprintf(e.stderr, "offer: -o %s is one of the files read; not overwritten (choose another output file)\n", path)
			return exitFindings
		}
	}
	if err := lang.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(e.stderr, "offer: cannot write %s: %v\n", path, unwrap(err))
		return fileFailure(err)
	}
	fmt.Fprintf(e.stderr, "offer: wrote %s (%d bytes)\n", path, buf.Len()) // says what it did; standard output stays empty
	return exitOK
}

func unwrap(err error) error {
	switch e := err.(type) {
	case *os.PathError:
		return e.Err
	case *os.LinkError:
		return e.Err
	}
	return err
}
