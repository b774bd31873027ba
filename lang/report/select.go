package report

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file gathers the documents a report or a comparison shows, from
// checked workspace results.

// Document is one offer or counter ready to show.
type Document struct {
	Label   string // unique among the documents shown: the block name, qualified by its directory when names repeat
	Kind    string // "offer" or "counter"
	Name    string
	File    string
	Title   string // "offer amazon_l6 (Amazon L6 SDE Seattle)"
	Round   int    // counters: the negotiation round
	Answers string // counters: the offer answered
	// Version says which version of the employer's offer an offer is (for
	// a counter, the version it answers): "revision 2 of amazon_l6", or "".
	Version  string
	Outcome  string // "accepted", "declined" or "" (offers)
	Analysis engine.Analysis
	// Offer is, for a counter, the analysis of the offer it answers.
	Offer *engine.Analysis
	Flags lang.Diagnostics // the engine flags inside the block
	// LeftOut says why the document has no figures (its block or its
	// offer has errors, its offer was not found); nil when it has them.
	LeftOut *lang.LeftOut
	// Conversion, when set, says how the figures were converted into the
	// comparison's currency (Convert); original and rate keep what the
	// scenarios need to convert again.
	Conversion *Conversion
	original   engine.Worth
	rate       engine.Dec
	doc        *lang.Doc
}

// Currency returns the document's currency code, USD when unstated.
func (d *Document) Currency() string {
	if d.Analysis.Offer.Currency == "" {
		return "USD"
	}
	return strings.ToUpper(d.Analysis.Offer.Currency)
}

// Documents returns every offer and counter of the results, in file
// order; those without figures have LeftOut set.
func Documents(results []*lang.Result) []*Document {
	var out []*Document
	for _, r := range results {
		for _, d := range r.Docs {
			out = append(out, newDocument(r, d))
		}
	}
	labelAll(out)
	return out
}

// Selection is what a comparison shows and what it leaves out.
type Selection struct {
	Documents []*Document
	LeftOut   []*Document // documents with errors: ranking figures with gaps would mislead
}

// Select returns the offers of the results, in file order, each followed
// with counters set by its latest counter: the one with the highest round
// (on equal rounds, the last in file order). Documents with errors are
// left out of the comparison and listed in LeftOut.
func Select(results []*lang.Result, counters bool) Selection {
	var offers []*Document
	latest := map[*lang.OfferDoc]*Document{}
	var offerDocs []*lang.Doc
	for _, r := range results {
		for _, d := range r.Docs {
			if d.Kind == "offer" {
				offerDocs = append(offerDocs, d)
			}
		}
	}
	standing := map[*lang.Doc]bool{} // one version per chain: accepted, else latest
	for _, d := range lang.CurrentVersions(offerDocs) {
		standing[d] = true
	}
	for _, r := range results {
		for _, d := range r.Docs {
			if !d.Resolved {
				continue
			}
			switch d.Kind {
			case "offer":
				if standing[d] {
					offers = append(offers, newDocument(r, d))
				}
			case "counter":
				if !counters {
					continue
				}
				key := chainKey(d)
				if cur := latest[key]; cur == nil || d.Counter.Counter.Round >= cur.Round {
					latest[key] = newDocument(r, d)
				}
			}
		}
	}
	var sel Selection
	add := func(d *Document) {
		if d.LeftOut != nil {
			sel.LeftOut = append(sel.LeftOut, d)
		} else {
			sel.Documents = append(sel.Documents, d)
		}
	}
	for _, o := range offers {
		add(o)
		if c := latest[chainKey(o.doc)]; c != nil {
			add(c)
		}
	}
	labelAll(sel.Documents)
	labelAll(sel.LeftOut)
	return sel
}

// chainKey is the first version of a document's chain (for a counter, of
// the version it answers), or its own offer when the chain is broken.
func chainKey(d *lang.Doc) *lang.OfferDoc {
	if d.Version != nil && d.Version.Root != nil {
		return d.Version.Root
	}
	return d.Offer
}

