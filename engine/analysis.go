package engine

import "math/big"

// Severity ranks a flag or a diagnostic.
type Severity int

const (
	Error Severity = iota + 1
	Warning
	Info
	Hint
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Info:
		return "info"
	case Hint:
		return "hint"
	}
	return "unknown"
}

// Flag is something about an offer that a negotiator should know or act on.
// Code is stable (documented in docs/rules.md); Field names the attribute
// the flag is about ("" for the offer as a whole).
type Flag struct {
	Code     string
	Severity Severity
	Field    string
	Message  string
	Fix      *Fix // a concrete change that resolves the flag, when there is one
}

// Fix is a change to an offer or counter that a flag suggests, stated as
// attribute values so that an editor can apply it.
type Fix struct {
	Title  string
	Set    map[string]Money // attribute path ("base", "sign_on.year1", "equity.value") to value
	Remove []string         // attribute paths to delete ("bonus.refresher")
}

// Analysis is everything offerkit knows about one offer.
type Analysis struct {
	Offer     Offer
	Worth     Worth
	Band      *Band // nil when no band matches
	Positions []Position
	// Percentile is the year-1 total's percentile in its band; valid only
	// when HasPercentile is set.
	Percentile    int
	HasPercentile bool
	// Cliffs are the years that pay materially less than the best year
	// before them, under the candidate's tolerance (Cliffs).
	Cliffs []Cliff
	Flags  []Flag
}

// Position returns the band position of a component, if known.
func (a *Analysis) Position(component string) (Position, bool) {
	for _, p := range a.Positions {
		if p.Component == component {
			return p, true
		}
	}
	return Position{}, false
}

// Analyze computes an offer's worth, places it in its band, finds its
// cliffs under the default tolerance and runs every rule over it.
func Analyze(o Offer, bs *Bands) Analysis {
	var a Analysis
	AnalyzeInto(&a, o, bs, CliffTolerance{})
	return a
}

// AnalyzeInto is Analyze writing into a, with the candidate's cliff
// tolerance, for a caller that keeps the analysis in memory of its own:
// the rules take the analysis by pointer, so Analyze's result is built on
// the heap and then copied.
func AnalyzeInto(a *Analysis, o Offer, bs *Bands, t CliffTolerance) {
	*a = Analysis{Offer: o, Worth: Evaluate(o)}
	a.Cliffs = Cliffs(a.Worth, t)
	if bs == nil {
		bs = NewBands()
	}
	a.Band = bs.Lookup(o.Company, o.Level, o.Track, o.Location)
	if a.Band != nil {
		a.Positions = positions(o, a.Worth, a.Band)
		if p, ok := a.Position("year1_total"); ok {
			a.Percentile, a.HasPercentile = p.Percentile, true
		}
	}
	for _, r := range offerRules {
		a.Flags = append(a.Flags, r.Check(a, bs)...)
	}
}

func positions(o Offer, w Worth, b *Band) []Position {
	out := make([]Position, 0, 4)
	add := func(component string, v Money, r Range) {
		if !r.Set() {
			return
		}
		p, where := PositionIn(v, r, b.Percentiles)
		out = append(out, Position{Component: component, Value: v, Range: r, Percentile: p, Placement: where})
	}
	add("base", o.Base, b.Base)
	if o.Equity != nil {
		add("equity", FourYearGrant(o.Equity), b.Equity)
	}
	add("sign_on", o.SignOn.Total(), b.SignOn)
	add("year1_total", w.Years[0].Total, b.Year1Total)
	if len(out) == 0 {
		return nil
	}
	return out
}

// FourYearGrant returns the part of a grant that vests within four years, at
// the grant-time price: the figure band equity ranges are stated in.
func FourYearGrant(g *Grant) Money {
	if g == nil {
		return 0
	}
	if !g.InShares() {
		sum, whole := int64(0), true
		for y := 1; y <= Years && whole; y++ {
			p, ok := g.Schedule.PercentInYear(y).percentInt()
			sum, whole = sum+p, ok
		}
		if q, ok := roundQuo64(int64(g.Value)*sum, 100); whole && sum <= 100 && ok {
			return Money(q)
		}
	}
	pct := new(big.Rat)
	for y := 1; y <= Years; y++ {
		pct.Add(pct, g.Schedule.PercentInYear(y).Rat())
	}
	v := new(big.Rat).Mul(g.GrantValue(), pct)
	return RoundCents(v.Quo(v, big.NewRat(100, 1)))
}
