package lang

// This file defines the blocks of *.offer.hcl files: offer, counter and
// candidate; the levers offers and counters share, the non-money ones
// (bonus, flexibility, promotion) included; and the generated-text blocks
// of a counter, an offer or the candidate (script, email). See
// docs/counters.md.

var signOnBlock = &Block{
	Type:   "sign_on",
	Unique: true,
	Doc:    "The sign-on bonus, by employment year. Years not stated pay nothing. In a counter, a sign_on block replaces the offer's sign-on as a whole.",
	Attrs: []*Attr{
		{Name: "repay_months", Kind: KindInt, Unit: "months", Doc: "Leaving within this many months of the start means repaying the year-1 sign-on; reports show what leaving early would cost."},
		{Name: "year1", Kind: KindMoney, Unit: "paid in year 1", Default: "0", Doc: "Sign-on paid in the first year."},
		{Name: "year2", Kind: KindMoney, Unit: "paid in year 2", Default: "0", Doc: "Sign-on paid in the second year."},
		{Name: "year3", Kind: KindMoney, Unit: "paid in year 3", Default: "0", Doc: "Sign-on paid in the third year (rare)."},
		{Name: "year4", Kind: KindMoney, Unit: "paid in year 4", Default: "0", Doc: "Sign-on paid in the fourth year (rare)."},
	},
	Example: "sign_on {\n  year1 = 110000\n  year2 = 90000\n}",
}

// RefreshBlock is the schema of an equity block's refresh block.
var RefreshBlock = &Block{
	Type:   "refresh",
	Unique: true,
	Doc:    "Refresher grants: `value` granted at the start of employment year `first_year` and again every `every` years, each vesting on its own schedule from the year it is granted, inside the four-year window. Counted as assumed pay (the `refresh` line), never in the total. No stock growth is assumed for them.",
	Attrs: []*Attr{
		{Name: "value", Kind: KindMoney, Required: true, Unit: "grant value", Doc: "What each refresher grant is worth when granted."},
		{Name: "first_year", Kind: KindInt, Default: "2", Doc: "The employment year of the first refresher (its schedule's year 1)."},
		{Name: "every", Kind: KindInt, Default: "1", Doc: "Years between refreshers; 0 for a single one."},
		{Name: "schedule", Kind: KindSchedule, Default: "the grant's schedule", Values: "schedule", Doc: "How each refresher vests: a preset name or yearly percentages."},
	},
	Example: "refresh {\n  value      = 100000\n  first_year = 2\n  every      = 1\n  schedule   = \"amazon\"\n}",
}

// RetirementBlock is the schema of an offer's retirement block.
var RetirementBlock = &Block{
	Type:   "retirement",
	Unique: true,
	Doc:    "The employer's match of your retirement (401(k)) contributions, capped by the law's limits for the year held in the tax tables (see `offer tax`). A guaranteed line of its own, outside the total.",
	Attrs: []*Attr{
		{Name: "match", Kind: KindPercent, Required: true, Unit: "percent of what you put in", Doc: "How much of each contributed dollar the employer adds."},
		{Name: "up_to", Kind: KindPercent, Required: true, Unit: "percent of base", Doc: "Contributions are matched up to this share of base."},
	},
	Example: "retirement {\n  match = 50\n  up_to = 6\n}",
}

// ESPPBlock is the schema of an offer's espp block.
var ESPPBlock = &Block{
	Type:   "espp",
	Unique: true,
	Doc:    "An employee stock purchase plan: part of base buys stock at a discount, up to the yearly purchase limit in the tax tables. Its gain (the discount on what you buy) is assumed pay, outside the total.",
	Attrs: []*Attr{
		{Name: "discount", Kind: KindPercent, Required: true, Unit: "percent below market", Doc: "The purchase discount, e.g. 15."},
		{Name: "contribution", Kind: KindPercent, Required: true, Unit: "percent of base", Doc: "How much of base you put in."},
	},
	Example: "espp {\n  discount     = 15\n  contribution = 10\n}",
}

// BenefitBlock is the schema of an offer's benefit blocks.
var BenefitBlock = &Block{
	Type:    "benefit",
	Labels:  []string{"name"},
	Doc:     "A named benefit or stipend paid every year (wellness, learning, commuting). A guaranteed line of its own, outside the total.",
	Attrs:   []*Attr{{Name: "yearly", Kind: KindMoney, Required: true, Unit: "a year", Doc: "What it pays each year."}},
	Example: "benefit \"wellness\" {\n  yearly = 1200\n}",
}

