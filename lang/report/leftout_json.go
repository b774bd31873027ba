package report

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file lists, for offer report --format json, what the report has no
// figures for and why: each offer or counter whose block (or whose offer)
// has errors, each counter whose offer is not found, and each file that
// holds errors and no block at all (a file that does not parse, or that
// was not read). The text and HTML reports say "No figures" for such a
// block; without this list a program reading the JSON could not tell a
// block left out from one never written.

// JSONReportLeftOut is a block, or a whole file, the report has no figures for.
type JSONReportLeftOut struct {
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

// leftOutJSON returns the entries of one file's result.
func leftOutJSON(r *lang.Result) []JSONReportLeftOut {
	var out []JSONReportLeftOut
	for _, d := range r.Docs {
		if d.Resolved && !d.Incomplete {
			continue
		}
		s := JSONReportLeftOut{File: r.File.Name, Kind: d.Kind, Name: d.Name, Line: d.Node.Range.Start.Line,
			Reason: "the block has errors", Errors: errorsIn(r.Diags, d.Node.Range)}
		switch {
		case !d.Resolved:
			s.Reason = "the offer it answers was not found"
		case len(s.Errors) > 0:
		case d.Kind == "counter" && d.Offer != nil && d.Offer.File != nil && len(errorsIn(d.Offer.File.Diags, d.Offer.Node.Range)) > 0:
			s.Reason, s.Errors = "the offer it answers has errors", errorsIn(d.Offer.File.Diags, d.Offer.Node.Range)
		default: // errors outside the block's braces (an unclosed block)
			s.Errors = errorsIn(r.Diags, hcl.Range{})
		}
		out = append(out, s)
	}
	if len(r.Docs) == 0 && r.Diags.HasErrors() && r.File != nil {
		s := JSONReportLeftOut{File: r.File.Name, Line: 1, Reason: "the file has errors", Errors: errorsIn(r.Diags, hcl.Range{})}
		for _, d := range r.Diags {
			if lang.IsRefusal(d.Code) {
				s.Reason = "the file was not read"
			}
		}
		out = append(out, s)
	}
	return out
}

// errorsIn returns the errors of ds inside rng (every error for a zero
// range).
func errorsIn(ds lang.Diagnostics, rng hcl.Range) []JSONError {
	out := []JSONError{}
	for _, d := range ds {
		s := d.Subject
		if d.Severity != engine.Error || rng.Filename != "" && (s.Filename != rng.Filename || s.Start.Byte < rng.Start.Byte || s.End.Byte > rng.End.Byte) {
			continue
		}
		out = append(out, JSONError{File: s.Filename, Line: s.Start.Line, Column: s.Start.Column, Code: d.Code, Message: d.Message()})
	}
	return out
}
