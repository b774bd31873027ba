package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
)

// Exit codes shared by every command.
const (
	exitOK       = 0 // success; no errors found
	exitFindings = 1 // the files have errors, a file the reading or writing rules refuse included (fileFailure), as input or as output; or, with -check, need changes
	exitUsage    = 2 // the command could not run: bad usage, a path that does not exist or cannot be opened, created or written
)

// env is what a command may touch: its arguments, its flags and the
// standard streams.
type env struct {
	args   []string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// describe, when set, receives the command's flag set instead of
	// parsing the arguments (the command then stops).
	describe func(*flag.FlagSet)
	// inputs are the files a command read (load.go), which -o refuses
	// to overwrite.
	inputs []string
	// refused is set when a file was left out by the reading rules
	// (reportRefused): the command exits 1, also when what it was asked
	// for is not found (it may be in that file).
	refused bool
	options               // the values of its flags (flags.go)
	flags   *flag.FlagSet // its flag set: its name and usage
}

// command is one subcommand: its row in offer help, its -h text, the flags
// it shares with others (declared from the row, flags.go), its own flags
// and what it runs with its arguments, once the flags are parsed (start).
type command struct {
	name    string
	summary string
	usage   string                             // the -h text (usage.go)
	formats []string                           // --format's values, the default first; none: no --format
	bands   bool                               // --bands FILE
	output  bool                               // -o FILE, --chart and --no-chart
	args    argKind                            // what it takes besides the flags
	flags   func(fs *flag.FlagSet, o *options) // its own flags, if any
	run     func(e *env, args []string) int
}

// argKind is what a command takes besides its flags.
type argKind int

const (
	anyArgs argKind = iota // arguments, checked by the command
	noArgs                 // none
	rawArgs                // everything as it stands: it parses no flags (textconv, help)
)

// commands is the table of subcommands; each lives in its own file.
var commands = []command{
	{name: "lint", summary: "check offer and band files and print diagnostics", usage: usageLint, formats: []string{"text", "json", "sarif", "github"}, bands: true, flags: lintFlags, run: runLint},
	{name: "report", summary: "show what each offer and counter is worth, year by year", usage: usageReport, formats: []string{"text", "json", "html", "svg"}, bands: true, output: true, flags: reportFlags, run: runReport},
	{name: "compare", summary: "put offers side by side: yearly ranks, stock-price scenarios, calendar years", usage: usageCompare, formats: []string{"table", "markdown", "json", "html"}, bands: true, output: true, flags: compareFlags, run: runCompare},
	{name: "bands", summary: "list the active bands, caps and schedules with their sources", usage: usageBands, bands: true, run: onWorkspace(loadFolderForCheck, runBands)},
	{name: "tax", summary: "list the active tax tables and exchange rates with their sources", usage: usageTax, run: onWorkspace(loadFolderForCheck, runTax)},
	{name: "lsp", summary: "serve the Language Server Protocol on stdio for editors", usage: usageLsp, bands: true, args: noArgs, flags: lspFlags, run: runLSP},
	{name: "version", summary: "print the version", usage: usageVersion, formats: []string{"text", "json"}, args: noArgs, run: runVersion},
	{name: "fmt", summary: "lay out offer and band files the canonical way", usage: usageFmt, flags: fmtFlags, run: runFmt},
	{name: "diff", summary: "compare two versions of offer files by what they pay", usage: usageDiff, formats: []string{"text", "json", "markdown", "html"}, bands: true, flags: diffFlags, run: runDiff},
	{name: "history", summary: "show what an offer file, or a whole negotiation directory, paid at each commit", usage: usageHistory, formats: []string{"text", "json", "markdown", "html"}, bands: true, run: runHistory},
	{name: "textconv", summary: "print a file with a summary of its figures (git diff driver)", args: rawArgs, run: runTextconv},
	{name: "init-git", summary: "set up git to show figure changes in diffs of offer files", usage: usageInitGit, args: noArgs, flags: initGitFlags, run: runInitGit},
	{name: "script", summary: "print what to say about one lever of a counter", usage: usageScript, bands: true, flags: textFlags, run: runScript},
	{name: "email", summary: "draft the round-1, follow-up or acceptance email", usage: usageEmail, bands: true, flags: textFlags, run: runEmail},
	{name: "counter", summary: "draft a counter-proposal to an offer (what the editor inserts)", usage: usageCounter, bands: true, flags: counterFlags, run: runCounter},
	{name: "checklist", summary: "say which preparations are done and which are missing", usage: usageChecklist, formats: []string{"text", "json"}, bands: true, run: onWorkspace(loadFolder, runChecklist)},
	{name: "timeline", summary: "list every version and counter of each negotiation in order", usage: usageTimeline, formats: []string{"text", "json"}, bands: true, run: onWorkspace(loadFolder, runTimeline)},
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || len(args) == 1 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "--version" || args[0] == "-version" {
		args[0] = "version"
	}
	for _, c := range commands {
		if c.name == args[0] {
			e := &env{args: args[1:], stdin: stdin, stdout: stdout, stderr: stderr}
			code := c.start(e)
			if e.refused {
				code = exitFindings
			}
			return code
		}
	}
	fmt.Fprintf(stderr, "offer: unknown command %q; run 'offer help' for the list\n", args[0])
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "offer: job-offer documents, checked and valued.\n\nUsage: offer <command> [flags] [PATH...]\n\nCommands:")
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'offer help <command>' for a command's flags and examples. Docs: docs/format.md, docs/rules.md.")
}
