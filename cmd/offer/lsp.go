package main

import (
	"context"
	"io"
	"os"
	runtimedebug "runtime/debug"

	"github.com/offerkit/offerkit/lsp"
)

// lspGCPercent is the language server's garbage-collection target.
const lspGCPercent = 50

func runLSP(e *env, _ []string) int {
	extra, code := readBands(e)
	if code != exitOK {
		return code
	}
	// The server lives as long as the editor and holds every document of
	// its folders: collecting at 50% growth instead of Go's 100% keeps
	// 1,000 open documents at about 50 MB instead of 66 (lsp
	// BenchmarkMemory1000Docs, docs/performance.md). GOGC still overrides it.
	if os.Getenv("GOGC") == "" {
		runtimedebug.SetGCPercent(lspGCPercent)
	}
	s := lsp.New(lsp.Options{Log: e.stderr, Debug: e.debug, ExtraBands: extra, Version: version})
	return s.Serve(context.Background(), stdio{e.stdin, e.stdout})
}

// stdio joins the standard streams into the connection's stream. Closing
// it closes neither: the process ends when Serve returns.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
