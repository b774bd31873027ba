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
