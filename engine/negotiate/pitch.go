package negotiate

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/offerkit/offerkit/engine"
)

// This file gathers, for each lever, the facts a script and an email say
// about it: what the offer has, what the counter asks, and the reasons
// the files support.

// pitch is what the texts say about one lever.
type pitch struct {
	Lever    string
	Offered  string   // what the offer has: "$195,000 a year"
	Ask      string   // the ask with its change: "$210,000 (+$15,000, +7.7%)"
	AskPlain string   // the ask in a sentence: "a base of $210,000"
	Reasons  []string // sentences, each a fact from the files or a placeholder
	Request  string   // the closing question of a script
}

// pitch builds the script of one lever; the counter's own reason for it,
// when the files give one, comes first among the reasons.
func (f *Facts) pitch(lever string) (pitch, error) {
	p, err := f.leverPitch(lever)
	if err == nil && f.Counter != nil && f.Counter.Reasons[lever] != "" {
		p.Reasons = append([]string{sentence(f.Counter.Reasons[lever])}, p.Reasons...)
	}
	return p, err
}

// sentence ends a reason written by the candidate with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if !strings.ContainsAny(s[len(s)-1:], ".!?") {
		s += "."
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// experience says what the candidate brings: their strengths when the
// candidate block lists them, a placeholder otherwise.
func (f *Facts) experience() string {
	if len(f.Candidate.Strengths) > 0 {
		return engine.JoinAnd(f.Candidate.Strengths)
	}
	return PhExperience
}

// achievement is the track record a script cites: the candidate's
// strengths when listed, a placeholder otherwise.
func (f *Facts) achievement() string {
	if len(f.Candidate.Strengths) > 0 {
		return engine.JoinAnd(f.Candidate.Strengths)
	}
	return PhAchievement
}

// bringsSentence and recordSentence cite the candidate's strengths (or ask
// for them) in a pitch; an email with several asks says them once
// (Facts.asks).
func (f *Facts) bringsSentence() string { return "I bring " + f.experience() + "." }
func (f *Facts) recordSentence() string { return "My track record includes " + f.achievement() + "." }

// pitches build each lever's pitch.
var pitches = map[string]func(*Facts) pitch{
	"base": (*Facts).basePitch, "sign_on": (*Facts).signOnPitch, "equity": (*Facts).equityPitch, "start": (*Facts).startPitch,
	"level": (*Facts).levelPitch, "flexibility": (*Facts).flexibilityPitch, "bonus": (*Facts).bonusPitch,
}

func (f *Facts) leverPitch(lever string) (pitch, error) {
	if build, ok := pitches[lever]; ok {
		return build(f), nil
	}
	return pitch{}, fmt.Errorf("no lever is named %q; the levers are %s", lever, strings.Join(engine.LeverNames, ", "))
}

// change renders "+$15,000, +7.7%" (or without the percentage when the
// offer had nothing).
func (f *Facts) change(from, to engine.Money) string {
	d := to - from
	s := d.Signed(f.cur())
	if p, ok := engine.ChangePercent(d, from); ok {
		s += ", " + engine.SignedPercent(p)
	}
	return s
}

// bandSentence says where an offered figure sits in its market range, and
// where the ask would put it when that is inside the range.
func (f *Facts) bandSentence(component, what string, offered engine.Money, ask *engine.Money) (string, bool) {
	p, ok := f.position(f.Offer, component)
	if !ok {
		return "", false
	}
	cur := f.cur()
	where, inRange, _ := f.placeAt(component, offered)
	if inRange {
		where += " of"
	}
	s := fmt.Sprintf("%s of %s sits %s the market range for %s (%s to %s)",
		what, offered.Format(cur), where, f.role(), p.Range.Lo.Format(cur), p.Range.Hi.Format(cur))
	if ask != nil && *ask != offered {
		if askWhere, inRange, _ := f.placeAt(component, *ask); inRange {
			s += fmt.Sprintf("; %s would put it %s", ask.Format(cur), askWhere)
		}
	}
	return s + ".", true
}

// competing is the largest figure of one lever among the other offers:
// amount in this offer's currency, to compare; text as the texts quote it.
type competing struct {
	amount engine.Money
	text   string
}

