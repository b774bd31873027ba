package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/offerkit/offerkit/engine/negotiate"
	"github.com/offerkit/offerkit/lang"
)

// This file loads the one negotiation workspace that script, email and
// checklist work on.

// loadWorkspace reads the directory of PATH (a directory, or a file whose
// directory is meant; default the current directory) as one workspace.
func loadWorkspace(e *env, cmd string, paths []string, bands []string) (*lang.Workspace, bool) {
	if len(paths) > 1 {
		fmt.Fprintf(e.stderr, "%s: give at most one directory or file\n", cmd)
		return nil, false
	}
	dir := "."
	if len(paths) == 1 {
		dir = paths[0]
		if st, err := os.Stat(dir); err == nil && !st.IsDir() {
			dir = filepath.Dir(dir)
		}
	}
	p, _, ok := load(e, []string{dir}, bands)
	if !ok {
		return nil, false
	}
	reportRefused(e, p)
	return p.Workspace(filepath.Join(dir, "_")), true
}

// textFlags are the flags script and email share.
type textFlags struct {
	counter, offer *string
	bands          *multiFlag
}

func declareTextFlags(fs *flag.FlagSet) textFlags {
	return textFlags{
		counter: fs.String("counter", "", "the counter to write for (default: the latest: highest round, then latest sent)"),
		offer:   fs.String("offer", "", "write for this offer alone, with the asks left as placeholders"),
		bands:   bandsFlag(fs),
	}
}

// facts loads the workspace and gathers the facts the flags select.
func (tf textFlags) facts(e *env, cmd string, paths []string) (*negotiate.Facts, bool) {
	if *tf.counter != "" && *tf.offer != "" {
		fmt.Fprintf(e.stderr, "%s: give --counter or --offer, not both\n", cmd)
		return nil, false
	}
	w, ok := loadWorkspace(e, cmd, paths, *tf.bands)
	if !ok {
		return nil, false
	}
	var f *negotiate.Facts
	var err error
	if *tf.offer != "" {
		f, _, err = w.OfferFacts(*tf.offer)
	} else {
		f, _, err = w.Facts(*tf.counter)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", cmd, err)
		return nil, false
	}
	return f, true
}
