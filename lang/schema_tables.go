package lang

// This file defines the blocks of the files an offer is judged against:
// *.bands.hcl (bands, caps, vesting schedules, their source and the
// negotiation policy), *.tax.hcl (the tables behind the after-tax
// estimates, engine/tax) and *.rates.hcl (exchange rates that convert
// offers in other currencies, offer compare --currency).

// BandBlock is the schema of a band block.
var BandBlock = &Block{
	Type:   "band",
	Labels: []string{"level", "track", "location"},
	Doc:    "The market range for one level, track and location, at the company it names. A band that names no company judges offers of any company that has no band of its own for those labels, and is the only kind that judges an offer without a company. A band in a workspace file replaces a built-in band with the same company and labels.",
	Attrs: []*Attr{
		{Name: "company", Kind: KindString, Doc: "The employer whose band this is (\"Globex\"); it judges only that company's offers (compared ignoring case and a trailing \".com\"). Leave it out for a band that judges any company's offer."},
		{Name: "equivalent", Kind: KindString, Doc: "The level at another company this one corresponds to, such as \"Amazon L7\"; offer compare shows it, and it never borrows that company's band."},
		{Name: "base", Kind: KindMoneyRange, Required: true, Unit: "a year", Doc: "Range of the yearly base salary."},
		{Name: "equity", Kind: KindMoneyRange, Unit: "grant value over 4 years", Doc: "Range of the equity grant's value over four years."},
		{Name: "sign_on", Kind: KindMoneyRange, Unit: "year 1 + year 2", Doc: "Range of the total sign-on bonus."},
		{Name: "year1_total", Kind: KindMoneyRange, Unit: "first-year total", Doc: "Range of the first year's total pay."},
		{Name: "percentiles", Kind: KindPercentiles, Default: "[0, 100]", Doc: "Which market percentiles the low and high ends of every range stand for."},
		{Name: "source", Kind: KindString, Doc: "Where the figures come from."},
	},
	Example: `band "L6" "SDE" "Seattle" {
  base        = [180000, 220000]
  equity      = [300000, 500000]
  sign_on     = [100000, 200000]
  year1_total = [230000, 320000]
}`,
}

// CapBlock is the schema of a cap block.
var CapBlock = &Block{
	Type:   "cap",
	Labels: []string{"level"},
	Doc:    "The highest base salary at a level, at the company it names (or, naming none, at any company without a cap of its own).",
	Attrs: []*Attr{
		{Name: "company", Kind: KindString, Doc: "The employer whose cap this is; leave it out for a cap that applies to any company."},
		{Name: "base", Kind: KindMoney, Required: true, Unit: "a year", Doc: "The base salary cap."},
		{Name: "source", Kind: KindString, Doc: "Where the figure comes from."},
	},
	Example: "cap \"L6\" {\n  base = 220000\n}",
}

// ScheduleBlock is the schema of a schedule block.
var ScheduleBlock = &Block{
	Type:   "schedule",
	Labels: []string{"name"},
	Doc:    "A named vesting schedule that offers can use as `schedule = \"<name>\"`.",
	Attrs: []*Attr{
		{Name: "percent", Kind: KindPercentList, Required: true, Unit: "percent per year", Doc: "The share of the grant vesting in each year; must add up to 100."},
		{Name: "cadence", Kind: KindIntList, Default: "[1]", Doc: "Vest events per year, one entry per year (the last repeats): 1 yearly, 2 semiannual, 4 quarterly, 12 monthly."},
		{Name: "source", Kind: KindString, Doc: "Where the schedule comes from."},
	},
	Example: "schedule \"amazon\" {\n  percent = [5, 15, 40, 40]\n  cadence = [1, 1, 2, 2]\n}",
}

// SourceBlock is the schema of the source block.
var SourceBlock = &Block{
	Type:   "source",
	Unique: true,
	Doc:    "Where a band file's figures come from, and when they were current.",
	Attrs: []*Attr{
		{Name: "name", Kind: KindString, Required: true, Doc: "The source's name."},
		{Name: "as_of", Kind: KindString, Doc: "When the figures were current, \"YYYY-MM\"."},
	},
	Example: "source {\n  name  = \"My research\"\n  as_of = \"2025-03\"\n}",
}