var equityBlock = &Block{
	Type:   "equity",
	Unique: true,
	Doc:    "The equity grant: a value over the whole schedule, or a share count with a price. In a counter, the attributes stated replace the offer's and the rest are kept.",
	Attrs: []*Attr{
		{Name: "value", Kind: KindMoney, Unit: "grant value over the whole schedule", Doc: "What the grant is worth at grant time. Negotiate in this figure, not in shares."},
		{Name: "shares", Kind: KindDecimal, Unit: "shares", Doc: "A grant stated as a share count; needs `price`. Use either `value` or `shares`."},
		{Name: "price", Kind: KindDecimal, Unit: "per share", Doc: "The share price that values a grant stated in shares."},
		{Name: "schedule", Kind: KindSchedule, Default: `"even"`, Values: "schedule", Doc: "How the grant vests: a schedule preset name (see `offer bands`) or yearly percentages such as [5, 15, 40, 40]; they must add up to 100."},
		{Name: "growth", Kind: KindPercent, Unit: "percent a year", Default: "0", Doc: "Assumed yearly change of the stock price; may be negative. Year y's vest is multiplied by (1 + growth/100)^y."},
	},
	Blocks:  []*Block{RefreshBlock},
	Example: "equity {\n  value    = 400000\n  schedule = \"amazon\"\n}",
}

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

