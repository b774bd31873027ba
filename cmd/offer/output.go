package main

import (
	"bytes"
	"flag"
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

func chartFlags(fs *flag.FlagSet) *chartMode {
	m := &chartMode{}
	fs.BoolVar(&m.on, "chart", false, "draw a bar chart of each year (default: when output is a terminal)")
	fs.BoolVar(&m.off, "no-chart", false, "never draw the bar chart")
	return m
}

// want decides whether to draw the chart, which only the format named
// chartFormat draws; it reports a usage error when both flags are given,
// or when --chart asks for it in another format (refusal, with the
// format for its %s). The default only applies to a terminal.
func (m *chartMode) want(e *env, toFile bool, format, chartFormat, refusal string) (draw, ok bool) {
	draw, ok = m.wanted(e, toFile)
	if draw && format != chartFormat {
		if m.on {
			fmt.Fprintf(e.stderr, refusal+"\n", format)
			return false, false
		}
		draw = false
	}
	return draw, ok
}

func (m *chartMode) wanted(e *env, toFile bool) (draw, ok bool) {
	switch {
	case m.on && m.off:
		fmt.Fprintln(e.stderr, "offer: --chart and --no-chart contradict each other; give one")
		return false, false
	case m.on:
		return true, true
	case m.off || toFile:
		return false, true
	}
	return isTerminal(e.stdout), true
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

// outputFlag declares -o, the file writeOutput writes instead of standard
// output.
func outputFlag(fs *flag.FlagSet) *string {
	return fs.String("o", "", "write to this file instead of standard output (written whole or not at all)")
}

// writeOutput runs write into a buffer and sends the result to standard
// output, or with a path to that file. A file is written whole or not at
// all: the text goes to a temporary file in the same directory, which is
// renamed over the target only once it is complete.
func writeOutput(e *env, path string, write func(w io.Writer) error) bool {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		fmt.Fprintf(e.stderr, "offer: %v\n", err)
		return false
	}
	if path == "" || path == "-" {
		if _, err := e.stdout.Write(buf.Bytes()); err != nil {
			fmt.Fprintf(e.stderr, "offer: writing output: %v\n", err)
			return false
		}
		return true
	}
	for _, in := range e.inputs {
		if lang.SameFile(path, in) {
			fmt.Fprintf(e.stderr, "offer: -o %s is one of the files read; not overwritten (choose another output file)\n", path)
			return false
		}
	}
	if err := lang.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(e.stderr, "offer: cannot write %s: %v\n", path, unwrap(err))
		return false
	}
	fmt.Fprintf(e.stderr, "offer: wrote %s (%d bytes)\n", path, buf.Len()) // says what it did; standard output stays empty
	return true
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
