package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
)

// This file loads the one negotiation workspace that script, email,
// counter, checklist and timeline work on, and writes what they draft
// (--write).

// onWorkspace is the run of a command that works on the one workspace its
// arguments name (loadWorkspace), read with read: loadFolderForCheck for
// bands and tax, which list what is active, loadFolder (which keeps the
// files' syntax trees) for checklist and timeline.
func onWorkspace(read loader, run func(*env, *lang.Workspace) int) func(*env, []string) int {
	return func(e *env, args []string) int {
		w, code := loadWorkspace(e, args, read)
		if code != exitOK {
			return code
		}
		return run(e, w)
	}
}

// loadWorkspace reads, with read (loadFolder or loadFolderForCheck), the
// folder PATH names (a folder, or one of its offer, band, tax or rates
// files; default the current directory) as one workspace: its own files,
// not its subfolders' (other negotiations). It prints each file of it that
// the reading rules refused (reportRefused). A PATH that is neither a
// folder nor such a file is refused (exit 1). It prints why when it
// cannot, and returns the exit code.
func loadWorkspace(e *env, paths []string, read loader) (*lang.Workspace, int) {
	if len(paths) > 1 {
		fmt.Fprintf(e.stderr, "%s: give at most one directory or file\n", e.flags.Name())
		return nil, exitUsage
	}
	dir := "."
	if len(paths) == 1 {
		dir = paths[0]
		if st, err := os.Stat(dir); err == nil && !st.IsDir() {
			if code := namedFile(e, dir); code != exitOK {
				return nil, code
			}
			dir = filepath.Dir(dir)
		}
	}
	p, _, code := read(e, []string{dir})
	if code != exitOK {
		return nil, code
	}
	reportRefused(e, p)
	// The workspace of a directory is keyed by any file name inside it.
	return p.Workspace(filepath.Join(dir, "_")), exitOK
}

// namedFile refuses a PATH given to a command on one workspace that is not
// an offer, band, tax or rates file (exit 1): a device such as /dev/null
// or a link out of its folder with the reading rules' reason, any other
// file because it is not one of the negotiation's. It is judged from its
// metadata alone (lang.Judge), never opened: /proc/self/environ is not
// read only to be refused. An offer, band, tax or rates file, even
// refused, is read with its folder.
func namedFile(e *env, name string) int {
	if _, ok := lang.KindOf(name); ok {
		return exitOK
	}
	if err := lang.Judge(name, ""); asRefusal(err) != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", e.flags.Name(), err)
		return exitFindings
	}
	fmt.Fprintf(e.stderr, "%s: %s: not a folder, nor an offer, band, tax or rates file (*.offer.hcl, *.bands.hcl, *.tax.hcl, *.rates.hcl); give the negotiation's folder or one of its files\n", e.flags.Name(), lang.Printable(name))
	return exitFindings
}

// draft loads the workspace, drafts the text the flags select with make
// (analysis.DraftScript or DraftEmail), and prints it (print) or, with
// --write, keeps it in its block.
func draft(e *env, paths []string, make func(*lang.Workspace, analysis.DraftFor) (*analysis.Draft, error), print func(*analysis.Draft)) int {
	cmd := e.flags.Name()
	if e.counter != "" && e.offer != "" {
		fmt.Fprintf(e.stderr, "%s: give --counter or --offer, not both\n", cmd)
		return exitUsage
	}
	if e.force && !e.write {
		fmt.Fprintf(e.stderr, "%s: --force goes with --write\n", cmd)
		return exitUsage
	}
	w, code := loadWorkspace(e, paths, loadFolder)
	if code != exitOK {
		return code
	}
	d, err := make(w, analysis.DraftFor{Counter: e.counter, Offer: e.offer})
	if d != nil && !e.write { // printing needs the text, not the edit
		print(d)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", cmd, err)
		return draftFailure(err)
	}
	return writeDraft(e, w, d)
}

// draftFailure is the exit code of a text that could not be drafted: 1
// when the block asked about has no figures (lang.NoFiguresError: the
// files have errors), else 2 (a name that does not exist, say).
func draftFailure(err error) int {
	var none *lang.NoFiguresError
	if errors.As(err, &none) {
		return exitFindings
	}
	return exitUsage
}

// writeDraft applies a draft's edit to its file (analysis.WriteEdits: the
// atomic writer and its rules; --force) and says what it did on standard
// error.
func writeDraft(e *env, w *lang.Workspace, d *analysis.Draft) int {
	cmd := e.flags.Name()
	name := d.Edit.Range.Filename
	f := w.File(name)
	if f == nil {
		fmt.Fprintf(e.stderr, "%s: %s is not a file of the workspace; nothing written\n", cmd, name)
		return exitUsage
	}
	changed, err := analysis.WriteEdits(name, f.Src, []analysis.Edit{d.Edit}, e.force)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", cmd, err)
		return fileFailure(err)
	}
	if changed {
		fmt.Fprintf(e.stderr, "%s: wrote it into %s in %s\n", cmd, d.Into, name)
	} else {
		fmt.Fprintf(e.stderr, "%s: %s in %s already holds it; nothing written\n", cmd, d.Into, name)
	}
	return exitOK
}
