package analysis

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/offerkit/offerkit/lang"
)

// This file renames an offer or a counter across the files of its
// directory, and finds the occurrences of a name in one file (document
// highlights). An offer's name is its block label and every reference to
// it: a counter's offer = offer.<name> and a revision's
// revises = offer.<name>. A counter's name is its label alone: no block
// refers to a counter.

// NameKind says what a name names.
type NameKind string

const (
	OfferName   NameKind = "offer"
	CounterName NameKind = "counter"
)

// Name is a renamable name under a position.
type Name struct {
	Kind NameKind
	Name string
	// Range is the name alone, without the label's quotes or the
	// reference's "offer." prefix.
	Range hcl.Range
}

// NameAt returns the offer or counter name under pos: a block label, or
// the name in an offer.<name> reference. ok is false anywhere else.
func NameAt(f *lang.File, pos hcl.Pos) (Name, bool) {
	if f == nil {
		return Name{}, false
	}
	for _, occ := range occurrences(f, "", "") {
		if within(occ.Range, pos) {
			return occ.Name, true
		}
	}
	return Name{}, false
}

// Occurrence is one place a name is written.
type Occurrence struct {
	Name
	Label bool // the block label that declares the name (not a reference)
}

// occurrences lists the names written in a file, in source order within
// each kind: of the given kind and name, or every one when name is "".
func occurrences(f *lang.File, kind NameKind, name string) []Occurrence {
	var out []Occurrence
	add := func(k NameKind, n string, rng hcl.Range, label bool) {
		if n == "" || name != "" && (n != name || k != kind) {
			return
		}
		if r, ok := nameRange(f.Src, rng, n, label); ok {
			out = append(out, Occurrence{Name: Name{Kind: k, Name: n, Range: r}, Label: label})
		}
	}
	for _, o := range f.Offers {
		add(OfferName, o.Name, o.LabelRange(), true)
		add(OfferName, o.Version.Revises, o.Version.RevisesRange, false)
	}
	for _, c := range f.Counters {
		add(CounterName, c.Name, c.LabelRange(), true)
		add(OfferName, c.OfferRef, c.OfferRange, false)
	}
	return out
}

// nameRange returns the range of the name inside a label ("name" or a bare
// name) or a reference expression (offer.name); ok is false when the text
// there is not written that way.
func nameRange(src []byte, rng hcl.Range, name string, label bool) (hcl.Range, bool) {
	start, end := rng.Start.Byte, rng.End.Byte
	if start < 0 || end > len(src) || start > end {
		return hcl.Range{}, false
	}
	if label {
		if end-start >= 2 && src[start] == '"' && src[end-1] == '"' {
			start, end = start+1, end-1
		}
	} else {
		start = end - len(name)
	}
	if start < rng.Start.Byte || string(src[start:end]) != name {
		return hcl.Range{}, false
	}
	from := lang.Advance(rng.Start, src[rng.Start.Byte:start])
	return hcl.Range{Filename: rng.Filename, Start: from, End: lang.Advance(from, src[start:end])}, true
}

// Highlights returns the occurrences in f of the name under pos: for an
// offer its label and the references to it, for a counter its label.
func Highlights(f *lang.File, pos hcl.Pos) []Occurrence {
	n, ok := NameAt(f, pos)
	if !ok {
		return nil
	}
	return occurrences(f, n.Kind, n.Name)
}

// RenameError is why a rename is refused, in words for the user.
type RenameError struct{ Msg string }

func (e *RenameError) Error() string { return e.Msg }

func refuse(format string, args ...any) error { return &RenameError{Msg: fmt.Sprintf(format, args...)} }

// Rename returns the edits that rename the offer or counter under pos to
// newName in every file of the workspace (the directory): the label and,
// for an offer, every offer.<name> reference. It refuses a position that
// is not on a name, a new name that is not an identifier or that another
// offer (or counter) of the directory already has, and a directory where a
// file does not parse (a reference in it could be missed).
func Rename(ws *lang.Workspace, f *lang.File, pos hcl.Pos, newName string) ([]Edit, error) {
	n, ok := NameAt(f, pos)
	if !ok {
		return nil, refuse("Only an offer's or a counter's name can be renamed: put the cursor on its label or on offer.<name>.")
	}
	if !hclsyntax.ValidIdentifier(newName) {
		return nil, refuse("%s is not a valid name: a name starts with a letter or underscore and holds only letters, digits, underscores and dashes (it is written offer.<name>).", strconv.Quote(newName))
	}
	if newName == n.Name {
		return nil, nil
	}
	files := ws.Files()
	for _, other := range files {
		for _, occ := range occurrences(other, n.Kind, newName) {
			if occ.Label {
				return nil, refuse("The %s name %q is taken: %s declares it. Pick another name.", n.Kind, newName, other.Name)
			}
		}
		for _, d := range other.Diags {
			if d.Code == "syntax" {
				return nil, refuse("%s does not parse: fix its syntax first, since a reference in it could be missed.", other.Name)
			}
		}
	}
	var edits []Edit
	for _, file := range files {
		for _, occ := range occurrences(file, n.Kind, n.Name) {
			edits = append(edits, Edit{Range: occ.Range, NewText: newName})
		}
	}
	return edits, nil
}
