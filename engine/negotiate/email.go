package negotiate

import (
	"fmt"
	"strings"

	"github.com/offerkit/offerkit/engine"
)

// Email is a drafted email.
type Email struct {
	Kind    string // "round1", "followup", "accept"
	Subject string
	Body    string
}

// EmailKinds are the emails offerkit drafts.
var EmailKinds = []string{"round1", "followup", "accept"}

// EmailFor drafts an email of the given kind. round1 and followup need a
// counter: they carry its asks. accept lists the terms of the counter (the
// agreed terms), or of the offer when there is no counter.
func EmailFor(f *Facts, kind string) (Email, error) {
	switch kind {
	case "round1":
		return f.round1()
	case "followup":
		return f.followup()
	case "accept":
		return f.accept(), nil
	}
	return Email{}, fmt.Errorf("no email kind is named %q; the kinds are %s", kind, strings.Join(EmailKinds, ", "))
}

// PhAsks stands for the asks of an email written before any counter: the
// files hold no ask to put there.
const PhAsks = "[[each ask, with its reason]]"

// subject renders "Re: Amazon offer for L6 SDE in Seattle - [[your name]]"
// or, accepting, "Accepting the Amazon offer - [[your name]]".
func (f *Facts) subject(accepting bool) string {
	company := ""
	if c := f.Offer.Offer.Company; c != "" {
		company = c + " "
	}
	if accepting {
		return "Accepting the " + company + "offer - " + PhYourName
	}
	s := "Re: " + company + "offer"
	if r := f.role(); r != "" {
		s += " for " + r
	}
	return s + " - " + PhYourName
}

func (f *Facts) paragraphs(ps ...string) string {
	var out []string
	for _, p := range ps {
		if p == "" {
			continue
		}
		if strings.HasPrefix(p, "- ") || startsNumbered(p) {
			out = append(out, p)
			continue
		}
		out = append(out, wrap(p, lineWidth))
	}
	return strings.Join(out, "\n\n") + "\n"
}

func startsNumbered(p string) bool {
	return len(p) > 2 && p[0] >= '1' && p[0] <= '9' && p[1] == '.'
}

