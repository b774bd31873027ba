package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
)

// This file loads the one negotiation workspace that script, email,
// counter and checklist work on, and writes what they draft (--write).

// loadWorkspace reads the directory of PATH (a directory, or a file whose
// directory is meant; default the current directory) as one workspace. It
// prints why when it cannot, and returns the exit code.
func loadWorkspace(e *env, cmd string, paths []string, bands []string) (*lang.Workspace, int) {
	if len(paths) > 1 {
		fmt.Fprintf(e.stderr, "%s: give at most one directory or file\n", cmd)
		return nil, exitUsage
	}
	dir := "."
	if len(paths) == 1 {
		dir = paths[0]
		if st, err := os.Stat(dir); err == nil && !st.IsDir() {
			dir = filepath.Dir(dir)
		}
	}
	p, _, code := load(e, []string{dir}, bands)
	if code != exitOK {
		return nil, code
	}
	reportRefused(e, p)
	return p.Workspace(filepath.Join(dir, "_")), exitOK
}

// textFlags are the flags script and email share.
type textFlags struct {
	counter, offer *string
	write, force   *bool
	bands          *multiFlag
}

func declareTextFlags(fs *flag.FlagSet) textFlags {
	return textFlags{
		counter: fs.String("counter", "", "the counter to write for (default: the latest: highest round, then latest sent)"),
		offer:   fs.String("offer", "", "write for this offer alone, with the asks left as placeholders"),
		write:   fs.Bool("write", false, "keep the text in the files instead of printing it: in the counter (with --offer, in that offer block; script questions, in the candidate block), replacing a block with the same label"),
		force:   fs.Bool("force", false, "with --write, also rewrite a read-only file"),
		bands:   bandsFlag(fs),
	}
}

// draft loads the workspace, drafts the text the flags select with make
// (analysis.DraftScript or DraftEmail), and prints it (print) or, with
// --write, keeps it in its block.
func (tf textFlags) draft(e *env, cmd string, paths []string,
	make func(*lang.Workspace, analysis.DraftFor) (*analysis.Draft, error), print func(*analysis.Draft)) int {
	if *tf.counter != "" && *tf.offer != "" {
		fmt.Fprintf(e.stderr, "%s: give --counter or --offer, not both\n", cmd)
		return exitUsage
	}
	if *tf.force && !*tf.write {
		fmt.Fprintf(e.stderr, "%s: --force goes with --write\n", cmd)
		return exitUsage
	}
	w, code := loadWorkspace(e, cmd, paths, *tf.bands)
	if code != exitOK {
		return code
	}
	d, err := make(w, analysis.DraftFor{Counter: *tf.counter, Offer: *tf.offer})
	if d != nil && !*tf.write { // printing needs the text, not the edit
		print(d)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", cmd, err)
		return exitUsage
	}
	return writeDraft(e, cmd, w, d, *tf.force)
}

// writeDraft applies a draft's edit to its file (analysis.WriteEdits: the
// atomic writer and its rules) and says what it did on standard error.
func writeDraft(e *env, cmd string, w *lang.Workspace, d *analysis.Draft, force bool) int {
	name := d.Edit.Range.Filename
	f := w.File(name)
	if f == nil {
		fmt.Fprintf(e.stderr, "%s: %s is not a file of the workspace; nothing written\n", cmd, name)
		return exitUsage
	}
	changed, err := analysis.WriteEdits(name, f.Src, []analysis.Edit{d.Edit}, force)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", cmd, err)
		return exitUsage
	}
	if changed {
		fmt.Fprintf(e.stderr, "%s: wrote it into %s in %s\n", cmd, d.Into, name)
	} else {
		fmt.Fprintf(e.stderr, "%s: %s in %s already holds it; nothing written\n", cmd, d.Into, name)
	}
	return exitOK
}
