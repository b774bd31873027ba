package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// The commands that read the command table itself join it at init, which
// keeps the table's initialization free of a cycle.
func init() {
	commands = append(commands,
		command{name: "completion", summary: "print a bash, zsh or fish completion script", usage: usageCompletion, flags: completionFlags, run: runCompletion},
		command{name: "help", summary: "print a command's flags, with examples", args: rawArgs, run: runHelp},
	)
}

// examples are what `offer help COMMAND` adds to the command's -h text.
var examples = map[string][]string{
	"lint":       {"offer lint", "offer lint --format json examples/", "offer lint --format sarif --max-warnings 0 > offer.sarif"},
	"report":     {"offer report examples/amazon-l6-seattle", "offer report --format html -o report.html", "offer report --calendar --format json offer.offer.hcl"},
	"compare":    {"offer compare examples/competing-offers", "offer compare --counters --scenarios -30,0,30", "offer compare --format markdown > compare.md", "offer compare --scenarios Amazon=-30,0,30 --scenarios Globex=-50,0,100 --format html -o compare.html"},
	"bands":      {"offer bands", "offer bands --bands company.bands.hcl"},
	"lsp":        {"offer lsp --stdio", "offer lsp --stdio --bands ~/offers/company.bands.hcl"},
	"version":    {"offer version", "offer version --format json"},
	"fmt":        {"offer fmt -check", "offer fmt -diff offer.offer.hcl", "offer fmt -w ."},
	"diff":       {"offer diff old.offer.hcl new.offer.hcl", "offer diff --git HEAD~1 offer.offer.hcl", "offer diff --format json HEAD~1:offer.offer.hcl ./offer.offer.hcl", "offer diff --format markdown --git main > changes.md"},
	"history":    {"offer history offer.offer.hcl", "offer history --format json round1.offer.hcl", "offer history --format html round1.offer.hcl > history.html", "offer history ."},
	"textconv":   {"offer textconv offer.offer.hcl"},
	"init-git":   {"offer init-git"},
	"script":     {"offer script base", "offer script equity --counter round1", "offer script questions --offer amazon_l6"},
	"email":      {"offer email round1", "offer email followup --counter round2", "offer email accept examples/amazon-l6-seattle"},
	"counter":    {"offer counter --offer amazon_l6 examples/amazon-l6-seattle", "offer counter --offer amazon_l6 --write"},
	"checklist":  {"offer checklist", "offer checklist examples/amazon-l6-seattle"},
	"timeline":   {"offer timeline examples/full-negotiation", "offer timeline --format json examples/full-negotiation"},
	"tax":        {"offer tax"},
	"completion": {"offer completion bash > ~/.local/share/bash-completion/completions/offer", "offer completion zsh > \"${fpath[1]}/_offer\"", "offer completion fish > ~/.config/fish/completions/offer.fish"},
	"help":       {"offer help report"},
}

func findCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// commandFlags returns the flags a command declares, by name, without
// running it.
func commandFlags(c command) []*flag.Flag {
	var flags []*flag.Flag
	c.start(&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, describe: func(fs *flag.FlagSet) {
		fs.VisitAll(func(f *flag.Flag) { flags = append(flags, f) })
	}})
	sort.Slice(flags, func(i, j int) bool { return flags[i].Name < flags[j].Name })
	return flags
}

// commandHelp is the text a command prints for -h.
func commandHelp(c command) string {
	var out bytes.Buffer
	c.start(&env{args: []string{"-h"}, stdin: strings.NewReader(""), stdout: &out, stderr: &out})
	return out.String()
}

func runHelp(e *env, args []string) int {
	if len(args) == 0 {
		usage(e.stdout)
		return exitOK
	}
	if args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(e.stdout, "Usage: offer help [COMMAND]\n\nPrints the list of commands, or a command's usage, flags and examples.")
		return exitOK
	}
	c, ok := findCommand(args[0])
	if !ok || len(args) > 1 {
		fmt.Fprintf(e.stderr, "offer help: no command is named %q; run 'offer help' for the list\n", strings.Join(args, " "))
		return exitUsage
	}
	text := commandHelp(c)
	if c.name == "help" {
		text = "Usage: offer help [COMMAND]\n\nPrints the list of commands, or a command's usage, flags and examples.\n"
	}
	fmt.Fprint(e.stdout, text)
	if ex := examples[c.name]; len(ex) > 0 {
		fmt.Fprintln(e.stdout, "\nExamples:")
		for _, x := range ex {
			fmt.Fprintf(e.stdout, "  %s\n", x)
		}
	}
	return exitOK
}
