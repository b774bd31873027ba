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
	Example  string          // a line that triggers it
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
	{Code: "syntax", Example: "base = ", Severity: engine.Error, Summary: "The file is not valid HCL syntax.",
		Help: "Fix the syntax at the marked position: a missing closing brace, quote or \"=\" is the usual cause. Nothing else in the file is checked until it parses."},
	{Code: "file-too-large", Example: "a pasted log of several megabytes", Severity: engine.Error, Summary: "The file is larger than offerkit reads (4 MiB).",
		Help: "Split it into several files in the same directory; they form one workspace."},
	{Code: "not-utf8", Example: "a file saved as Latin-1", Severity: engine.Error, Summary: "The file is not UTF-8 text.",
		Help: "Re-save the file with UTF-8 encoding."},
	{Code: "empty-file", Example: "an empty draft.offer.hcl", Severity: engine.Error, Summary: "The file holds no blocks.",
		Help: "Add an offer, counter or candidate block (or band, cap and schedule blocks in a *.bands.hcl file), or delete the file.", Silenceable: true},

	{Code: "nesting-too-deep", Example: "base = [[[[[[...", Severity: engine.Error, Summary: "More than 64 brackets, braces or parentheses are open at once.",
		Help: "Close what is open; offer files are flat. They are counted everywhere, comments and strings included, and the file is not parsed, so that hostile input cannot exhaust the parser."},
	{Code: "expression-too-complex", Example: "base = 1+1+1+... twenty thousand times", Severity: engine.Error, Summary: "The file holds more than 20,000 operator characters (+ - * / % ! ? : & | < > =).",
		Help: "Write figures as plain numbers. They are counted everywhere, text included, and the file is not parsed, so that a long chain cannot exhaust the parser."},
	{Code: "workspace-too-large", Example: "a home directory opened as a workspace", Severity: engine.Error, Summary: "A directory holds more than 10,000 offer and band files, or more than 64 MiB of them; the files past the limit are not read.",
		Help: "Keep one negotiation per directory."},

	{Code: "unformattable", Example: "base = 270. 0", Severity: engine.Error, Summary: "offer fmt cannot lay the file out without changing what a line says.",
		Help: "Remove the stray space inside the expression the message points at; offer fmt leaves the file as it is until then."},

	// Structure.
	{Code: "unknown-block", Example: "ofer \"x\" { }", Severity: engine.Error, Summary: "A block type the offer language does not have, or one in the wrong place.",
		Help: "Use one of the block types the message lists; a near-miss spelling is suggested.", Silenceable: true},
	{Code: "unknown-attribute", Example: "bse = 195000", Severity: engine.Error, Summary: "An attribute the block does not have.",
		Help: "Use one of the attributes the message lists; a near-miss spelling is suggested. See docs/format.md for each block's attributes.", Silenceable: true},
	{Code: "missing-attribute", Example: "a counter without offer = offer.<name>", Severity: engine.Error, Summary: "A required attribute is missing.",
		Help: "Add the attribute the message names, such as base = 195000 in an offer.", Silenceable: true},
	{Code: "duplicate-attribute", Example: "base = 195000 twice in one offer", Severity: engine.Error, Summary: "An attribute is set twice in one block.",
		Help: "Keep one of the two.", Silenceable: true},
	{Code: "duplicate-block", Example: "two candidate blocks in one directory", Severity: engine.Error, Summary: "A block that may appear once appears twice.",
		Help: "Merge the two blocks (for example two sign_on blocks in one offer, or two candidate blocks in a directory).", Silenceable: true},
	{Code: "duplicate-name", Example: "offer \"a\" in two files of one directory", Severity: engine.Error, Summary: "Two offers, or two counters, share a name in one directory.",
		Help: "Rename one of them; references such as offer.<name> and the command line use the name.", Silenceable: true},
	{Code: "block-labels", Example: "offer { ... }", Severity: engine.Error, Summary: "A block has the wrong number of labels.",
		Help: "Write the block header as the message shows, such as offer \"amazon_l6\" { ... }.", Silenceable: true},
	{Code: "conflicting-attributes", Example: "value and shares in one equity block", Severity: engine.Error, Summary: "Two attributes that exclude each other are both set.",
		Help: "Keep one: an equity grant is stated either as value or as shares with a price.", Silenceable: true},

	// Values.
	{Code: "wrong-type", Example: "base = \"lots\"", Severity: engine.Error, Summary: "A value of the wrong type.",
		Help: "Write the value as the message shows: money as a plain number (195000), dates as strings (\"2025-03-10\"), references as offer.<name>.", Silenceable: true},
	{Code: "invalid-value", Example: "received = \"10/03/2025\"", Severity: engine.Error, Summary: "A value outside what the attribute accepts.",
		Help: "Write a value in the range the message gives.", Silenceable: true},
	{Code: "negative-value", Example: "base = -5", Severity: engine.Error, Summary: "A negative amount where only positive ones make sense.",
		Help: "Write the amount as a positive number.", Silenceable: true},
	{Code: "money-precision", Example: "base = 1.005", Severity: engine.Error, Summary: "An amount with a fraction of a cent.",
		Help: "Round the amount to two decimals.", Silenceable: true},
	{Code: "number-too-large", Example: "base = 1e400", Severity: engine.Error, Summary: "A number larger than any compensation figure (10^12).",
		Help: "Check the number of digits.", Silenceable: true},
	{Code: "schedule-sum", Example: "schedule = [5, 15, 40, 30]", Severity: engine.Error, Summary: "A vesting schedule's yearly percentages do not add up to 100.",
		Help: "Make the yearly percentages add up to 100, such as [25, 25, 25, 25].", Silenceable: true},

	// References.
	{Code: "unknown-reference", Example: "offer = offer.amazon_l5", Severity: engine.Error, Summary: "A counter answers an offer that is not in the directory.",
		Help: "Name an offer block of the same directory, as offer.<name>; a near-miss spelling is suggested.", Silenceable: true},
	{Code: "unknown-schedule", Example: "schedule = \"amazn\"", Severity: engine.Error, Summary: "A grant names a vesting schedule preset that does not exist.",
		Help: "Use a preset listed by 'offer bands', write yearly percentages such as [25, 25, 25, 25], or add a schedule block to a *.bands.hcl file.", Silenceable: true},

	// Findings about the figures (engine flags).
	{Code: "base-over-cap", Example: "L6 base = 235000 against the 220,000 cap", Severity: engine.Error, Summary: "The base salary is above the level's base cap.", Flag: true,
		Help: "Ask for base at the cap and move the excess into sign-on or equity; the quick fix does that.", Silenceable: true},
	{Code: "cliff", Example: "sign-on 150,000/120,000 and a 300,000 grant on 5/15/40/40: year 3 pays 45,000 less than year 1", Severity: engine.Warning, Summary: "A year pays markedly less than the year before (a compensation cliff).", Flag: true,
		Help: "Plan for the drop: ask for more equity or a later-year sign-on; the message says how much would level the years.", Silenceable: true},
	{Code: "below-band", Example: "a year-1 total of 200,000 in a 230,000-320,000 band", Severity: engine.Warning, Summary: "A component is below its market band.", Flag: true,
		Help: "There is room to ask for more on that component; the message gives the band.", Silenceable: true},
	{Code: "above-band", Example: "a 270,000 sign-on in a 100,000-200,000 band", Severity: engine.Info, Summary: "A component is above its market band.", Flag: true,
		Help: "Expect little room to raise that component further; negotiate other levers.", Silenceable: true},
	{Code: "below-median", Example: "a year-1 total at p36", Severity: engine.Info, Summary: "The year-1 total is under the band's median.", Flag: true,
		Help: "There is room to negotiate; the message gives the percentile and the median.", Silenceable: true},
	{Code: "equity-in-shares", Example: "shares = 2150 and price = 186.05", Severity: engine.Hint, Summary: "The grant is stated as a share count.", Flag: true,
		Help: "Its value moves with the share price; compare offers by value, and ask for the grant in dollars where you can.", Silenceable: true},
	{Code: "deprecated-refresher", Example: "bonus { refresher = 40000 }", Severity: engine.Warning, Summary: "A refresher grant is stated as a bonus term, which is never counted.",
		Help: "Move it into the equity block as refresh { value = ... } (the quick fix does), so the grants count as they vest.", Silenceable: true},
	{Code: "unknown-band", Example: "level \"L6\", track \"SDE\", location \"Denver\"", Severity: engine.Warning, Summary: "No market band matches the offer's level, track and location.", Flag: true,
		Help: "Fix the level, track or location, or add a band block for them to a *.bands.hcl file.", Silenceable: true},

	// Findings about a counter as a move in the negotiation (counter rules, docs/counters.md).
	{Code: "approval", Example: "a counter adding 230,000 to a 1,405,000 four-year total (+16.4%)", Severity: engine.Info, Summary: "Who usually signs off the counter's increase of the 4-year total.", Flag: true,
		Help: "Nothing to fix. Up to 10% is the recruiter's call, over 10% up to 20% the hiring manager's, over 20% up to 30% a director's, above 30% a VP's or the compensation committee's (bounds inclusive; change them in a policy block of a band file). Above the first tier, give the recruiter the market figures and reasons to carry the ask upward.", Silenceable: true},
	{Code: "outside-room", Example: "base 195,000 -> 230,000 (+17.9%, the usual room is 5-15%)", Severity: engine.Warning, Summary: "An ask raises base, sign-on or the grant value by more than the usual room.", Flag: true,
		Help: "Ask for the figure at the top of the room (the message gives it) or less, and put the rest on another lever; the quick fix sets base or the grant value to the top of the room.", Silenceable: true},
	{Code: "too-many-levers", Example: "round = 1 restating base, sign_on, equity and start", Severity: engine.Warning, Summary: "A round asks on too many levers: more than 3 in round 1, more than 1 in a later round.", Flag: true,
		Help: "Keep the levers that move the 4-year total most and ask the rest in a later round. Levers: base, sign_on, equity, start, level (with promotion), flexibility (with relocation), bonus (with bonus_target).", Silenceable: true},
	{Code: "quick-response", Example: "received = \"2025-03-10\" and sent = \"2025-03-11\"", Severity: engine.Warning, Summary: "The counter is sent less than 48 hours after the offer arrived.", Flag: true,
		Help: "Take at least 48 hours: date the counter two days after the offer or later. Files hold dates only, so a counter dated the day the offer arrived or the day after is flagged, as is one dated before it.", Silenceable: true},
	{Code: "below-walk-away", Example: "a 4-year average of 351,250 against walk_away = 360000", Severity: engine.Warning, Summary: "An offer's or a counter's 4-year average is under your walk-away number.", Flag: true,
		Help: "Counter to close the gap, or be ready to decline; on a counter, even granting every ask leaves you under the number you set.", Silenceable: true},
	{Code: "unfilled-placeholder", Example: "Dear [[recruiter's name]],", Severity: engine.Warning, Summary: "A [[placeholder]] is left in a counter's script or email block.",
		Help: "Replace it with your own words, or delete the sentence, before you use the text: it stands for a fact the files do not hold.", Silenceable: true},

	// Preparation (editors only).
	{Code: "checklist", Example: "a walk_away missing from the candidate block", Severity: engine.Info, Summary: "A preparation the checklist finds missing (the editor shows what `offer checklist` prints, at the place it concerns).",
		Help: "Do what the message says (set walk_away, record a competing offer, plan for a cliff, list every term in the acceptance email), or run offer checklist for the whole list.", Silenceable: true},

	// Suppression comments.
	{Code: "unused-ignore", Example: "# offer:ignore below-band above a line with no below-band finding", Severity: engine.Warning, Summary: "An \"# offer:ignore\" comment silences nothing.",
		Help: "Remove the comment, or fix its code: it silences that code on the line right below it only."},
	{Code: "ignore-missing-reason", Example: "# offer:ignore cliff", Severity: engine.Warning, Summary: "An \"# offer:ignore\" comment gives no reason.",
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