// bestCompeting returns the largest figure among the other offers, with
// ok false when no other offer has a positive one. An offer in another
// currency counts only through a rate the user's rates file states, and
// is quoted as offered with the converted figure and its rate; without a
// rate it is left out (never a figure of another currency in this
// offer's).
func (f *Facts) bestCompeting(get func(engine.Analysis) engine.Money) (competing, bool) {
	cur := engine.ISOCode(f.cur())
	var best competing
	for _, c := range f.Competing {
		v, from := get(c), engine.ISOCode(c.Offer.Currency)
		fig := competing{amount: v, text: v.Format(cur)}
		if from != cur {
			if f.Rates == nil {
				continue
			}
			rate, ok := f.Rates.Rate(from, cur)
			if !ok {
				continue
			}
			fig.amount = v.Times(rate)
			fig.text = fmt.Sprintf("%s (about %s %s)",
				v.Format(from), fig.amount.Whole().Format(cur), engine.RateNote(rate, from, cur, f.Rates.AsOf))
		}
		if fig.amount > best.amount {
			best = fig
		}
	}
	return best, best.amount > 0
}

func (f *Facts) basePitch() pitch {
	cur := f.cur()
	o := f.Offer.Offer
	p := pitch{Lever: "base", Offered: o.Base.Format(cur) + " a year", Ask: PhAsk, AskPlain: "a base of " + PhAsk}
	var ask *engine.Money
	if a := f.asked("base"); a != nil {
		ask = &a.Base
		p.Ask = a.Base.Format(cur) + " (" + f.change(o.Base, a.Base) + ")"
		p.AskPlain = "a base of " + a.Base.Format(cur)
	}
	if s, ok := f.bandSentence("base", "The base", o.Base, ask); ok {
		p.Reasons = append(p.Reasons, s)
	} else {
		p.Reasons = append(p.Reasons, "For this level, "+PhMarket+".")
	}
	p.Reasons = append(p.Reasons, f.bringsSentence())
	if best, ok := f.bestCompeting(func(a engine.Analysis) engine.Money { return a.Offer.Base }); ok && best.amount > o.Base {
		p.Reasons = append(p.Reasons, "I also hold another offer with a base of "+best.text+".")
	}
	p.Request = "Could we bring the base to " + strings.TrimPrefix(p.AskPlain, "a base of ") + "?"
	return p
}

func signOnText(s engine.SignOn, cur string) string {
	var parts []string
	for i, m := range s {
		if m != 0 {
			parts = append(parts, fmt.Sprintf("%s in year %d", m.Format(cur), i+1))
		}
	}
	if len(parts) == 0 {
		return "no sign-on bonus"
	}
	return engine.JoinAnd(parts)
}

func (f *Facts) signOnPitch() pitch {
	cur := f.cur()
	o := f.Offer.Offer
	p := pitch{Lever: "sign_on", Offered: signOnText(o.SignOn, cur), Ask: PhAsk, AskPlain: "a sign-on of " + PhAsk}
	if o.SignOn.Total() != 0 && countNonZero(o.SignOn) > 1 {
		p.Offered += " (" + o.SignOn.Total().Format(cur) + " in all)"
	}
	var ask *engine.Money
	if a := f.asked("sign_on"); a != nil {
		t := a.SignOn.Total()
		ask = &t
		p.Ask = signOnText(a.SignOn, cur) + " (" + t.Format(cur) + " in all, " + f.change(o.SignOn.Total(), t) + ")"
		p.AskPlain = "a sign-on of " + signOnText(a.SignOn, cur)
	}
	unvested := PhUnvested
	if f.HasCandidate && f.Candidate.UnvestedEquity > 0 {
		unvested = f.unvestedText()
	}
	p.Reasons = append(p.Reasons, "By joining I give up "+unvested+" that has not vested yet at my current employer.")
	if s, ok := f.bandSentence("sign_on", "The sign-on", o.SignOn.Total(), ask); ok && o.SignOn.Total() > 0 {
		p.Reasons = append(p.Reasons, s)
	}
	if best, ok := f.bestCompeting(func(a engine.Analysis) engine.Money { return a.Offer.SignOn.Total() }); ok && best.amount > o.SignOn.Total() {
		p.Reasons = append(p.Reasons, "I also hold another offer with a sign-on of "+best.text+".")
	}
	p.Request = "Could the sign-on make up for the equity I give up, with " + strings.TrimPrefix(p.AskPlain, "a sign-on of ") + "?"
	if o.SignOn.Total() == 0 {
		p.Request = "Could a sign-on make up for the equity I give up, with " + strings.TrimPrefix(p.AskPlain, "a sign-on of ") + "?"
	}
	return p
}

