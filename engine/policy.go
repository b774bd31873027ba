package engine

// Policy holds the negotiation rules of thumb that band files may change:
// who approves an increase of a given size, and the usual room on each
// lever. The defaults come from the masterclass the project started from.
type Policy struct {
	Approval []Tier          // ascending by UpTo; the last tier has no upper bound
	Room     map[string]Room // by lever: "base", "sign_on", "equity"
}

// Tier is one approval step: increases up to UpTo percent (inclusive) of the
// four-year total need Who to sign off. An UpTo of zero on the last tier
// means "anything above the previous tier".
type Tier struct {
	UpTo Dec
	Who  string
}

// Room is the usual range of an ask on one lever, in percent of the offer.
type Room struct{ Lo, Hi Dec }

// DefaultPolicy returns the built-in approval tiers and lever room.
func DefaultPolicy() Policy {
	return Policy{
		Approval: []Tier{
			{UpTo: DecInt(10), Who: "recruiter"},
			{UpTo: DecInt(20), Who: "hiring manager"},
			{UpTo: DecInt(30), Who: "director"},
			{Who: "VP or compensation committee"},
		},
		Room: map[string]Room{
			"base":    {DecInt(5), DecInt(15)},
			"sign_on": {DecInt(50), DecInt(200)},
			"equity":  {DecInt(20), DecInt(50)},
		},
	}
}

// ApprovalFor returns the tier that signs off an increase of pct percent
// of the four-year total, and its index in p.Approval. Each tier's bound is
// inclusive: exactly 10% is the recruiter's, exactly 20% the hiring
// manager's, exactly 30% the director's with the default tiers. An increase
// of zero or less is the first tier's. Past the last bounded tier, the last
// tier applies.
func (p Policy) ApprovalFor(pct Dec) (Tier, int) {
	if len(p.Approval) == 0 {
		return Tier{}, -1
	}
	for i, t := range p.Approval {
		if t.UpTo.Sign() == 0 && i == len(p.Approval)-1 && i > 0 {
			return t, i
		}
		if pct.Cmp(t.UpTo) <= 0 {
			return t, i
		}
	}
	last := len(p.Approval) - 1
	return p.Approval[last], last
}

// TierSpan renders the increases tier i covers: "up to 10%", "over 10% up
// to 20%", "over 30%".
func (p Policy) TierSpan(i int) string {
	if i < 0 || i >= len(p.Approval) {
		return ""
	}
	t := p.Approval[i]
	unbounded := t.UpTo.Sign() == 0 && i == len(p.Approval)-1 && i > 0
	switch {
	case i == 0:
		return "up to " + t.UpTo.String() + "%"
	case unbounded:
		return "over " + p.Approval[i-1].UpTo.String() + "%"
	}
	return "over " + p.Approval[i-1].UpTo.String() + "% up to " + t.UpTo.String() + "%"
}

// RoomText renders a lever's room: "5-15%".
func (r Room) RoomText() string { return r.Lo.String() + "-" + r.Hi.String() + "%" }
