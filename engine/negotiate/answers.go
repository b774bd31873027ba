package negotiate

// Answer is a reply to a question recruiters ask before there is an offer.
type Answer struct {
	Question string
	Text     string
}

// Answers returns replies to the usual questions about money before an
// offer. Each declines to name a number first and says nothing untrue: no
// confidentiality obligation, no other offer or deadline that the files do
// not hold.
func Answers(f *Facts) []Answer {
	role := f.role()
	if role == "" {
		role = "this role"
	}
	out := []Answer{
		{"What are your compensation expectations?",
			"I would rather not put a number on it before we have the full picture of the role. I expect a package that fits the scope of " + role + " and the market for it, and I look forward to seeing your proposal."},
		{"What do you earn today?",
			"I would like to keep the conversation on this role rather than on my current package, and I would like the offer to reflect this role and its market."},
		{"We need a number to move forward.",
			"I understand. I would rather respond to a complete package than set the anchor myself. If you can share the range budgeted for the role, I can tell you quickly whether we are in the same place."},
		{"What would it take for you to accept?",
			"I am excited about the role. Once I see the complete offer, with base, sign-on, equity and start date, I will tell you clearly where I stand on each part."},
	}
	switch {
	case len(f.Competing) == 1:
		out = append(out, Answer{"Are you talking to other companies?",
			"Yes, I hold another offer, and I want to decide between the two on the complete packages."})
	case len(f.Competing) > 1:
		out = append(out, Answer{"Are you talking to other companies?",
			"Yes, I hold " + countWord(len(f.Competing), "other offer", "other offers") + ", and I want to decide among them on the complete packages."})
	}
	for i := range out {
		out[i].Text = wrap(out[i].Text, lineWidth)
	}
	return out
}

// AnswersText renders the answers as one text: each question, then its
// answer.
func AnswersText(f *Facts) string {
	s := ""
	for i, a := range Answers(f) {
		if i > 0 {
			s += "\n"
		}
		s += "Q: " + a.Question + "\n" + a.Text + "\n"
	}
	return s
}
