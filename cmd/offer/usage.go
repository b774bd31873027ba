package main

import (
	"fmt"
	"strings"

	"github.com/offerkit/offerkit/engine"
)

// This file holds each command's -h text, which offer help prints with
// the command's flags and examples (help.go).
const (
	usageBands = "Usage: offer bands [--bands FILE] [PATH]\n\nLists the bands, caps and schedules active for the negotiation of PATH.\n" +
		onePath + exitReads
	usageChecklist = "Usage: offer checklist [--format text|json] [--bands FILE] [PATH]\n\n" +
		"Goes through the whole preparation of the negotiation of PATH, before, during and after\n" +
		"it: each item done [x], missing [ ], shown [i] (offerkit cannot know whether you looked,\n" +
		"so it shows the figure) or not applicable yet [-], with where the files show it or what\n" +
		"to add. See docs/counters.md.\n" + onePath + exitReads
	usageCompare    = "Usage: offer compare [--counters] [--scenarios [Company=]-30,0,30]... [--currency CODE [--fx CODE=-10,0,10]...] [--after-tax] [--calendar] [--format table|markdown|json|html] [--chart|--no-chart] [-o FILE] [--bands FILE] [PATH...]\n\nPuts every offer side by side: each year's total and its parts, the 4-year\ntotal and average, hourly figure, band percentile, cliffs, and each offer's\nrank per year (#1 pays most). --scenarios recomputes under stock-price changes,\nfor every company or per company, and says which offer wins under each;\n--currency converts every offer at the rates of *.rates.hcl files; --after-tax\nadds the pay after tax (an estimate). See docs/compare.md.\nExit status: 0 ok, 1 the files have errors (reported on stderr), a rate is missing\nor -o names a file offerkit will not write (a link, a read-only file, one of the\nfiles read), 2 could not run."
	usageCompletion = "Usage: offer completion bash|zsh|fish\n       offer completion --names offer|counter\n\n" +
		"Prints a completion script for the shell: commands, flags, formats, levers and email kinds,\n" +
		"and the names of the offers and counters in the current directory for --offer and --counter,\n" +
		"which the scripts get from --names (one a line)."
	usageCounter = "Usage: offer counter --offer NAME [--write [--force]] [--bands FILE] [PATH]\n\n" +
		"Drafts a counter-proposal to offer NAME of the negotiation of PATH, the one the editor's\n" +
		"\"Insert counter-proposal\" action inserts: each of base, sign-on and grant at the candidate's\n" +
		"target percentile (default 75) of the offer's band, base kept under the level's cap, levers\n" +
		"already there left as offered; with no band for the offer, a counter that asks for nothing\n" +
		"yet. It prints the block, or with --write inserts it on the line after the offer in the\n" +
		"offer's file (named NAME_counter, numbered when taken; round one more than the offer's\n" +
		"counters). See docs/counters.md.\n" + onePath + exitDrafts
	usageDiff  = "Usage: offer diff [--format text|json|markdown|html] [--bands FILE] OLD NEW\n       offer diff [--format text|json|markdown|html] [--bands FILE] --git REV [PATH...]\n\nCompares two versions of offer files by what they pay: per offer and counter,\nthe levers that changed and by how much, each year's total before and after,\nand the 4-year change. OLD and NEW are files or git revisions REV:PATH\n(PATH from the top of the repository, or ./PATH from the current directory).\nExit status: 0 ok, 1 a version has errors (reported on stderr) or a file the reading\nrules refuse (a version compared, or a --bands file), 2 could not run."
	usageEmail = "Usage: offer email round1|followup|accept [--counter NAME | --offer NAME] [--write [--force]] [--bands FILE] [PATH]\n\n" +
		"Drafts an email from the files of the negotiation of PATH:\n" +
		"  round1    the first counter, every ask with its reason\n" +
		"  followup  a later round's ask\n" +
		"  accept    the acceptance, listing the terms of the employer's version being accepted (never an ask)\n" +
		"[[...]] marks what the files do not say; replace it before you send the email.\n" +
		"With --write the email is kept as an email \"KIND\" block in the counter (with --offer, in that\n" +
		"offer block: the acceptance email of the version you accept, say), replacing one of the same kind.\n" +
		onePath + exitDrafts
	usageFmt     = "Usage: offer fmt [-check] [-diff] [-w [-force]] [PATH...]\n\nLays out offer, band, tax and rates files (*.offer.hcl, *.bands.hcl, *.tax.hcl,\n*.rates.hcl) the canonical way (docs/fmt.md).\nWithout -w, -check or -diff it prints the formatted text; PATH - reads standard input.\nFiles with syntax errors are never rewritten.\nExit status: 0 ok, 1 syntax errors, or a file the reading or writing rules refuse (a link;\nwith -w, a read-only file without -force), or with -check files to format; 2 could not run."
	usageHistory = "Usage: offer history [--format text|json|markdown|html] [--bands FILE] FILE|DIR\n\nWalks FILE's git log (following renames), oldest first, and prints one row per\ncommit and offer or counter: date, subject, year-1 total, 4-year total and the\nchange from the previous row of the same offer or counter. Given a directory,\nthe history of the whole negotiation: one row per offer or counter per commit\nthat added, changed, renamed or deleted its file, each valued with the files of\nits directory at that commit. A row that cannot be valued says why, below the table.\nExit status: 0 every row valued, 1 a row could not be valued in full (errors in\nthe files at that commit, or a version the reading rules refuse), 2 could not run."
	usageInitGit = "Usage: offer init-git [--command CMD] [--force]\n\nSets up the current git repository so that 'git diff' and 'git log -p' show\nthe figures of offer and band files next to the changed lines:\n  .gitattributes:   *.offer.hcl diff=offer, *.bands.hcl diff=offer\n  git config:       diff.offer.textconv \"offer textconv\", diff.offer.xfuncname\nRunning it again changes nothing; --force replaces another diff.offer.textconv setting."
	usageLint    = "Usage: offer lint [--format text|json|sarif|github] [--max-warnings N] [--bands FILE] [PATH...]\n\nChecks offer, band, tax and rates files (*.offer.hcl, *.bands.hcl, *.tax.hcl, *.rates.hcl;\ndefault: the current directory).\nA comment \"# offer:ignore <code> <reason>\" silences that code on the next line.\nExit status: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 could not run."
	usageLsp     = "Usage: offer lsp [--stdio] [--debug] [--bands FILE]\n\nServes the Language Server Protocol on stdin and stdout for editors.\nLogs go to stderr; they hold no figures from your files unless --debug is given."
	usageReport  = "Usage: offer report [--format text|json|html|svg] [-o FILE] [--calendar] [--after-tax] [--chart|--no-chart] [--bands FILE] [PATH...]\n\nShows each offer and counter year by year: base, sign-on, equity, other pay,\nthe 4-year total and average, the band percentile and the flags; pay beyond\nthe total (refreshers, retirement match, ESPP, benefits) and what is\nguaranteed against assumed; with --after-tax, the taxes and net pay.\n--format html writes one self-contained page with charts; --format svg the chart alone.\nExit status: 0 ok, 1 the files have errors (reported on stderr) or -o names a file\nofferkit will not write (a link, a read-only file, one of the files read), 2 could not run."
	usageTax     = "Usage: offer tax [PATH]\n\nLists the tax tables active for the negotiation of PATH: the built-in ones and its\n*.tax.hcl files, each figure's year and source, the locations each region covers, and\nthe exchange rates of its *.rates.hcl files. See docs/format.md#after-tax.\n" +
		onePath + "Exit status: 0 ok, 1 a file the reading rules refuse (one of the folder's, or PATH) or\na PATH that is not a folder nor such a file, 2 could not run (no such PATH)."
	usageTimeline = "Usage: offer timeline [--format text|json] [--bands FILE] [PATH]\n\n" +
		"Lists, per company, every version of the employer's offer and every counter of the\n" +
		"negotiation of PATH in order: date, round, who sent it, 4-year total, change against the\n" +
		"previous step, approval tier for counters, outcome. See docs/counters.md.\n" + onePath +
		"Exit status: 0 ok, 1 a file the reading rules refuse (one of the folder's, PATH, or a\n" +
		"--bands file), a PATH that is not a folder nor such a file, or (as text) no offer that\n" +
		"could be read, 2 could not run (no such PATH)."
	usageVersion = "Usage: offer version [--format text|json]\n\n" +
		"Prints the module version, the commit and its time, and the Go version the binary\n" +
		"was built with, from the build information (a build has no date, so builds repeat)."
	usageScriptf = "Usage: offer script LEVER|questions [--counter NAME | --offer NAME] [--write [--force]] [--bands FILE] [PATH]\n\n" +
		"Prints what to say about one lever of a counter, filled from the files of the negotiation\n" +
		"of PATH. Levers: %s.\n" +
		"'questions' prints answers to the recruiter's usual questions about money.\n" +
		"[[...]] marks what the files do not say; replace it before you use the text.\n" +
		"With --write the script is kept as a script \"LEVER\" block in the counter (with --offer, in\n" +
		"that offer block), and the answers as script \"questions\" in the candidate block (added when\n" +
		"missing), replacing a block with the same label, as the editor's action does.\n" + // %s: the levers
		onePath + exitDrafts
)

// The commands on one negotiation (bands, tax, checklist, timeline,
// script, email, counter) read it alike (loadWorkspace): what PATH is, and
// their exit status.
const (
	onePath = "PATH (default: the current directory) is the negotiation's folder, or one of its offer,\n" +
		"band, tax or rates files: only that folder's own offer, band, tax and rates files are read,\n" +
		"not its subfolders'.\n"
	exitReads = "Exit status: 0 ok, 1 a file the reading rules refuse (one of the folder's, PATH, or a\n" +
		"--bands file) or a PATH that is not a folder nor such a file, 2 could not run (no such PATH)."
	exitDrafts = "Exit status: 0 ok, 1 a file the reading rules refuse (one of the folder's, PATH, or a\n" +
		"--bands file), a PATH that is not a folder nor such a file, a block asked about that has\n" +
		"no figures because the files have errors, or with --write a file offerkit will not write\n" +
		"(a link, a read-only file without --force), 2 could not run (bad usage, no such PATH, a\n" +
		"name no block has, no offer to draft from)."
)

// usageScript names the levers engine knows.
var usageScript = fmt.Sprintf(usageScriptf, strings.Join(engine.LeverNames, ", "))
