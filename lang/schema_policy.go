package lang

// This file defines the policy block of *.bands.hcl files: who approves an
// increase of a given size, and the usual room on each lever. See
// docs/counters.md.

var approvalBlock = &Block{
	Type: "approval",
	Doc:  "One approval tier: increases of the four-year total up to `up_to` percent (inclusive) are signed off by `who`. List tiers from the smallest; the last tier may leave out `up_to` to cover every larger increase. The tiers of a file replace the built-in tiers as a whole.",
	Attrs: []*Attr{
		{Name: "up_to", Kind: KindPercent, Unit: "percent of the 4-year total", Doc: "The largest increase this tier covers, inclusive; leave it out on the last tier."},
		{Name: "who", Kind: KindString, Required: true, Doc: "Who signs off (\"hiring manager\")."},
	},
	Example: "approval {\n  up_to = 10\n  who   = \"recruiter\"\n}",
}

var roomBlock = &Block{
	Type:   "room",
	Labels: []string{"lever"},
	Doc:    "The usual room of an ask on one lever (base, sign_on or equity), in percent of the offered figure; an ask beyond `high` is flagged outside-room. Replaces the built-in room of that lever.",
	Attrs: []*Attr{
		{Name: "low", Kind: KindPercent, Required: true, Unit: "percent", Doc: "The low end of the usual room."},
		{Name: "high", Kind: KindPercent, Required: true, Unit: "percent", Doc: "The high end of the usual room."},
	},
	Example: "room \"base\" {\n  low  = 5\n  high = 15\n}",
}

// PolicyBlock is the schema of the policy block.
var PolicyBlock = &Block{
	Type:   "policy",
	Unique: true,
	Doc:    "Negotiation rules of thumb that counters are checked against. Built in: approval up to 10% recruiter, up to 20% hiring manager, up to 30% director, above that VP or compensation committee; room base 5-15%, sign_on 50-200%, equity 20-50%.",
	Blocks: []*Block{approvalBlock, roomBlock},
	Example: `policy {
  approval {
    up_to = 10
    who   = "recruiter"
  }
  approval {
    who = "VP"
  }
  room "base" {
    low  = 5
    high = 15
  }
}`,
}

// RoomLevers are the levers a room block may name.
var RoomLevers = []string{"base", "sign_on", "equity"}
