package lang

import (
	"fmt"

	"github.com/offerkit/offerkit/engine"
)

// RatesDoc is a decoded rates block.
type RatesDoc struct {
	Node
	Rates engine.Rates
}

func (d *decoder) rates(n *Node) *RatesDoc {
	doc := &RatesDoc{Node: *n}
	r := &doc.Rates
	r.Base, r.PerUnit = "USD", map[string]engine.Dec{}
	if a := n.Attr("base"); a != nil {
		if s, ok := d.currency(a); ok {
			r.Base = s
		}
	}
	if a := n.Attr("as_of"); a != nil {
		if t, ok := d.date(a); ok {
			r.AsOf = t.Format("2006-01-02")
		}
	}
	decodeInto(n, "source", &r.Source, d.str)
	for i := range n.Attrs {
		a := &n.Attrs[i]
		if n.Schema.Attr(a.Name) != nil {
			continue
		}
		if msg := CurrencyCode(a.Name); msg != "" {
			d.add(errorf("invalid-value", a.NameRange, "Invalid currency code", msg))
			continue
		}
		x, ok := d.dec(a, false, KindDecimal)
		if !ok {
			continue
		}
		if x.Sign() == 0 {
			d.add(errorf("invalid-value", a.ValueRange, "Rate of zero",
				fmt.Sprintf("%s = 0 would make every %s amount worth nothing; write what one %s is worth in %s.", a.Name, a.Name, a.Name, r.Base)))
			continue
		}
		r.PerUnit[a.Name] = x
	}
	return doc
}

// MergeRates returns the active exchange rates: every rates block in name
// order, a later block replacing the rates it states, converted into the
// first block's base. ok is false when there are none.
func MergeRates(files []*File) (engine.Rates, bool) {
	var out engine.Rates
	found := false
	for _, f := range files {
		for _, doc := range f.Rates {
			r := doc.Rates
			if !found {
				out = engine.Rates{Base: r.Base, AsOf: r.AsOf, Source: r.Source, PerUnit: map[string]engine.Dec{}}
				found = true
			}
			for code := range r.PerUnit {
				if rate, ok := r.Rate(code, out.Base); ok {
					out.PerUnit[code] = rate
				}
			}
			if r.Base != out.Base {
				if rate, ok := r.Rate(r.Base, out.Base); ok && r.Base != out.Base {
					out.PerUnit[r.Base] = rate
				}
			}
			out.AsOf, out.Source = r.AsOf, r.Source
		}
	}
	return out, found
}

// Rates returns the workspace's exchange rates (its *.rates.hcl files);
// ok is false when it has none.
func (w *Workspace) Rates() (engine.Rates, bool) {
	if r := w.ratesOrNil(); r != nil {
		return *r, true
	}
	return engine.Rates{}, false
}

// ratesOrNil is Rates as engine.Candidate.In takes them: nil when none;
// merged once per state of the workspace, by its index.
func (w *Workspace) ratesOrNil() *engine.Rates {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.index().rates
}

// Rates returns the exchange rates of every workspace of the project,
// merged as MergeRates does; ok is false when there are none.
func (p *Project) Rates() (engine.Rates, bool) {
	var files []*File
	for _, w := range p.Workspaces() {
		for _, f := range w.Files() {
			if f.Kind == RatesFile {
				files = append(files, f)
			}
		}
	}
	return MergeRates(files)
}
