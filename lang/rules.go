package lang

import (
	"sort"

	"github.com/offerkit/offerkit/engine"
)

// This file lists every diagnostic code offerkit reports, with the text
// that explains it. SARIF output (rule metadata), hovers on a code and
// docs/rules.md follow this table; a test checks that every code the lang
// and engine packages can emit is listed here.

// Rule documents one diagnostic code.
type Rule struct {
	Code     string
	Severity engine.Severity // the usual severity; a few flags vary with the case
	Summary  string          // one line: what is wrong
	Help     string          // what to do about it
	// Flag is set for findings about an offer's figures (from the engine),
	// as opposed to problems with the file itself.
	Flag bool
	// Silenceable is false for codes that "# offer:ignore" cannot silence:
	// a file that does not parse, and the suppression codes themselves.
	Silenceable bool
}

// Rules is the table of every diagnostic code, in alphabetical order.
var Rules = sortRules([]*Rule{
	// Reading the file.
	{Code: "syntax", Severity: engine.Error, Summary: "The file is not valid HCL syntax.",
		Help: "Fix the syntax at the marked position: a missing closing brace, quote or \"=\" is the usual cause. Nothing else in the file is checked until it parses."},
	{Code: "file-too-large", Severity: engine.Error, Summary: "The file is larger than offerkit reads (4 MiB).",
		Help: "Split it into several files in the same directory; they form one workspace."},
	{Code: "not-utf8", Severity: engine.Error, Summary: "The file is not UTF-8 text.",
		Help: "Re-save the file with UTF-8 encoding."},
	{Code: "empty-file", Severity: engine.Error, Summary: "The file holds no blocks.",
		Help: "Add an offer, counter or candidate block (or band, cap and schedule blocks in a *.bands.hcl file), or delete the file.", Silenceable: true},

	// Structure.
	{Code: "unknown-block", Severity: engine.Error, Summary: "A block type the offer language does not have, or one in the wrong place.",
		Help: "Use one of the block types the message lists; a near-miss spelling is suggested.", Silenceable: true},
	{Code: "unknown-attribute", Severity: engine.Error, Summary: "An attribute the block does not have.",
		Help: "Use one of the attributes the message lists; a near-miss spelling is suggested. See docs/format.md for each block's attributes.", Silenceable: true},
	{Code: "missing-attribute", Severity: engine.Error, Summary: "A required attribute is missing.",
		Help: "Add the attribute the message names, such as base = 195000 in an offer.", Silenceable: true},
	{Code: "duplicate-attribute", Severity: engine.Error, Summary: "An attribute is set twice in one block.",
		Help: "Keep one of the two.", Silenceable: true},
	{Code: "duplicate-block", Severity: engine.Error, Summary: "A block that may appear once appears twice.",
		Help: "Merge the two blocks (for example two sign_on blocks in one offer, or two candidate blocks in a directory).", Silenceable: true},
	{Code: "duplicate-name", Severity: engine.Error, Summary: "Two offers, or two counters, share a name in one directory.",
		Help: "Rename one of them; references such as offer.<name> and the command line use the name.", Silenceable: true},
	{Code: "block-labels", Severity: engine.Error, Summary: "A block has the wrong number of labels.",
		Help: "Write the block header as the message shows, such as offer \"amazon_l6\" { ... }.", Silenceable: true},
	{Code: "conflicting-attributes", Severity: engine.Error, Summary: "Two attributes that exclude each other are both set.",
		Help: "Keep one: an equity grant is stated either as value or as shares with a price.", Silenceable: true},

	// Values.
	{Code: "wrong-type", Severity: engine.Error, Summary: "A value of the wrong type.",
		Help: "Write the value as the message shows: money as a plain number (195000), dates as strings (\"2025-03-10\"), references as offer.<name>.", Silenceable: true},
	{Code: "invalid-value", Severity: engine.Error, Summary: "A value outside what the attribute accepts.",
		Help: "Write a value in the range the message gives.", Silenceable: true},
	{Code: "negative-value", Severity: engine.Error, Summary: "A negative amount where only positive ones make sense.",
		Help: "Write the amount as a positive number.", Silenceable: true},
	{Code: "money-precision", Severity: engine.Error, Summary: "An amount with a fraction of a cent.",
		Help: "Round the amount to two decimals.", Silenceable: true},
	{Code: "number-too-large", Severity: engine.Error, Summary: "A number larger than any compensation figure (10^12).",
		Help: "Check the number of digits.", Silenceable: true},
	{Code: "schedule-sum", Severity: engine.Error, Summary: "A vesting schedule's yearly percentages do not add up to 100.",
		Help: "Make the yearly percentages add up to 100, such as [25, 25, 25, 25].", Silenceable: true},

	// References.
	{Code: "unknown-reference", Severity: engine.Error, Summary: "A counter answers an offer that is not in the directory.",
		Help: "Name an offer block of the same directory, as offer.<name>; a near-miss spelling is suggested.", Silenceable: true},
	{Code: "unknown-schedule", Severity: engine.Error, Summary: "A grant names a vesting schedule preset that does not exist.",
		Help: "Use a preset listed by 'offer bands', write yearly percentages such as [25, 25, 25, 25], or add a schedule block to a *.bands.hcl file.", Silenceable: true},

	// Findings about the figures (engine flags).
	{Code: "base-over-cap", Severity: engine.Error, Summary: "The base salary is above the level's base cap.", Flag: true,
		Help: "Ask for base at the cap and move the excess into sign-on or equity; the quick fix does that.", Silenceable: true},
	{Code: "cliff", Severity: engine.Warning, Summary: "A year pays markedly less than the year before (a compensation cliff).", Flag: true,
		Help: "Plan for the drop: ask for more equity or a later-year sign-on; the message says how much would level the years.", Silenceable: true},
	{Code: "below-band", Severity: engine.Warning, Summary: "A component is below its market band.", Flag: true,
		Help: "There is room to ask for more on that component; the message gives the band.", Silenceable: true},
	{Code: "above-band", Severity: engine.Info, Summary: "A component is above its market band.", Flag: true,
		Help: "Expect little room to raise that component further; negotiate other levers.", Silenceable: true},
	{Code: "below-median", Severity: engine.Info, Summary: "The year-1 total is under the band's median.", Flag: true,
		Help: "There is room to negotiate; the message gives the percentile and the median.", Silenceable: true},
	{Code: "equity-in-shares", Severity: engine.Hint, Summary: "The grant is stated as a share count.", Flag: true,
		Help: "Its value moves with the share price; compare offers by value, and ask for the grant in dollars where you can.", Silenceable: true},
	{Code: "unknown-band", Severity: engine.Warning, Summary: "No market band matches the offer's level, track and location.", Flag: true,
		Help: "Fix the level, track or location, or add a band block for them to a *.bands.hcl file.", Silenceable: true},

	// Suppression comments.
	{Code: "unused-ignore", Severity: engine.Warning, Summary: "An \"# offer:ignore\" comment silences nothing.",
		Help: "Remove the comment, or fix its code: it silences that code on the line right below it only."},
	{Code: "ignore-missing-reason", Severity: engine.Warning, Summary: "An \"# offer:ignore\" comment gives no reason.",
		Help: "Write why the finding does not apply after the code: # offer:ignore below-median signing bonus agreed verbally."},
})

func sortRules(rs []*Rule) []*Rule {
	sort.Slice(rs, func(i, j int) bool { return rs[i].Code < rs[j].Code })
	return rs
}

// RuleFor returns the rule of a code, or nil.
func RuleFor(code string) *Rule {
	i := sort.Search(len(Rules), func(i int) bool { return Rules[i].Code >= code })
	if i < len(Rules) && Rules[i].Code == code {
		return Rules[i]
	}
	return nil
}
