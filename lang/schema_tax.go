package lang

// This file defines the blocks of *.tax.hcl files: the tables behind the
// after-tax estimates (engine/tax).

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
