package lang

import (
	"cmp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
)

// Diagnostic is one finding about a file: a stable code, a severity, a
// precise range, a one-line summary and a sentence that says what to do.
type Diagnostic struct {
	Code     string
	Severity engine.Severity
	Summary  string
	Detail   string
	Subject  hcl.Range
	// Fix, when set, is a change the engine suggests (see engine.Fix).
	Fix *engine.Fix
}

// Message joins summary and detail for one-line renderings.
func (d *Diagnostic) Message() string {
	if d.Detail == "" {
		return d.Summary
	}
	if d.Summary == "" {
		return d.Detail
	}
	return d.Summary + ": " + d.Detail
}

// Diagnostics is a list of diagnostics.
type Diagnostics []*Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == engine.Error {
			return true
		}
	}
	return false
}

// Count returns how many diagnostics have the given severity.
func (ds Diagnostics) Count(s engine.Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Sort orders diagnostics by file and position, then code.
func (ds Diagnostics) Sort() {
	slices.SortStableFunc(ds, func(x, y *Diagnostic) int {
		a, b := x.Subject, y.Subject
		if c := strings.Compare(a.Filename, b.Filename); c != 0 {
			return c
		}
		if a.Start.Byte != b.Start.Byte {
			return cmp.Compare(a.Start.Byte, b.Start.Byte)
		}
		if c := strings.Compare(x.Code, y.Code); c != 0 {
			return c
		}
		// Some are made in map order; the message makes the order total.
		return strings.Compare(x.Message(), y.Message())
	})
}

func errorf(code string, rng hcl.Range, summary, detail string) *Diagnostic {
	return &Diagnostic{Code: code, Severity: engine.Error, Summary: summary, Detail: detail, Subject: ordered(rng)}
}

// ordered returns rng, or the empty range at its start when its end comes
// before it: HCL leaves the end of an unfinished construct (a call missing
// its ")") unset.
func ordered(rng hcl.Range) hcl.Range {
	if rng.End.Byte < rng.Start.Byte || rng.End.Line < rng.Start.Line {
		rng.End = rng.Start
	}
	return rng
}

// hclCodes maps the summaries of HCL's own diagnostics to our codes.
var hclCodes = map[string]string{
	"Unsupported argument":       "unknown-attribute",
	"Unsupported block type":     "unknown-block",
	"Missing required argument":  "missing-attribute",
	"Attribute redefined":        "duplicate-attribute",
	"Duplicate argument":         "duplicate-attribute",
	"Missing name for":           "block-labels",
	"Extraneous label for":       "block-labels",
	"Unexpected attribute":       "unknown-attribute",
	"Unexpected block":           "unknown-block",
	"Variables not allowed":      "wrong-type",
	"Function calls not allowed": "wrong-type",
}

// fromHCL converts HCL's diagnostics, giving each a stable code.
func fromHCL(hds hcl.Diagnostics, fallback string) Diagnostics {
	var out Diagnostics
	for _, hd := range hds {
		code := fallback
		for prefix, c := range hclCodes {
			if len(hd.Summary) >= len(prefix) && hd.Summary[:len(prefix)] == prefix {
				code = c
			}
		}
		sev := engine.Error
		if hd.Severity == hcl.DiagWarning {
			sev = engine.Warning
		}
		var rng hcl.Range
		if hd.Subject != nil {
			rng = *hd.Subject
		}
		out = append(out, &Diagnostic{Code: code, Severity: sev, Summary: hd.Summary, Detail: hd.Detail, Subject: ordered(rng)})
	}
	return out
}
