package analysis

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
)

// This file lists the named blocks of many files for a workspace-wide
// symbol search: offers, counters and bands, matched against a query.

// NamedBlock is a block a workspace symbol search finds.
type NamedBlock struct {
	Name      string
	Kind      SymbolKind
	Container string    // what it belongs to: the offer a counter answers, the company, the file
	Range     hcl.Range // the whole block
}

// WorkspaceSymbols returns the offers, counters and bands of the files
// whose name matches query: first those that contain it (ignoring case),
// then those whose letters it names in order ("al6" finds amazon_l6). An
// empty query matches every block. At most limit are returned.
func WorkspaceSymbols(files []*lang.File, query string, limit int) []NamedBlock {
	var contains, fuzzy []NamedBlock
	q := strings.ToLower(query)
	for _, f := range files {
		for _, b := range namedBlocks(f) {
			name := strings.ToLower(b.Name)
			switch {
			case strings.Contains(name, q):
				contains = append(contains, b)
			case subsequence(name, q):
				fuzzy = append(fuzzy, b)
			}
		}
		if len(contains) >= limit {
			break
		}
	}
	out := append(contains, fuzzy...)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

func namedBlocks(f *lang.File) []NamedBlock {
	var out []NamedBlock
	base := filepath.Base(f.Name)
	for _, o := range f.Offers {
		container := base
		if o.Offer.Company != "" {
			container = o.Offer.Company + " · " + base
		}
		out = append(out, NamedBlock{Name: o.Name, Kind: SymbolOffer, Container: container, Range: o.Range})
	}
	for _, c := range f.Counters {
		container := base
		if c.OfferRef != "" {
			container = "answers offer." + c.OfferRef + " · " + base
		}
		out = append(out, NamedBlock{Name: c.Name, Kind: SymbolCounter, Container: container, Range: c.Range})
	}
	for _, b := range f.Bands {
		out = append(out, NamedBlock{Name: "band " + strings.Join(b.Labels, " "), Kind: SymbolBandData, Container: base, Range: b.Range})
	}
	return out
}

// subsequence reports whether the letters and digits of q appear in s in
// order.
func subsequence(s, q string) bool {
	for _, r := range q {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		i := strings.IndexRune(s, r)
		if i < 0 {
			return false
		}
		s = s[i+utf8.RuneLen(r):]
	}
	return true
}
