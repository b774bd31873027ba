package lang

// This file defines the rates block of *.rates.hcl files: exchange rates
// that convert offers in other currencies (offer compare --currency).

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