// item renders one ask as a numbered, indented paragraph.
func item(n int, text string) string {
	prefix := fmt.Sprintf("%d. ", n)
	lines := strings.Split(wrap(text, lineWidth-len(prefix)), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", len(prefix)) + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// askParagraph states one ask with its reasons for an email.
func askParagraph(p pitch) string {
	s := LeverTitle(p.Lever) + ": the offer has " + p.Offered + ". "
	if len(p.Reasons) > 0 {
		s += strings.Join(p.Reasons, " ") + " "
	}
	return s + "I would ask for " + p.AskPlain + "."
}

// asks renders the counter's asks as numbered paragraphs; without a
// counter, none. The candidate's strengths are said once, in the first ask
// that cites them: each lever's script cites them, and a recruiter reading
// the same strengths under two asks reads filler. Without strengths, each
// placeholder sentence (experience, achievement) stays once, for the user
// to fill in.
func (f *Facts) asks() []string {
	if f.Counter == nil {
		return nil
	}
	var asks []string
	cited := map[string]bool{}
	strengths := len(f.Candidate.Strengths) > 0
	for i, l := range f.Counter.Levers() {
		p, _ := f.pitch(l)
		var reasons []string
		for _, r := range p.Reasons {
			if r == f.bringsSentence() || r == f.recordSentence() {
				key := r
				if strengths {
					key = "" // both sentences cite the same strengths
				}
				if cited[key] {
					continue
				}
				cited[key] = true
			}
			reasons = append(reasons, r)
		}
		p.Reasons = reasons
		asks = append(asks, item(i+1, askParagraph(p)))
	}
	return asks
}

func (f *Facts) round1() (Email, error) {
	asks := f.asks()
	about, these := countWord(len(asks), "point", "points"), "these points"
	switch len(asks) {
	case 0:
		about, these, asks = "the following", "them", []string{PhAsks}
	case 1:
		these = "this point"
	}
	role := f.role()
	if role != "" {
		role = " as " + role
	}
	body := f.paragraphs(
		"Dear "+PhRecruiter+",",
		"Thank you for the offer to join "+f.company()+role+". I am excited about the role and about working on "+PhTeam+".",
		"I have gone through the offer in detail, year by year over the four years, and I would like to ask about "+about+":",
		strings.Join(asks, "\n\n"),
		"I am glad to talk "+map[bool]string{true: "this", false: "these"}[these == "this point"]+" through on a call. Could you let me know how much flexibility there is on "+these+"?",
		"Best regards,\n"+PhYourName,
	)
	return Email{Kind: "round1", Subject: f.subject(false), Body: body}, nil
}

func (f *Facts) followup() (Email, error) {
	asks := f.asks()
	intro := "There is one point I would like to come back to:"
	if len(asks) != 1 {
		intro = fmt.Sprintf("There are %s I would like to come back to:", countWord(len(asks), "point", "points"))
	}
	if len(asks) == 0 {
		intro, asks = "I would like to come back to the following:", []string{PhAsks}
	}
	// Only a revised version in the files says that the employer answered.
	thanks := "Thank you for your time on the offer so far."
	if f.answersRevision() {
		thanks = "Thank you for coming back to me with the revised offer."
	}
	body := f.paragraphs(
		"Dear "+PhRecruiter+",",
		thanks,
		intro,
		strings.Join(asks, "\n\n"),
		"I am glad to talk this through on a call.",
		"Best regards,\n"+PhYourName,
	)
	return Email{Kind: "followup", Subject: f.subject(false), Body: body}, nil
}

// Terms lists the terms an acceptance puts in writing, in order: level,
// base, sign-on by year, equity value and schedule, relocation, bonus
// terms, flexibility, promotion, start date. A term the files do not state
// (the start date) stays a placeholder.
func Terms(a engine.Analysis) []string {
	o := a.Offer
	cur := o.Currency
	var out []string
	if r := joinNonEmpty(" ", o.Level, o.Track); r != "" {
		if o.Location != "" {
			r += ", " + o.Location
		}
		out = append(out, "Level: "+r)
	}
	out = append(out, "Base salary: "+o.Base.Format(cur)+" a year")
	if o.SignOn.Total() > 0 {
		out = append(out, "Sign-on bonus: "+signOnText(o.SignOn, cur))
	}
	if o.Equity != nil {
		s := "Equity grant: " + engine.GrantValueOf(o.Equity).Format(cur)
		if len(o.Equity.Schedule.Percent) > 0 {
			s += ", vesting " + o.Equity.Schedule.PercentText() + " over " + countWord(len(o.Equity.Schedule.Percent), "year", "years")
		}
		out = append(out, s)
	}
	if o.Relocation > 0 {
		out = append(out, "Relocation: "+o.Relocation.Format(cur))
	}
	for _, t := range bonusTerms(o, cur) {
		out = append(out, "Bonus: "+t)
	}
	for _, t := range o.Flexibility.Terms() {
		out = append(out, "Flexibility: "+t)
	}
	if o.Promotion != nil {
		out = append(out, "Promotion: "+o.Promotion.Text())
	}
	start := PhStart
	if !o.Start.IsZero() {
		start = o.Start.Format("2006-01-02")
	}
	out = append(out, "Start date: "+start)
	return out
}

func (f *Facts) accept() Email {
	var list []string
	for _, t := range Terms(f.agreed()) {
		list = append(list, "- "+t)
	}
	// Thanks for negotiating only when a counter was sent, and for a change
	// only when the employer's own version holds it.
	thanks := "Thank you for the offer."
	if f.Counter != nil || f.Negotiated {
		thanks = "Thank you for working through the offer with me."
		var names []string
		for _, l := range f.granted() {
			names = append(names, strings.ToLower(LeverTitle(l)))
		}
		if len(names) > 0 {
			thanks = "Thank you for working through the offer with me, and for the changes to the " + engine.JoinAnd(names) + "."
		}
	}
	body := f.paragraphs(
		"Dear "+PhRecruiter+",",
		thanks,
		"I am glad to accept the offer to join "+f.company()+" on these terms:",
		strings.Join(list, "\n"),
		"Could you send me the offer letter with these terms, so that I can sign it?",
		"Best regards,\n"+PhYourName,
	)
	return Email{Kind: "accept", Subject: f.subject(true), Body: body}
}

var numberWords = []string{"no", "one", "two", "three", "four", "five", "six", "seven"}

func countWord(n int, one, many string) string {
	w := fmt.Sprint(n)
	if n >= 0 && n < len(numberWords) {
		w = numberWords[n]
	}
	if n == 1 {
		return w + " " + one
	}
	return w + " " + many
}

// answersRevision reports whether the offer the texts are for is a later
// version of the employer's offer than its first: the employer has then
// answered, in the files.
func (f *Facts) answersRevision() bool {
	return f.FirstVersion != nil && f.FirstVersion.Offer.Name != f.Offer.Offer.Name
}