// DocumentOf returns one checked block as a Document labelled by its name.
func DocumentOf(r *lang.Result, d *lang.Doc) *Document {
	doc := newDocument(r, d)
	doc.Label = doc.Name
	return doc
}

func newDocument(r *lang.Result, d *lang.Doc) *Document {
	doc := &Document{Kind: d.Kind, Name: d.Name, File: r.File.Name, Analysis: d.Analysis, Offer: d.OfferAnalysis,
		Flags: BlockFlags(r, d), LeftOut: d.LeftOut, doc: d}
	if d.Kind == "counter" {
		doc.Round = d.Counter.Counter.Round
		doc.Answers = d.Counter.OfferRef
		if d.Offer != nil {
			doc.Answers = d.Offer.Name
		}
	}
	doc.Version = d.Version.Label()
	if d.Kind == "offer" {
		switch v := d.Offer.Version; {
		case !v.Accepted.IsZero():
			doc.Outcome = "accepted " + v.Accepted.Format("2006-01-02")
		case !v.Declined.IsZero():
			doc.Outcome = "declined " + v.Declined.Format("2006-01-02")
		}
	}
	doc.Title = Title(doc)
	return doc
}

// labelAll gives each document a unique label: its name, or dir/name when
// two documents share a name, or the file and name when that is not enough.
func labelAll(docs []*Document) {
	count := func(key func(*Document) string) map[string]int {
		n := map[string]int{}
		for _, d := range docs {
			n[key(d)]++
		}
		return n
	}
	byName := count(func(d *Document) string { return d.Name })
	byDir := count(func(d *Document) string { return dirName(d) })
	for _, d := range docs {
		switch {
		case byName[d.Name] == 1:
			d.Label = d.Name
		case byDir[dirName(d)] == 1:
			d.Label = dirName(d)
		default:
			d.Label = d.File + ":" + d.Kind + "." + d.Name
		}
	}
}

func dirName(d *Document) string {
	return filepath.Base(filepath.Dir(d.File)) + "/" + d.Name
}

// Title renders a document's heading in the text and HTML reports and
// comparisons: "offer amazon_l6 (Amazon L6 SDE Seattle)", for a counter
// its round and the offer it answers, then the version and the outcome
// ("revision 3 of amazon_l6, accepted 2025-03-19"). A counter's version
// is the answered offer's, so it goes in brackets after that offer:
// "answering offer amazon_l6_r2 (revision 2 of amazon_l6)".
func Title(d *Document) string {
	o := d.Analysis.Offer
	title := fmt.Sprintf("%s %s", d.Kind, d.Name)
	if what := Describe(o); what != "" {
		title += " (" + what + ")"
	}
	version := d.Version
	if d.Kind == "counter" {
		title += fmt.Sprintf(", round %d", d.Round)
		if d.Answers != "" {
			title += ", answering offer " + d.Answers
			if version != "" {
				title += " (" + version + ")"
				version = ""
			}
		}
	}
	if version != "" {
		title += ", " + version
	}
	if d.Outcome != "" {
		title += ", " + d.Outcome
	}
	return title
}

// Describe renders company, level, track and location: "Amazon L6 SDE
// Seattle".
func Describe(o engine.Offer) string {
	var what []string
	for _, s := range []string{o.Company, o.Level, o.Track, o.Location} {
		if s != "" {
			what = append(what, s)
		}
	}
	return strings.Join(what, " ")
}

// BlockFlags returns the engine-flag diagnostics inside a document's block.
func BlockFlags(r *lang.Result, d *lang.Doc) lang.Diagnostics {
	var out lang.Diagnostics
	for _, diag := range r.Diags {
		if lang.IsFlag(diag.Code) && diag.Subject.Start.Byte >= d.Node.Range.Start.Byte && diag.Subject.End.Byte <= d.Node.Range.End.Byte {
			out = append(out, diag)
		}
	}
	return out
}
