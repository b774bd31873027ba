package lang

// This file defines the blocks of the non-money levers (bonus, flexibility,
// promotion), which offers and counters share, and the generated-text
// blocks of a counter (script, email). See docs/counters.md.

var bonusBlock = &Block{
	Type:   "bonus",
	Unique: true,
	Doc:    "Bonus terms beyond a yearly target (see `bonus_target`): a guaranteed first-year bonus, counted in year 1, and refresher grants, stated but not counted in the four-year figures because their vesting is not known. In a counter, the attributes stated replace the offer's.",
	Attrs: []*Attr{
		{Name: "guaranteed_year1", Kind: KindMoney, Unit: "paid in year 1", Default: "0", Doc: "A cash bonus guaranteed for the first year, whatever the performance rating."},
		{Name: "refresher", Kind: KindMoney, Unit: "grant value a year", Default: "0", Doc: "Refresher equity grants, as a value granted each year after the first. Listed in texts; not counted in the four-year figures."},
	},
	Example: "bonus {\n  guaranteed_year1 = 30000\n}",
}

var flexibilityBlock = &Block{
	Type:   "flexibility",
	Unique: true,
	Doc:    "Where and how the work is done, and what the relocation package covers beyond its cash amount (`relocation`). In a counter, a flexibility block replaces the offer's as a whole.",
	Attrs: []*Attr{
		{Name: "remote", Kind: KindBool, Default: "false", Doc: "Fully remote work."},
		{Name: "office_days", Kind: KindInt, Unit: "days a week", Doc: "Days a week in the office, for a hybrid schedule (0 to 5)."},
		{Name: "relocation_items", Kind: KindStringList, Doc: "What the relocation package covers, such as [\"Moving costs\", \"Temporary housing\", \"Lease breaking fees\"]."},
	},
	Example: "flexibility {\n  office_days      = 2\n  relocation_items = [\"Moving costs\", \"Temporary housing\"]\n}",
}

var promotionBlock = &Block{
	Type:   "promotion",
	Unique: true,
	Doc:    "A written promotion timeline: a review for the next level within a number of months of the start date. The level lever: ask for it with `level`, or for this timeline when the level cannot change now.",
	Attrs: []*Attr{
		{Name: "level", Kind: KindString, Values: "level", Doc: "The level the review is for (\"L7\")."},
		{Name: "months", Kind: KindInt, Unit: "months after the start date", Doc: "When the review takes place (1 to 60)."},
	},
	Example: "promotion {\n  level  = \"L7\"\n  months = 12\n}",
}

// ScriptBlock is the schema of the script blocks of a counter, an offer
// and the candidate block.
var ScriptBlock = &Block{
	Type:   "script",
	Labels: []string{"lever"},
	Doc:    "What to say about one lever (base, sign_on, equity, start, level, flexibility, bonus), or with the label `questions` the answers to the recruiter's usual questions, as `offer script` writes it (`--write` puts it here), kept with the figures it quotes: in a counter, in an offer (`--offer NAME`), and `questions` in the candidate block. Lint warns about every `[[placeholder]]` left in it.",
	Attrs: []*Attr{
		{Name: "text", Kind: KindText, Required: true, Doc: "The script, usually a heredoc (<<-EOT ... EOT)."},
	},
	Example: "script \"sign_on\" {\n  text = <<-EOT\n    I would like to talk about the sign-on bonus.\n  EOT\n}",
}

// EmailBlock is the schema of the email blocks of a counter, an offer and
// the candidate block.
var EmailBlock = &Block{
	Type:   "email",
	Labels: []string{"kind"},
	Doc:    "A drafted email (kind round1, followup or accept), as `offer email` writes it (`--write` puts it here), kept with the figures it quotes: in a counter, or in an offer (`--offer NAME`; the acceptance email of the version you accept, say). Lint warns about every `[[placeholder]]` left in it.",
	Attrs: []*Attr{
		{Name: "subject", Kind: KindString, Required: true, Doc: "The subject line."},
		{Name: "body", Kind: KindText, Required: true, Doc: "The body, usually a heredoc (<<-EOT ... EOT)."},
	},
	Example: "email \"accept\" {\n  subject = \"Re: offer: accepting\"\n  body    = <<-EOT\n    Dear [[recruiter's name]],\n  EOT\n}",
}

// LeverBlockNames are the nested blocks offers and counters share.
func leverBlocks() []*Block {
	return []*Block{signOnBlock, equityBlock, bonusBlock, flexibilityBlock, promotionBlock}
}
