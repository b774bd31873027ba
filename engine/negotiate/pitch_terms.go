package negotiate

import (
	"fmt"
	"strings"

	"github.com/offerkit/offerkit/engine"
)

// This file holds the pitches of the levers beyond money: the level, the
// flexibility terms and the bonus terms.

func (f *Facts) levelPitch() pitch {
	o := f.Offer.Offer
	p := pitch{Lever: "level", Offered: o.Level, Ask: PhAsk, AskPlain: PhAsk}
	if p.Offered == "" {
		p.Offered = "no level stated"
	}
	if o.Promotion != nil {
		p.Offered += ", with " + o.Promotion.Text()
	}
	var asks []string
	target := "[[the level you aim for]]"
	if f.Counter != nil && f.Counter.Level != nil {
		asks = append(asks, "the level "+*f.Counter.Level)
		target = *f.Counter.Level
	}
	if f.Counter != nil && f.Counter.Promotion != nil {
		asks = append(asks, f.Counter.Promotion.Text())
		if f.Counter.Level == nil && f.Counter.Promotion.Level != "" {
			target = f.Counter.Promotion.Level
		}
	}
	if len(asks) > 0 {
		p.Ask = strings.Join(asks, ", or failing that ")
		p.AskPlain = p.Ask
	}
	p.Reasons = append(p.Reasons, "From the role's scope and my experience with "+PhScope+", I believe the role fits "+target+".")
	switch {
	case f.Counter != nil && f.Counter.Level != nil && f.Counter.Promotion != nil:
		p.Request = "Could we review the level, or else put " + f.Counter.Promotion.Text() + " in the offer letter?"
	case f.Counter != nil && f.Counter.Promotion != nil:
		p.Request = "Could we put " + f.Counter.Promotion.Text() + " in the offer letter?"
	default:
		p.Request = "Could we review the level, with the outcome in the offer letter?"
	}
	return p
}

func flexTerms(o engine.Offer, cur string) []string {
	terms := o.Flexibility.Terms()
	if o.Relocation > 0 {
		terms = append(terms, o.Relocation.Format(cur)+" for relocation")
	}
	return terms
}

// termsPitch begins the pitch of a lever made of terms (flexibility,
// bonus): the offer's terms, or none when it states none, and what the
// counter asks, when it asks for the lever (the placeholder otherwise).
func (f *Facts) termsPitch(lever string, offered []string, none, placeholder string, asks func(countered *engine.Offer) []string) pitch {
	p := pitch{Lever: lever, Offered: engine.JoinAnd(offered), Ask: placeholder, AskPlain: placeholder}
	if p.Offered == "" {
		p.Offered = none
	}
	if a := f.asked(lever); a != nil {
		p.Ask = engine.JoinAnd(asks(a))
		p.AskPlain = p.Ask
	}
	return p
}

func (f *Facts) flexibilityPitch() pitch {
	cur := f.cur()
	p := f.termsPitch("flexibility", flexTerms(f.Offer.Offer, cur), "no flexibility terms stated", PhFlexibility, func(a *engine.Offer) []string {
		// Only the terms the counter restates: its flexibility block, its relocation.
		var terms []string
		if f.Counter.Flexibility != nil {
			terms = a.Flexibility.Terms()
		}
		if f.Counter.Relocation != nil {
			terms = append(terms, a.Relocation.Format(cur)+" for relocation")
		}
		return terms
	})
	if f.Counter == nil || f.Counter.Reasons["flexibility"] == "" {
		p.Reasons = append(p.Reasons, "This matters to me because "+PhFlexReason+".")
	}
	p.Request = "Could we agree on " + p.AskPlain + "?"
	return p
}

func bonusTerms(o engine.Offer, cur string) []string {
	var terms []string
	if o.BonusTarget.Sign() > 0 {
		terms = append(terms, fmt.Sprintf("a target bonus of %s%% of base (%s a year)", o.BonusTarget, engine.TargetBonus(o).Format(cur)))
	}
	if o.GuaranteedBonus > 0 {
		terms = append(terms, "a guaranteed first-year bonus of "+o.GuaranteedBonus.Format(cur))
	}
	if o.Refresher > 0 {
		terms = append(terms, "refresher grants of "+o.Refresher.Format(cur)+" a year")
	}
	return terms
}

func (f *Facts) bonusPitch() pitch {
	cur := f.cur()
	p := f.termsPitch("bonus", bonusTerms(f.Offer.Offer, cur), "no bonus", PhAsk, func(a *engine.Offer) []string {
		return bonusTerms(*a, cur)
	})
	// The highest competing target, quoted only above the offer's own: a
	// lower one would argue against the ask.
	best := f.Offer.Offer.BonusTarget
	for _, c := range f.Competing {
		if c.Offer.BonusTarget.Cmp(best) > 0 {
			best = c.Offer.BonusTarget
		}
	}
	if best.Cmp(f.Offer.Offer.BonusTarget) > 0 {
		p.Reasons = append(p.Reasons, fmt.Sprintf("I also hold another offer that includes a target bonus of %s%% of base.", best))
	}
	p.Reasons = append(p.Reasons, f.recordSentence())
	p.Request = "Could we add " + p.AskPlain + "?"
	return p
}
