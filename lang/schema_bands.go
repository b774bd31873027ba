package lang

// This file defines the blocks of *.bands.hcl files.

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

// BandsSchema is the top level of *.bands.hcl files.
var BandsSchema = &FileSchema{Kind: BandsFile, Blocks: []*Block{BandBlock, CapBlock, ScheduleBlock, SourceBlock, PolicyBlock}}
