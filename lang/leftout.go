package lang

import "github.com/offerkit/offerkit/engine"

// This file decides, once, whether a block has figures and why not: the
// checker records it on the Doc (and, for a file with errors and no block,
// on the Result), and the reports state that reason for both: the text
// and HTML reports (in lang/report's one wording, its leftout.go) and the
// JSON of report and compare.

// LeftOut says why a block, or a whole file, has no figures.
type LeftOut struct {
	// Reason is a phrase to follow "No figures: ": "the block has
	// errors", "the offer it answers has errors", "a version it revises
	// has errors", "the offer it answers was not found", "the counter
	// names no offer", "the file has errors", "the file was not read".
	Reason string
	// Errors are the errors behind it, in the order lint reports them: the block's
	// own, those of the offer or version it depends on, the unknown
	// reference; for a whole file, every error of the file.
	Errors Diagnostics
}

// blockErrors returns the errors that change a block's figures: those
// that start inside it. An unknown attribute or a duplicate name leaves the
// figures as written, and errors the file's "# offer:ignore" comments
// silence have been accepted by the user; neither counts.
func (c *checker) blockErrors(f *File, n *Node) Diagnostics {
	own := c.diags
	if f != c.f {
		own = nil
	}
	var inside Diagnostics
	for _, ds := range [2]Diagnostics{f.Diags, own} {
		for _, d := range ds {
			if d.Severity == engine.Error && d.Code != "unknown-attribute" && d.Code != "duplicate-name" &&
				d.Subject.Start.Byte >= n.Range.Start.Byte && d.Subject.Start.Byte < n.Range.End.Byte {
				inside = append(inside, d)
			}
		}
	}
	if len(inside) == 0 {
		return nil
	}
	var out Diagnostics
	for _, d := range Suppress(f.Name, f.Src, inside) {
		if d.Severity == engine.Error {
			out = append(out, d)
		}
	}
	out.Sort()
	return out
}

// versionErrors returns the errors of the first of o and the versions it
// revises (in that order) whose block has errors, and that version.
func (c *checker) versionErrors(o *OfferDoc) (Diagnostics, *OfferDoc) {
	for n := 0; o != nil && n <= len(c.ix.offerList); n++ {
		if errs := c.blockErrors(o.File, &o.Node); len(errs) > 0 {
			return errs, o
		}
		v := c.ix.versions[o]
		if v == nil {
			return nil, nil
		}
		o = v.Parent
	}
	return nil, nil
}

// offerLeftOut is why an offer has no figures; nil when it has them.
func (c *checker) offerLeftOut(o *OfferDoc, a *engine.Analysis) *LeftOut {
	switch errs, in := c.versionErrors(o); {
	case in == o:
		return &LeftOut{"the block has errors", errs}
	case in != nil:
		return &LeftOut{"a version it revises has errors", errs}
	}
	return c.saturated(&o.Node, a)
}

// counterLeftOut is why a resolved counter has no figures; nil when it
// has them.
func (c *checker) counterLeftOut(ct *CounterDoc, o *OfferDoc, a *engine.Analysis) *LeftOut {
	if errs := c.blockErrors(ct.File, &ct.Node); len(errs) > 0 {
		return &LeftOut{"the block has errors", errs}
	}
	if errs, _ := c.versionErrors(o); len(errs) > 0 {
		return &LeftOut{"the offer it answers has errors", errs}
	}
	return c.saturated(&ct.Node, a)
}

// fileLeftOut is why a file that holds no block has no figures: it has
// errors (or was not read); nil when it has none.
func fileLeftOut(r *Result) *LeftOut {
	if len(r.Docs) > 0 {
		return nil
	}
	lo := &LeftOut{Reason: "the file has errors"}
	for _, d := range r.Diags {
		if d.Severity != engine.Error {
			continue
		}
		lo.Errors = append(lo.Errors, d)
		if IsRefusal(d.Code) {
			lo.Reason = "the file was not read"
		}
	}
	if len(lo.Errors) == 0 {
		return nil
	}
	return lo
}