// The policy block of *.bands.hcl files: who approves an increase of a
// given size, and the usual room on each lever. See docs/counters.md.

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

// BandsSchema is the top level of *.bands.hcl files.
var BandsSchema = &FileSchema{Kind: BandsFile, Blocks: []*Block{BandBlock, CapBlock, ScheduleBlock, SourceBlock, PolicyBlock}}

// The blocks of *.tax.hcl files.

// IncomeTaxBlock is the schema of an income_tax block.
var IncomeTaxBlock = &Block{
	Type:   "income_tax",
	Labels: []string{"filing_status"},
	Doc:    "A progressive income tax for one filing status (single, married_joint, married_separate or head_of_household): the standard deduction, then `rates[i]` percent on the taxable income above `over[i]`.",
	Attrs: []*Attr{
		{Name: "standard_deduction", Kind: KindMoney, Unit: "a year", Doc: "Taken from income before the brackets apply."},
		{Name: "over", Kind: KindIntList, Required: true, Unit: "whole units of the currency", Doc: "Where each bracket starts, ascending from 0."},
		{Name: "rates", Kind: KindPercentList, Required: true, Unit: "percent", Doc: "The rate of each bracket, one per entry of `over`."},
	},
	Example: "income_tax \"single\" {\n  standard_deduction = 16100\n  over               = [0, 12400, 50400]\n  rates              = [10, 12, 22]\n}",
}

// ContributionBlock is the schema of a contribution block.
var ContributionBlock = &Block{
	Type:   "contribution",
	Labels: []string{"name"},
	Doc:    "A payroll tax or contribution withheld from wages. In the federal table, `social_security` and `medicare` are those taxes; in a state's, every contribution counts as state payroll (CA SDI, NY PFL, WA PFML, WA Cares).",
	Attrs: []*Attr{
		{Name: "rate", Kind: KindPercent, Required: true, Unit: "percent of wages", Doc: "The share of wages withheld."},
		{Name: "wage_base", Kind: KindMoney, Unit: "a year", Doc: "Wages above this are not charged; none when absent."},
		{Name: "max", Kind: KindMoney, Unit: "a year", Doc: "The most charged in a year; none when absent."},
	},
	Example: "contribution \"social_security\" {\n  rate      = 6.2\n  wage_base = 184500\n}",
}

// AdditionalMedicareBlock is the schema of the additional_medicare block.
var AdditionalMedicareBlock = &Block{
	Type:   "additional_medicare",
	Unique: true,
	Doc:    "The additional Medicare tax on wages above a threshold that depends on the filing status (federal table only).",
	Attrs: []*Attr{
		{Name: "rate", Kind: KindPercent, Required: true, Unit: "percent", Doc: "The additional rate."},
		{Name: "single", Kind: KindMoney, Required: true, Doc: "The threshold for single filers."},
		{Name: "married_joint", Kind: KindMoney, Required: true, Doc: "The threshold for a joint return."},
		{Name: "married_separate", Kind: KindMoney, Required: true, Doc: "The threshold for a separate return."},
		{Name: "head_of_household", Kind: KindMoney, Required: true, Doc: "The threshold for a head of household."},
	},
	Example: "additional_medicare {\n  rate              = 0.9\n  single            = 200000\n  married_joint     = 250000\n  married_separate  = 125000\n  head_of_household = 200000\n}",
}