// leverBlocks returns the nested blocks offers and counters share.
func leverBlocks() []*Block {
	return []*Block{signOnBlock, equityBlock, bonusBlock, flexibilityBlock, promotionBlock}
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

// offerLevers are the attributes an offer and a counter share: the money
// and terms a counter can restate.
func offerLevers(baseRequired bool) []*Attr {
	return []*Attr{
		{Name: "base", Kind: KindMoney, Required: baseRequired, Unit: "a year", Doc: "Yearly base salary."},
		{Name: "relocation", Kind: KindMoney, Unit: "paid in year 1", Default: "0", Doc: "Relocation paid in cash in the first year."},
		{Name: "bonus_target", Kind: KindPercent, Unit: "percent of base a year", Default: "0", Doc: "Target cash bonus as a percentage of base, counted every year."},
		{Name: "start", Kind: KindDate, Doc: "Start date, \"YYYY-MM-DD\"."},
		{Name: "level", Kind: KindString, Values: "level", Doc: "The level, as the band files name it (\"L6\")."},
	}
}

// OfferBlock is the schema of an offer block.
var OfferBlock = &Block{
	Type:   "offer",
	Labels: []string{"name"},
	Doc:    "An offer as received, or with `revises`, the employer's revised version of an earlier offer. The label names it in references (`offer.<name>`) and on the command line.",
	Attrs: append([]*Attr{
		{Name: "company", Kind: KindString, Doc: "The employer."},
		{Name: "track", Kind: KindString, Values: "track", Doc: "The job family, as the band files name it (\"SDE\")."},
		{Name: "location", Kind: KindString, Values: "location", Doc: "The location the band is for (\"Seattle\", \"Bay Area\")."},
		{Name: "currency", Kind: KindString, Values: "currency", Default: `"USD"`, Doc: "ISO 4217 code of every amount in the offer: three capital letters such as \"EUR\"; a name or symbol (\"euro\", \"$\") is an error that says which code to write."},
		{Name: "received", Kind: KindDate, Doc: "When the offer arrived, \"YYYY-MM-DD\"."},
		{Name: "expires", Kind: KindDate, Doc: "When the offer lapses, \"YYYY-MM-DD\"."},
		{Name: "revises", Kind: KindReference, Doc: "The earlier version of this employer's offer that this one revises, as a reference: offer.<name>. A revision states only what changed and inherits the rest (base is then not required); received, expires, accepted and declined are each version's own."},
		{Name: "accepted", Kind: KindDate, Doc: "When you accepted this version, \"YYYY-MM-DD\". At most one version per company is accepted."},
		{Name: "declined", Kind: KindDate, Doc: "When you declined this version, \"YYYY-MM-DD\"."},
		{Name: "source", Kind: KindString, Doc: "How the offer came, such as \"email from the recruiter\": the checklist counts a version with `received` and `source` as in writing."},
		{Name: "tax_region", Kind: KindString, Doc: "Where the offer's pay is taxed, as a region code (\"US-CO\", \"US-NY-NYC\"); without it, the location's hub in the tax tables decides (see `offer tax`)."},
	}, offerLevers(true)...),
	Blocks: append(leverBlocks(), RetirementBlock, ESPPBlock, BenefitBlock, ScriptBlock, EmailBlock),
	Example: `offer "amazon_l6" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = "Seattle"
  base     = 195000
}`,
}

// CounterBlock is the schema of a counter block.
var CounterBlock = &Block{
	Type:   "counter",
	Labels: []string{"name"},
	Doc:    "A counter-proposal: an offer with the levers it restates replaced. Only restate what you ask to change.",
	Attrs: append([]*Attr{
		{Name: "offer", Kind: KindReference, Required: true, Doc: "The offer this counter answers, as a reference: offer.<name>. It may live in another file of the workspace."},
		{Name: "round", Kind: KindInt, Default: "1", Doc: "The negotiation round this counter belongs to (1, 2, 3)."},
		{Name: "sent", Kind: KindDate, Doc: "When the counter was sent, \"YYYY-MM-DD\"."},
		{Name: "reasons", Kind: KindStringMap, Values: "lever", Doc: "Why you ask, by lever: reasons = { base = \"...\", equity = \"...\" }. The scripts and emails say them; the checklist wants one for every lever the counter restates."},
	}, offerLevers(false)...),
	Blocks: append(leverBlocks(), ScriptBlock, EmailBlock),
	Example: `counter "round1" {
  offer = offer.amazon_l6
  round = 1
  base  = 210000
}`,
}

// CandidateBlock is the schema of the candidate block.
var CandidateBlock = &Block{
	Type:   "candidate",
	Unique: true,
	Doc:    "Facts about you that the checks and scripts use. At most one per workspace.",
	Attrs: []*Attr{
		{Name: "currency", Kind: KindString, Values: "currency", Default: `"USD"`, Doc: "ISO 4217 code of the amounts in this block (walk_away, unvested_equity, cliff_tolerance_amount). Beside an offer in another currency they are compared only through a *.rates.hcl rate, never reused as that currency's amounts."},
		{Name: "walk_away", Kind: KindMoney, Unit: "4-year average a year", Doc: "The lowest 4-year average you would accept, in the block's currency."},
		{Name: "unvested_equity", Kind: KindMoney, Doc: "Unvested equity you leave behind at your current employer, in the block's currency."},
		{Name: "target_percentile", Kind: KindInt, Unit: "percentile", Default: "75", Doc: "Where in the band you aim to land; counter-proposal targets use it."},
		{Name: "cliff_tolerance", Kind: KindPercent, Unit: "percent of the best earlier year", Default: "1", Doc: "How far a year must fall below the best year before it to be a cliff, as a percent of that year's total: a dip of exactly this much is a cliff, a smaller one is not. 0 makes every dip a cliff; from 0 to 100."},
		{Name: "cliff_tolerance_amount", Kind: KindMoney, Doc: "The cliff threshold as an amount in the block's currency instead of a percent (1000: a year at least $1,000 below the best year before it is a cliff). Set cliff_tolerance or this, not both. Beside an offer in another currency it is converted at a *.rates.hcl rate; without one, the default 1% applies to that offer."},
		{Name: "filing_status", Kind: KindString, Default: `"single"`, Doc: "How you file your tax return, for the after-tax estimates: \"single\", \"married_joint\", \"married_separate\" or \"head_of_household\"."},
		{Name: "other_income", Kind: KindMoney, Unit: "a year", Default: "0", Doc: "Other taxable household income each year (a spouse's wages, interest): it sets the bracket the offer's pay falls in; its own tax is not shown."},
		{Name: "pre_tax_deductions", Kind: KindMoney, Unit: "a year", Default: "0", Doc: "Taken from wages before income tax each year (401(k) contributions, health premiums); payroll taxes still apply."},
		{Name: "home", Kind: KindString, Values: "location", Doc: "Where you live, as a location of the tax tables' hubs (\"NYC\"); a city's income tax follows it. Without it, you are taken to live where each offer is."},
		{Name: "home_tax_region", Kind: KindString, Doc: "Where you live, as a region code (\"US-NJ\", \"US-NY-NYC\"); wins over home."},
		{Name: "strengths", Kind: KindStringList, Doc: "What you bring, in your words, such as [\"eight years running payments infrastructure\"]: the scripts use them where they would otherwise leave a placeholder."},
		{Name: "alternative", Kind: KindString, Doc: "What you will do if no deal is reached (stay, another offer, a sabbatical): your best alternative."},
	},
	Blocks:  []*Block{ScriptBlock, EmailBlock},
	Example: "candidate {\n  walk_away         = 300000\n  target_percentile = 75\n}",
}

// OfferSchema is the top level of *.offer.hcl files.
var OfferSchema = &FileSchema{Kind: OfferFile, Blocks: []*Block{OfferBlock, CounterBlock, CandidateBlock}}
