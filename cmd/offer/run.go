package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/offerkit/offerkit/lang"
)

// Exit codes shared by every command.
const (
	exitOK       = 0 // success; no errors found
	exitFindings = 1 // the files have errors (or, with -check, need changes)
	exitUsage    = 2 // the command could not run: bad usage, a path that does not exist or cannot be opened
)

// readFailure is the exit code of a file that could not be read: 1 when
// the reading rules refused it (a *lang.Refusal: a device, FIFO or socket,
// a link out of its directory, a file over the size limit; or, for fmt,
// which rewrites files, any link: lang.ErrSymlink), an error in the input
// as lint reports a refused file, wherever it is named; 2 when it does not
// exist or cannot be opened.
func readFailure(err error) int {
	var refused *lang.Refusal
	if errors.As(err, &refused) || errors.Is(err, lang.ErrSymlink) {
		return exitFindings
	}
	return exitUsage
}

// env is what a command may touch: its arguments and standard streams.
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
	// (reportRefused): a command that would exit 0 exits 1.
	refused bool
	// format is the command's --format and the values it allows
	// (formatFlag), which parseFlags checks.
	format  *string
	formats []string
}

type command struct {
	name    string
	summary string
	run     func(e *env) int
}

// commands is the table of subcommands; each lives in its own file.
var commands = []command{
	{"lint", "check offer and band files and print diagnostics", runLint},
	{"report", "show what each offer and counter is worth, year by year", runReport},
	{"compare", "put offers side by side: yearly ranks, stock-price scenarios, calendar years", runCompare},
	{"bands", "list the active bands, caps and schedules with their sources", runBands},
	{"tax", "list the active tax tables and exchange rates with their sources", runTax},
	{"lsp", "serve the Language Server Protocol on stdio for editors", runLSP},
	{"version", "print the version", runVersion},
	{"fmt", "lay out offer and band files the canonical way", runFmt},
	{"diff", "compare two versions of offer files by what they pay", runDiff},
	{"history", "show what an offer file, or a whole negotiation directory, paid at each commit", runHistory},
	{"textconv", "print a file with a summary of its figures (git diff driver)", runTextconv},
	{"init-git", "set up git to show figure changes in diffs of offer files", runInitGit},
	{"script", "print what to say about one lever of a counter", runScript},
	{"email", "draft the round-1, follow-up or acceptance email", runEmail},
	{"counter", "draft a counter-proposal to an offer (what the editor inserts)", runCounter},
	{"checklist", "say which preparations are done and which are missing", runChecklist},
	{"timeline", "list every version and counter of each negotiation in order", runTimeline},
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
			code := c.run(e)
			if code == exitOK && e.refused {
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

// parseFlags parses flags that may appear before, between or after the
// positional arguments, and returns the positional arguments; a --format
// (formatFlag) must be one of the command's values. It prints usage errors
// itself and returns ok=false; help returns ok=false too.
func parseFlags(fs *flag.FlagSet, e *env) (positional []string, code int, ok bool) {
	positional, code, ok = parseArgs(fs, e)
	if ok && !formatAllowed(e) {
		return nil, exitUsage, false
	}
	return positional, code, ok
}

// parseNoArgs is parseFlags for the commands that take no argument.
func parseNoArgs(fs *flag.FlagSet, e *env) (code int, ok bool) {
	args, code, ok := parseArgs(fs, e)
	if !ok {
		return code, false
	}
	if len(args) > 0 {
		fmt.Fprintf(e.stderr, "%s: unexpected argument %q\n", fs.Name(), args[0])
		return exitUsage, false
	}
	if !formatAllowed(e) {
		return exitUsage, false
	}
	return exitOK, true
}

// parseArgs parses the flags wherever they stand among the arguments.
func parseArgs(fs *flag.FlagSet, e *env) (positional []string, code int, ok bool) {
	if e.describe != nil { // offer completion and offer help ask for the flags
		e.describe(fs)
		return nil, exitOK, false
	}
	fs.SetOutput(e.stderr)
	args := e.args
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, exitOK, true
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), exitOK, true
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// formatFlag declares the --format flag with its allowed values, the first
// the default; parseFlags refuses any other.
func formatFlag(e *env, fs *flag.FlagSet, allowed ...string) *string {
	e.format = fs.String("format", allowed[0], "output format: "+strings.Join(allowed, ", "))
	e.formats = allowed
	return e.format
}

// formatAllowed reports whether the command's --format, if it has one, is
// one of its values, and says which are when it is not.
func formatAllowed(e *env) bool {
	if e.format == nil || slices.Contains(e.formats, *e.format) {
		return true
	}
	fmt.Fprintf(e.stderr, "offer: unknown format %q; use one of: %s\n", *e.format, strings.Join(e.formats, ", "))
	return false
}

// newFlags returns a command's flag set; -h prints the usage text (usage.go)
// and the flags.
func newFlags(e *env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseKeyword parses a command's flags and its first argument, which must
// be one of allowed (what names it in the message: "email", "lever"); it
// prints the usage or the error itself.
func parseKeyword(e *env, fs *flag.FlagSet, what string, allowed []string) (word string, rest []string, code int, ok bool) {
	args, code, ok := parseFlags(fs, e)
	if !ok {
		return "", nil, code, false
	}
	if len(args) == 0 {
		fs.Usage()
		return "", nil, exitUsage, false
	}
	if !slices.Contains(allowed, args[0]) {
		fmt.Fprintf(e.stderr, "%s: no %s is named %q; use one of: %s\n", fs.Name(), what, args[0], strings.Join(allowed, ", "))
		return "", nil, exitUsage, false
	}
	return args[0], args[1:], exitOK, true
}
