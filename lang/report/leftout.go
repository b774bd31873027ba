package report

import "github.com/offerkit/offerkit/lang"

// This file words, once, why a block or a whole file has no figures: the
// checker's reason (lang.LeftOut) and, for a block that was valued over
// errors (lang.Doc.Incomplete), what that would do to its figures. The
// text and HTML reports print it after "No figures: ", history's rows
// after "not valued: "; the JSON of report and compare carries the reason
// alone (leftout_json.go).

// leftOutFigures is what errors do to the figures of a block that was
// valued over them.
const leftOutFigures = ", so its figures would leave out what could not be read"

// whyNoFigures is the reason, then where (" (on standard error)" in the
// text report: where the errors are), then, for a block valued over
// errors, what they do to its figures: "the block has errors, so its
// figures would leave out what could not be read".
func whyNoFigures(lo *lang.LeftOut, incomplete bool, where string) string {
	s := lo.Reason + where
	if incomplete {
		s += leftOutFigures
	}
	return s
}

// noFiguresLine is the sentence of the text and HTML reports for a block
// (d set) or a whole file (d nil) that has no figures.
func noFiguresLine(lo *lang.LeftOut, d *lang.Doc, where string) string {
	return "No figures: " + whyNoFigures(lo, d != nil && d.Incomplete(), where) + "."
}
