package main

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
)

// This file holds every flag of every command, and their parsing: the
// flags several commands share are declared from the command's row of the
// table (run.go, declare), the others by the flags function the row names.
// The values of one run are its env's options.

// options are the values of one run's flags.
type options struct {
	format string    // --format: one of the command's formats
	bands  multiFlag // --bands FILE, repeatable
	output string    // -o FILE (writeOutput)
	chart  chartMode // --chart, --no-chart (output.go)

	// The flags of one command, or of a few.
	calendar, afterTax bool       // report, compare
	counters           bool       // compare
	money              moneyFlags // compare (compare_opts.go)
	maxWarnings        int        // lint
	git                string     // diff
	check, diff        bool       // fmt
	write, force       bool       // -w (fmt) or --write (counter, script, email); --force (those and init-git)
	offer, counter     string     // --offer (counter, script, email); --counter (script, email)
	debug              bool       // lsp
	names              string     // completion
	command            string     // init-git
}

// The flags of one command, or of a few: the rows of the table name them.

func lintFlags(fs *flag.FlagSet, o *options) {
	fs.IntVar(&o.maxWarnings, "max-warnings", -1, "exit 1 when there are more than this many warnings (-1: no limit)")
}

func reportFlags(fs *flag.FlagSet, o *options) {
	fs.BoolVar(&o.calendar, "calendar", false, "also show pay by calendar year and the vest dates (needs start dates)")
	fs.BoolVar(&o.afterTax, "after-tax", false, "also show each year's taxes and net pay (an estimate)")
}

func compareFlags(fs *flag.FlagSet, o *options) {
	fs.BoolVar(&o.counters, "counters", false, "add each offer's latest counter (the highest round)")
	fs.BoolVar(&o.calendar, "calendar", false, "also compare pay by calendar year (needs start dates)")
	fs.BoolVar(&o.afterTax, "after-tax", false, "add each offer's pay after tax (an estimate)")
	o.money.register(fs)
}

func fmtFlags(fs *flag.FlagSet, o *options) {
	fs.BoolVar(&o.check, "check", false, "list the files whose layout would change and exit 1 if any; write nothing")
	fs.BoolVar(&o.diff, "diff", false, "print a unified diff of the changes instead of the formatted text")
	fs.BoolVar(&o.write, "w", false, "write the formatted text back to each file (atomically, keeping permissions)")
	fs.BoolVar(&o.force, "force", false, "with -w, also rewrite read-only files")
}

func diffFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.git, "git", "", "compare every offer file changed since this git revision with the work tree")
}

func lspFlags(fs *flag.FlagSet, o *options) {
	fs.Bool("stdio", true, "serve on stdin and stdout (the default; editors such as VS Code pass it)")
	fs.BoolVar(&o.debug, "debug", false, "log every message to stderr, figures included")
}

func initGitFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.command, "command", "offer textconv", "the command git runs to convert an offer file for diffs")
	fs.BoolVar(&o.force, "force", false, "replace an existing diff.offer.textconv setting, and add to a read-only .gitattributes")
}

// textFlags are the flags script and email share.
func textFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.counter, "counter", "", "the counter to write for (default: the latest: highest round, then latest sent)")
	fs.StringVar(&o.offer, "offer", "", "write for this offer alone, with the asks left as placeholders")
	fs.BoolVar(&o.write, "write", false, "keep the text in the files instead of printing it: in the counter (with --offer, in that offer block; script questions, in the candidate block), replacing a block with the same label")
	fs.BoolVar(&o.force, "force", false, "with --write, also rewrite a read-only file")
}

func counterFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.offer, "offer", "", "the offer to counter (required)")
	fs.BoolVar(&o.write, "write", false, "insert the counter on the line after the offer, in the offer's file, instead of printing it")
	fs.BoolVar(&o.force, "force", false, "with --write, also rewrite a read-only file")
}

func completionFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.names, "names", "", "print the names of the offers or counters (offer, counter) in the current directory, one a line")
}

// multiFlag is a repeatable flag's values.
type multiFlag []string

func (m *multiFlag) String() string     { return fmt.Sprint(*m) }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// declare declares c's flags on fs, into o: those of its row, then its own.
func (c command) declare(fs *flag.FlagSet, o *options) {
	if len(c.formats) > 0 {
		fs.StringVar(&o.format, "format", c.formats[0], "output format: "+strings.Join(c.formats, ", "))
	}
	if c.bands {
		fs.Var(&o.bands, "bands", "a band file applied on top of the built-in bands (repeatable)")
	}
	if c.output {
		fs.StringVar(&o.output, "o", "", "write to this file instead of standard output (written whole or not at all)")
		fs.BoolVar(&o.chart.on, "chart", false, "draw a bar chart of each year (default: when output is a terminal)")
		fs.BoolVar(&o.chart.off, "no-chart", false, "never draw the bar chart")
	}
	if c.flags != nil {
		c.flags(fs, o)
	}
}

// start runs c: it declares c's flags, parses e.args (flags may stand
// before, between or after the arguments) and calls c.run with the
// arguments. It prints usage errors itself (exit 2): an unknown flag, an
// argument to a command that takes none, a --format that is not one of
// c's. -h prints c's usage and flags (exit 0). With e.describe set it
// hands over the flag set instead (offer completion and offer help).
func (c command) start(e *env) int {
	if c.args == rawArgs {
		if e.describe != nil {
			return exitOK
		}
		return c.run(e, e.args)
	}
	fs := flag.NewFlagSet("offer "+c.name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, c.usage)
		fs.PrintDefaults()
	}
	e.flags = fs
	c.declare(fs, &e.options)
	if e.describe != nil {
		e.describe(fs)
		return exitOK
	}
	args, code, ok := parseArgs(fs, e)
	if !ok {
		return code
	}
	if c.args == noArgs && len(args) > 0 {
		fmt.Fprintf(e.stderr, "%s: unexpected argument %q\n", fs.Name(), args[0])
		return exitUsage
	}
	if len(c.formats) > 0 && !slices.Contains(c.formats, e.format) {
		fmt.Fprintf(e.stderr, "offer: unknown format %q; use one of: %s\n", e.format, strings.Join(c.formats, ", "))
		return exitUsage
	}
	return c.run(e, args)
}

// parseArgs parses the flags wherever they stand among the arguments, and
// returns the arguments; help and errors return ok=false.
func parseArgs(fs *flag.FlagSet, e *env) (positional []string, code int, ok bool) {
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

// usage prints the command's usage and flags, for a call it cannot run.
func (e *env) usage() int {
	e.flags.Usage()
	return exitUsage
}

// keyword checks a command's first argument, which must be one of allowed
// (what names it in the message: "email", "lever"); it prints the usage or
// the error itself.
func (e *env) keyword(args []string, what string, allowed []string) (word string, rest []string, code int) {
	if len(args) == 0 {
		return "", nil, e.usage()
	}
	if !slices.Contains(allowed, args[0]) {
		fmt.Fprintf(e.stderr, "%s: no %s is named %q; use one of: %s\n", e.flags.Name(), what, args[0], strings.Join(allowed, ", "))
		return "", nil, exitUsage
	}
	return args[0], args[1:], exitOK
}
