package main

import (
	"errors"
	"fmt"
	"slices"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// fileFailure is the exit code of a file that could not be read or
// written: 1 when the reading rules refused it (a *lang.Refusal: a device,
// FIFO or socket, a link out of its directory, a file over the size limit)
// or the writing rules did (lang.WriteRefused: a link, for fmt and every
// --write also as the file read; not a regular file, read-only, changed
// on disk since it was read), an error in the input as lint reports a
// refused file, wherever it is named; 2 when it does not exist or cannot
// be opened, created or written (the command could not run).
func fileFailure(err error) int {
	if asRefusal(err) != nil || lang.WriteRefused(err) {
		return exitFindings
	}
	return exitUsage
}

// asRefusal is the *lang.Refusal in err's chain, or nil: why the reading
// rules refused a file.
func asRefusal(err error) *lang.Refusal {
	var refused *lang.Refusal
	if errors.As(err, &refused) {
		return refused
	}
	return nil
}

// readBands reads the --bands files of the commands that do not load a
// project (diff, history, lsp), printing why when one cannot be read
// (with the exit code, fileFailure).
func readBands(e *env) ([]*lang.File, int) {
	var out []*lang.File
	for _, p := range e.bands {
		src, err := lang.ReadFile(p, "")
		if err != nil {
			fmt.Fprintf(e.stderr, "%s: %v\n", e.flags.Name(), err)
			return nil, fileFailure(err)
		}
		out = append(out, lang.DecodeAs(p, src, lang.BandsFile))
	}
	return out, exitOK
}

// loader is how a command reads its paths into a project: load or
// loadForCheck.
type loader func(e *env, paths []string) (*lang.Project, []string, int)

// load reads the paths and the --bands files into a project, printing why
// when it cannot (with the exit code, fileFailure). It returns the project
// and the files the paths name.
func load(e *env, paths []string) (*lang.Project, []string, int) {
	return loadWith(e, lang.Load, paths)
}

// loadForCheck is load for the commands that only check and report: the
// files' syntax trees are dropped once decoded (lang.LoadForCheck).
func loadForCheck(e *env, paths []string) (*lang.Project, []string, int) {
	return loadWith(e, lang.LoadForCheck, paths)
}

// loadFolder and loadFolderForCheck are load and loadForCheck for the
// commands on one negotiation (loadWorkspace): paths is the one folder,
// whose own files alone are read (lang.LoadFolder), not its subfolders'.
func loadFolder(e *env, paths []string) (*lang.Project, []string, int) {
	return loadWith(e, func(paths, bands []string) (*lang.Project, []string, error) {
		return lang.LoadFolder(paths[0], bands)
	}, paths)
}

func loadFolderForCheck(e *env, paths []string) (*lang.Project, []string, int) {
	return loadWith(e, func(paths, bands []string) (*lang.Project, []string, error) {
		return lang.LoadFolderForCheck(paths[0], bands)
	}, paths)
}

// loadChecked is loadForCheck, then checks the files: for the commands
// that report on every file they are given (lint, compare; report adds
// the refused siblings first, withRefused).
func loadChecked(e *env, paths []string) (*lang.Project, []*lang.Result, int) {
	p, files, code := loadForCheck(e, paths)
	if code != exitOK {
		return nil, nil, code
	}
	return p, p.CheckFiles(files, 0), exitOK
}

func loadWith(e *env, read func(paths, bands []string) (*lang.Project, []string, error), paths []string) (*lang.Project, []string, int) {
	p, files, err := read(paths, e.bands)
	if err != nil {
		fmt.Fprintf(e.stderr, "offer: %v\n", err)
		return nil, nil, fileFailure(err)
	}
	e.inputs = append(append(e.inputs, files...), e.bands...)
	for _, w := range p.Workspaces() {
		for _, f := range w.Files() {
			e.inputs = append(e.inputs, f.Name)
		}
	}
	return p, files, exitOK
}

// allDiagnostics returns the diagnostics of every file, of the --bands
// files and of every file of the negotiations that the reading rules
// refused (a sibling of a named file included: the negotiation is judged
// without it), sorted.
func allDiagnostics(p *lang.Project, results []*lang.Result) lang.Diagnostics {
	var ds lang.Diagnostics
	for _, f := range p.ExtraBandFiles() {
		ds = append(ds, lang.Suppress(f.Name, f.Src, f.Diags)...)
	}
	refused := map[string]bool{} // files whose refusal a result holds
	for _, r := range results {
		ds = append(ds, r.Diags...)
		for _, d := range r.Diags {
			if lang.IsRefusal(d.Code) {
				refused[d.Subject.Filename] = true
			}
		}
	}
	for _, d := range p.Refused() {
		if !refused[d.Subject.Filename] {
			ds = append(ds, d)
		}
	}
	ds.Sort()
	return ds
}

// errorsIn returns the errors among ds, for the commands that show
// figures and leave warnings to lint.
func errorsIn(ds lang.Diagnostics) lang.Diagnostics {
	var errs lang.Diagnostics
	for _, d := range ds {
		if d.Severity == engine.Error {
			errs = append(errs, d)
		}
	}
	return errs
}

// withRefused returns files followed by every other file of their
// negotiations that the reading rules refused, so that a report lists it
// among what it has no figures for (report --format json's left_out).
func withRefused(p *lang.Project, files []string) []string {
	named := map[string]bool{}
	for _, f := range files {
		named[f] = true
	}
	out := slices.Clone(files)
	for _, d := range p.Refused() {
		if f := d.Subject.Filename; !named[f] {
			named[f] = true
			out = append(out, f)
		}
	}
	return out
}

// sourceOf returns a lookup of file text for snippets.
func sourceOf(p *lang.Project) func(string) []byte {
	return func(name string) []byte {
		for _, f := range p.ExtraBandFiles() {
			if f.Name == name {
				return f.Src
			}
		}
		return p.Source(name)
	}
}

// reportRefused prints, for the commands that print no diagnostics of
// their own (bands, tax, timeline, checklist, script, email), each file of
// p that the reading rules refused (lang.ReadFile: a device, FIFO or
// socket, a link out of its directory, a file over the size limit), located
// as lint locates it, and marks the run so that it exits 1: the output
// leaves that file out, and saying nothing would hide it.
func reportRefused(e *env, p *lang.Project) {
	for _, d := range p.Refused() {
		fmt.Fprintf(e.stderr, "%s:%d:%d: error[%s]: %s\n", lang.Printable(d.Subject.Filename),
			d.Subject.Start.Line, d.Subject.Start.Column, d.Code, d.Message())
		e.refused = true
	}
}