// JurisdictionBlock is the schema of a jurisdiction block.
var JurisdictionBlock = &Block{
	Type:   "jurisdiction",
	Labels: []string{"code", "year"},
	Doc:    "One year of one jurisdiction's taxes: `\"US\"` for the federal rules, `\"US-CA\"` for a state, `\"US-NY-NYC\"` for a city. A block in a workspace file replaces a built-in block with the same code and year.",
	Attrs: []*Attr{
		{Name: "name", Kind: KindString, Doc: "The jurisdiction's name, as output shows it."},
		{Name: "source", Kind: KindString, Required: true, Doc: "Where the figures come from and when they were published; say which figures could not be checked."},
		{Name: "local", Kind: KindBool, Default: "false", Doc: "A city's tax, which follows where the candidate lives (`home_tax_region`), not where the offer is."},
		{Name: "supplemental_rate", Kind: KindPercent, Doc: "The flat withholding rate on supplemental wages (sign-on, bonus, vested stock); without it, withholding follows the brackets."},
		{Name: "supplemental_high_rate", Kind: KindPercent, Doc: "The withholding rate on supplemental wages above `supplemental_high_over` in a year."},
		{Name: "supplemental_high_over", Kind: KindMoney, Doc: "Where `supplemental_high_rate` starts."},
		{Name: "retirement_deferral_limit", Kind: KindMoney, Unit: "a year", Doc: "The most an employee may contribute to a 401(k) (federal table); caps the match of a `retirement` block."},
		{Name: "retirement_compensation_limit", Kind: KindMoney, Unit: "a year", Doc: "The most pay a retirement plan may count (federal table)."},
		{Name: "espp_purchase_limit", Kind: KindMoney, Unit: "a year", Doc: "The most stock (at market value) an ESPP may sell an employee in a year (federal table)."},
	},
	Blocks:  []*Block{IncomeTaxBlock, ContributionBlock, AdditionalMedicareBlock},
	Example: "jurisdiction \"US-CO\" \"2025\" {\n  name   = \"Colorado\"\n  source = \"Colorado DOR, 2025\"\n\n  income_tax \"single\" {\n    over  = [0]\n    rates = [4.4]\n  }\n}",
}

// HubBlock is the schema of a hub block.
var HubBlock = &Block{
	Type:    "hub",
	Labels:  []string{"location"},
	Doc:     "Where an offer at this location pays tax. An offer's own `tax_region` wins over its hub.",
	Attrs:   []*Attr{{Name: "region", Kind: KindString, Required: true, Doc: "The region code, e.g. \"US-WA\" or \"US-NY-NYC\"."}},
	Example: "hub \"Denver\" {\n  region = \"US-CO\"\n}",
}

// TaxSchema is the top level of *.tax.hcl files.
var TaxSchema = &FileSchema{Kind: TaxFile, Blocks: []*Block{JurisdictionBlock, HubBlock}}

// The rates block of *.rates.hcl files.

// RatesBlock is the schema of the rates block.
var RatesBlock = &Block{
	Type:   "rates",
	Unique: true,
	Doc:    "Exchange rates into one base currency, with their date and source. Every other attribute is a currency's ISO 4217 code and what one unit of it is worth in the base currency (`EUR = 1.16`). A later rates file replaces the rates it states.",
	Attrs: []*Attr{
		{Name: "base", Kind: KindString, Default: `"USD"`, Values: "currency", Doc: "The currency the rates are stated in."},
		{Name: "as_of", Kind: KindDate, Required: true, Doc: "The day the rates are from, \"YYYY-MM-DD\"; output labels converted figures with it."},
		{Name: "source", Kind: KindString, Required: true, Doc: "Where the rates come from."},
	},
	Extra:     &Attr{Name: "<CODE>", Kind: KindDecimal, Unit: "base currency per unit", Doc: "One unit of the currency with that ISO 4217 code, in the base currency."},
	ExtraName: isCurrencyCode,
	Example:   "rates {\n  base   = \"USD\"\n  as_of  = \"2026-11-02\"\n  source = \"ECB euro reference rates, 2 November 2026\"\n  EUR    = 1.16\n}",
}

// RatesSchema is the top level of *.rates.hcl files.
var RatesSchema = &FileSchema{Kind: RatesFile, Blocks: []*Block{RatesBlock}}

// isCurrencyCode reports whether s has the shape of an ISO 4217 code:
// three capital letters.
func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