// unvestedText states the candidate's unvested equity in the candidate's
// own currency, as the candidate block writes it; converted into the
// offer's currency, the converted figure follows with its rate.
func (f *Facts) unvestedText() string {
	c := f.Candidate
	if cv := c.Converted; cv != nil {
		return cv.UnvestedEquity.Format(cv.From) + " of equity (" + c.UnvestedEquity.Format(cv.To) + " " +
			engine.RateNote(cv.Rate, cv.From, cv.To, cv.AsOf) + ")"
	}
	return c.UnvestedEquity.Format(engine.ISOCode(c.Currency)) + " of equity"
}

func countNonZero(s engine.SignOn) int {
	n := 0
	for _, m := range s {
		if m != 0 {
			n++
		}
	}
	return n
}

func grantText(g *engine.Grant, cur string) string {
	if g == nil {
		return "no equity grant"
	}
	s := "a grant of " + engine.GrantValueOf(g).Format(cur)
	if len(g.Schedule.Percent) > 0 {
		s += " vesting " + g.Schedule.PercentText()
	}
	return s
}

func (f *Facts) equityPitch() pitch {
	cur := f.cur()
	o := f.Offer.Offer
	offered := engine.GrantValueOf(o.Equity)
	p := pitch{Lever: "equity", Offered: grantText(o.Equity, cur), Ask: PhAsk, AskPlain: "a grant of " + PhAsk}
	var ask *engine.Money
	if a := f.asked("equity"); a != nil {
		v := engine.GrantValueOf(a.Equity)
		ask = &v
		p.Ask = v.Format(cur) + " (" + f.change(offered, v) + ")"
		p.AskPlain = "a grant of " + v.Format(cur)
	}
	if o.Equity != nil {
		four := engine.FourYearGrant(o.Equity)
		p.Reasons = append(p.Reasons, fmt.Sprintf("Over four years the grant comes to %s a year on average.", four.Div(engine.Years).Format(cur)))
		if s, ok := f.bandSentence("equity", "The grant", four, nil); ok {
			p.Reasons = append(p.Reasons, s)
		}
	}
	if s := f.cliffSentence(); s != "" {
		p.Reasons = append(p.Reasons, s)
	}
	p.Reasons = append(p.Reasons, f.recordSentence())
	if best, ok := f.bestCompeting(func(a engine.Analysis) engine.Money { return engine.GrantValueOf(a.Offer.Equity) }); ok && best.amount > offered {
		p.Reasons = append(p.Reasons, "I also hold another offer with a grant of "+best.text+".")
	}
	_ = ask
	p.Request = "Could the grant be raised to " + strings.TrimPrefix(p.AskPlain, "a grant of ") + "?"
	if o.Equity == nil {
		p.Request = "Could the offer include " + p.AskPlain + "?"
	}
	return p
}

// cliffSentence names the first cliff as the cliff rule finds it
// (engine.Cliffs): a year that pays less than the best year before it.
func (f *Facts) cliffSentence() string {
	cliffs := f.Offer.Cliffs
	if len(cliffs) == 0 {
		return ""
	}
	c, ys := cliffs[0], f.Offer.Worth.Years
	return fmt.Sprintf("As offered, year %d pays %s less than year %d (%s against %s).",
		c.Year, c.Gap.Format(f.cur()), c.Below, ys[c.Year-1].Total.Format(f.cur()), ys[c.Below-1].Total.Format(f.cur()))
}

func dateText(o engine.Offer) string {
	if o.Start.IsZero() {
		return ""
	}
	return o.Start.Format("2006-01-02")
}

func (f *Facts) startPitch() pitch {
	o := f.Offer.Offer
	p := pitch{Lever: "start", Offered: dateText(o), Ask: PhStart, AskPlain: "a start date of " + PhStart}
	if p.Offered == "" {
		p.Offered = "no start date stated"
	}
	if a := f.asked("start"); a != nil {
		p.Ask = dateText(*a)
		if f.Delta.HasStart {
			p.Ask += " (" + engine.DelayText(f.Delta.StartWeeks, f.Delta.StartDays) + ")"
		}
		p.AskPlain = "a start date of " + dateText(*a)
	}
	p.Reasons = append(p.Reasons, "I would like to finish "+PhFinish+" before I join.")
	p.Request = "Could we set the start to " + strings.TrimPrefix(p.AskPlain, "a start date of ") + "?"
	return p
}
