package report

import (
	"github.com/offerkit/offerkit/lang"
)

// This file lists, for the JSON of offer report and offer compare, what
// has no figures and why: the reason and errors the checker recorded
// (lang.LeftOut), for each offer or counter whose block (or whose offer)
// has errors, each counter whose offer is not found, and each file that
// holds errors and no block at all (a file that does not parse, or that
// was not read). The text and HTML reports say "No figures" with the same
// reason (leftout.go); without this list a program reading the JSON could not tell a
// block left out from one never written.

// JSONLeftOut is a block, or a whole file, that has no figures.
type JSONLeftOut struct {
	Kind   string      `json:"kind,omitempty"` // "offer" or "counter"; empty for a whole file
	Name   string      `json:"name,omitempty"`
	File   string      `json:"file"`
	Line   int         `json:"line"`
	Reason string      `json:"reason"`
	Errors []JSONError `json:"errors"`
}

// JSONError is an error that explains why a block or file is left out.
type JSONError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// leftOutEntry states one block (kind and name set) or file left out.
func leftOutEntry(file, kind, name string, line int, lo *lang.LeftOut) JSONLeftOut {
	out := JSONLeftOut{Kind: kind, Name: name, File: file, Line: line, Reason: lo.Reason, Errors: []JSONError{}}
	for _, d := range lo.Errors {
		s := d.Subject
		out.Errors = append(out.Errors, JSONError{File: s.Filename, Line: s.Start.Line, Column: s.Start.Column, Code: d.Code, Message: d.Message()})
	}
	return out
}

// leftOutJSON returns the entries of one file's result.
func leftOutJSON(r *lang.Result) []JSONLeftOut {
	var out []JSONLeftOut
	for _, d := range r.Docs {
		if d.LeftOut != nil {
			out = append(out, leftOutEntry(r.File.Name, d.Kind, d.Name, d.Node.Range.Start.Line, d.LeftOut))
		}
	}
	if r.LeftOut != nil && r.File != nil {
		out = append(out, leftOutEntry(r.File.Name, "", "", 1, r.LeftOut))
	}
	return out
}
