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

// Rules is the table of every diagnostic code, in alphabetical order: the
// codes lang reports itself, and the engine's rules.
var Rules = sortRules(append(engineRules(), []*Rule{
	// Reading the file.
	{Code: "syntax", Example: "base = ", Severity: engine.Error, Summary: "The file is not valid HCL syntax.",
		Help: "Fix the syntax at the marked position: a missing closing brace, quote or \"=\" is the usual cause. Nothing else in the file is checked until it parses."},
	{Code: "file-too-large", Example: "a pasted log of several megabytes", Severity: engine.Error, Summary: "The file is larger than offerkit reads (4 MiB).",
		Help: "Split it into several files in the same directory; they form one workspace."},
	{Code: "amount-too-large", Example: "shares = 1e12 with price = 1e12", Severity: engine.Error, Summary: "A computed figure passes the largest amount offerkit computes exactly ($45,035,996,273,704.96); it is reported at the value that caused it, never capped.",
		Help: "Check the value the error points at (share count, price, growth, bonus target) for a slip of several digits; the block's figures are not shown until then.", Silenceable: true},
	{Code: "not-regular-file", Example: "a *.offer.hcl name given to a FIFO or a link to /dev/zero", Severity: engine.Error, Summary: "The file is a device, a FIFO or a socket, not a regular file; it is not opened.",
		Help: "What to do depends on the kind of file, which the message names: save the text a named pipe (FIFO) should hold as a regular file of that name, or move the pipe out of the directory if a program needs it; move a socket out of the directory; remove a device node from it. offerkit reads regular files only, so that a special file cannot block or exhaust it."},
	{Code: "link-outside", Example: "notes.offer.hcl -> ../secret.env", Severity: engine.Error, Summary: "The file is a symbolic link to a file outside the directory being read; it is not read.",
		Help: "Copy the file into the directory instead of linking to it. offerkit follows links only inside the directory it reads, so that a link cannot bring another file's text (an environment, a key) into its output."},
	{Code: "unreadable-file", Example: "a *.offer.hcl file in the folder without read permission, or a link that loops", Severity: engine.Error, Summary: "A file of the folder being read cannot be opened or read; it is left out of the negotiation.",
		Help: "Give yourself read permission on the file (chmod u+r), replace a link that loops with the file, or move the file out of the folder. A file named on the command line that cannot be read stops the command instead (exit 2); a link in the folder to nothing (an editor's lock file) is passed over."},
	{Code: "not-utf8", Example: "a file saved as Latin-1", Severity: engine.Error, Summary: "The file is not UTF-8 text.",
		Help: "Re-save the file with UTF-8 encoding."},
	{Code: "empty-file", Example: "an empty draft.offer.hcl", Severity: engine.Error, Summary: "The file holds no blocks.",
		Help: "Add an offer, counter or candidate block (or band, cap and schedule blocks in a *.bands.hcl file), or delete the file.", Silenceable: true},

	{Code: "nesting-too-deep", Example: "base = [[[[[[...", Severity: engine.Error, Summary: "More than 64 brackets, braces, parentheses, template sequences (${ and %{) and if/for directives are open at once.",
		Help: "Close what is open; offer files are flat. The file is refused before it is parsed, since the parser recurses once per level: brackets are counted as the parser sees them, so those inside strings, heredocs and comments do not count."},
	{Code: "expression-too-complex", Example: "base = 1+1+1+... three hundred times", Severity: engine.Error, Summary: "One attribute holds more than 256 operators, or more than 4,000 numbers, names, strings and operators.",
		Help: "Write figures as plain numbers. The file is refused before it is parsed, since the parser recurses once per operator and its tree grows with each value."},
	{Code: "list-too-long", Example: "schedule = [1, 1, 1, ... a thousand times]", Severity: engine.Error, Summary: "One list, object or call holds more than 1,000 items.",
		Help: "Shorten the list: a vesting schedule has a few dozen entries at most. The file is refused before it is parsed, so that a huge list cannot exhaust memory."},
	{Code: "template-too-long", Example: "a heredoc of 600 lines", Severity: engine.Error, Summary: "The strings and heredocs of one attribute hold more than 500 lines or pieces of text (or so many pieces of so much text that joining them would take seconds).",
		Help: "Shorten the text or split it over several attributes; the HCL parser joins the pieces in time that grows with the square of their number."},
	{Code: "file-too-complex", Example: "a generated file of 30,000 numbers", Severity: engine.Error, Summary: "The file holds more than 20,000 numbers, names, strings and operators.",
		Help: "Split it into several files in the same directory; they form one workspace. The limit keeps the memory used for any file within 64 MB plus 40 times its size."},
	{Code: "too-many-items", Example: "a generated file of 10,000 attributes", Severity: engine.Error, Summary: "The file holds more than 5,000 attributes and blocks.",
		Help: "Split it into several files in the same directory; they form one workspace. The limit keeps the memory used for any file within 64 MB plus 40 times its size."},
	{Code: "workspace-too-large", Example: "a home directory opened as a workspace", Severity: engine.Error, Summary: "A directory holds more than 10,000 offer, band, tax and rates files, or more than 64 MiB of them; the files past the limit are not read.",
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
	{Code: "revision-cycle", Example: "offer a revises offer.b and offer b revises offer.a", Severity: engine.Error, Summary: "Versions of an offer revise each other in a loop.",
		Help: "One version of the chain is the first one the employer sent: remove its revises. Every version leading into the loop reports it too.", Silenceable: true},
	{Code: "revision-company", Example: "company = \"Globex\" in an offer that revises an Amazon offer", Severity: engine.Error, Summary: "A revision names another company than the version it revises.",
		Help: "A revision is the same employer's new version (companies are compared ignoring case and a trailing .com). For another employer's offer, remove revises: it is a competing offer.", Silenceable: true},
	{Code: "accepted-twice", Example: "accepted = \"2025-04-01\" on two Amazon offers", Severity: engine.Error, Summary: "Two versions of one employer's offers are recorded as accepted.",
		Help: "Keep the accepted date on the version you signed and remove the other.", Silenceable: true},
	{Code: "accepted-earlier", Example: "accepted on amazon_l6 while amazon_l6_final revises it", Severity: engine.Warning, Summary: "An accepted version has a later revision.",
		Help: "Move the accepted date to the version you signed, usually the latest one.", Silenceable: true},
	{Code: "unknown-reference", Example: "offer = offer.amazon_l5", Severity: engine.Error, Summary: "A counter answers, or a revision revises, an offer that is not in the directory.",
		Help: "Name an offer block of the same directory, as offer.<name>; a near-miss spelling is suggested.", Silenceable: true},
	{Code: "unknown-schedule", Example: "schedule = \"amazn\"", Severity: engine.Error, Summary: "A grant names a vesting schedule preset that does not exist.",
		Help: "Use a preset listed by 'offer bands', write yearly percentages such as [25, 25, 25, 25], or add a schedule block to a *.bands.hcl file.", Silenceable: true},

	// Findings about the figures and about a counter as a move in the
	// negotiation are engine rules (engine/rules.go), added by engineRules.
	{Code: "deprecated-refresher", Example: "bonus { refresher = 40000 }", Severity: engine.Warning, Summary: "A refresher grant is stated as a bonus term, which is never counted.",
		Help: "Move it into the equity block as refresh { value = ... } (the quick fix does), so the grants count as they vest.", Silenceable: true},

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
}...))

// engineRules describes each engine rule as the table does: its words
// are the rule's own, written once in engine/rules.go.
func engineRules() []*Rule {
	var out []*Rule
	for _, r := range engine.Rules() {
		out = append(out, &Rule{Code: r.Code, Severity: r.Severity, Summary: r.Summary, Help: r.Help, Example: r.Example, Flag: true, Silenceable: true})
	}
	return out
}

func sortRules(rs []*Rule) []*Rule {
	sort.Slice(rs, func(i, j int) bool { return rs[i].Code < rs[j].Code })
	return rs
}

// RulesDoc is the published docs/rules.md, generated from Rules
// (RulesMarkdown); each code has a section of its own.
const RulesDoc = "https://github.com/offerkit/offerkit/blob/main/docs/rules.md"

// Doc returns the address of the rule's documentation: its section of
// docs/rules.md. SARIF's helpUri is this address.
func (r *Rule) Doc() string { return RulesDoc + "#" + r.Code }

// RuleFor returns the rule of a code, or nil.
func RuleFor(code string) *Rule {
	i := sort.Search(len(Rules), func(i int) bool { return Rules[i].Code >= code })
	if i < len(Rules) && Rules[i].Code == code {
		return Rules[i]
	}
	return nil
}
