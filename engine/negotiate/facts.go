package negotiate

import (
	"regexp"
	"strings"

	"github.com/offerkit/offerkit/engine"
)

// Facts is what the texts may draw on: the offer, the counter answering it
// (if any), the market band, the candidate's own figures and the other
// offers of the workspace. Nothing else reaches a text.
type Facts struct {
	Offer engine.Analysis // the offer as received, schedule resolved
	// Counter is the counter the text is for; nil when texts are written
	// for the offer alone (the asks then stay placeholders).
	Counter   *engine.Counter
	Countered engine.Analysis     // the offer as the counter would make it; valid when Counter is set
	Delta     engine.CounterDelta // valid when Counter is set
	Cap       *engine.Cap         // the level's base cap, if known
	// Candidate holds the candidate block's figures; HasCandidate is false
	// when the workspace has none.
	Candidate    engine.Candidate
	HasCandidate bool
	// Competing are the other offers of the workspace, as analysed. Texts
	// mention competing offers only when there is one here.
	Competing []engine.Analysis
	// Rates are the exchange rates the user's files state (nil: none); a
	// competing offer in another currency is quoted only through them.
	Rates *engine.Rates

	// Accepting is the employer's version an acceptance accepts: the
	// chain's accepted version, else its latest; nil means Offer.
	// FirstVersion is the chain's first version, which an acceptance
	// thanks for changing only where Accepting differs from it.
	// Negotiated is set when a counter answers a version of the chain.
	Accepting, FirstVersion *engine.Analysis
	Negotiated              bool
}

// Placeholders the texts use for what the files cannot know.
const (
	PhYourName    = "[[your name]]"
	PhRecruiter   = "[[recruiter's name]]"
	PhAchievement = "[[your achievement]]"
	PhExperience  = "[[your specialised experience]]"
	PhTeam        = "[[team or product]]"
	PhMarket      = "[[market data for the role]]"
	PhAsk         = "[[your ask]]"
	PhUnvested    = "[[unvested equity you leave behind]]"
	PhFinish      = "[[what you will finish before starting]]"
	PhScope       = "[[scope you have led]]"
	PhStart       = "[[start date]]"
	PhFlexibility = "[[the flexibility you need]]"
	PhFlexReason  = "[[why you need it]]"
)

// PlaceholderPattern matches a placeholder: [[ ... ]] on one line.
var PlaceholderPattern = regexp.MustCompile(`\[\[[^\[\]\n]*\]\]`)

func (f *Facts) cur() string { return f.Offer.Offer.Currency }

// asked returns the countered offer when a counter restates lever, or nil.
func (f *Facts) asked(lever string) *engine.Offer {
	if f.Counter == nil {
		return nil
	}
	for _, l := range f.Counter.Levers() {
		if l == lever {
			return &f.Countered.Offer
		}
	}
	return nil
}

// agreed returns the terms a text about the outcome lists: the employer's
// version being accepted, never a counter's asks.
func (f *Facts) agreed() engine.Analysis {
	if f.Accepting != nil {
		return *f.Accepting
	}
	return f.Offer
}

// Agreed returns the terms an acceptance lists (see agreed).
func (f *Facts) Agreed() engine.Analysis { return f.agreed() }

// granted returns the levers on which the version being accepted differs
// from the chain's first version: what the employer changed.
func (f *Facts) granted() []string {
	if f.FirstVersion == nil {
		return nil
	}
	a, b := f.FirstVersion.Offer, f.agreed().Offer
	var out []string
	for _, l := range engine.LeverNames {
		if !sameLever(l, a, b) {
			out = append(out, l)
		}
	}
	return out
}

// sameLever reports whether two versions of an offer state a lever alike.
func sameLever(lever string, a, b engine.Offer) bool {
	switch lever {
	case "base":
		return a.Base == b.Base
	case "sign_on":
		return a.SignOn == b.SignOn
	case "equity":
		return engine.GrantValueOf(a.Equity) == engine.GrantValueOf(b.Equity) &&
			(a.Equity == nil) == (b.Equity == nil) && (a.Equity == nil || a.Equity.Schedule.PercentText() == b.Equity.Schedule.PercentText())
	case "start":
		return a.Start.Equal(b.Start)
	case "level":
		return a.Level == b.Level && promotionText(a) == promotionText(b)
	case "flexibility":
		return a.Relocation == b.Relocation && strings.Join(a.Flexibility.Terms(), "|") == strings.Join(b.Flexibility.Terms(), "|")
	case "bonus":
		return a.BonusTarget.Cmp(b.BonusTarget) == 0 && a.GuaranteedBonus == b.GuaranteedBonus && a.Refresher == b.Refresher
	}
	return true
}

func promotionText(o engine.Offer) string {
	if o.Promotion == nil {
		return ""
	}
	return o.Promotion.Text()
}

// band returns the offer's band and the offer's position on a component.
func (f *Facts) position(a engine.Analysis, component string) (engine.Position, bool) {
	if a.Band == nil {
		return engine.Position{}, false
	}
	return a.Position(component)
}

// placeAt renders where v would sit in the offer's band for a component:
// "at the 38th percentile", "at the low end", "at the top", "below" or
// "above"; inRange is false for the last two.
func (f *Facts) placeAt(component string, v engine.Money) (where string, inRange, ok bool) {
	b := f.Offer.Band
	if b == nil {
		return "", false, false
	}
	p, ok := f.Offer.Position(component)
	if !ok {
		return "", false, false
	}
	pct, placement := engine.PositionIn(v, p.Range, b.Percentiles)
	switch {
	case placement == engine.BelowBand:
		return "below", false, true
	case placement == engine.AboveBand:
		return "above", false, true
	case pct == b.Percentiles[0]:
		return "at the low end", true, true
	case pct == b.Percentiles[1]:
		return "at the top", true, true
	}
	return "at the " + engine.Ordinal(pct) + " percentile", true, true
}

// company names the employer, or "the company" when the offer does not say.
func (f *Facts) company() string {
	if c := f.Offer.Offer.Company; c != "" {
		return c
	}
	return "the company"
}

// role renders the role as the offer states it: "L6 SDE in Seattle".
func (f *Facts) role() string {
	o := f.Offer.Offer
	s := joinNonEmpty(" ", o.Level, o.Track)
	if o.Location != "" {
		if s == "" {
			return "in " + o.Location
		}
		s += " in " + o.Location
	}
	return s
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}
