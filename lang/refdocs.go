package lang

import (
	"fmt"
	"strings"
)

// This file renders the reference sections of docs/ from the tables they
// describe: docs/format.md from the schema, docs/rules.md from the rules
// (tests keep each equal to its table).

// SchemaMarkdown renders the reference of every block and attribute from
// the schema, for docs/format.md (a test keeps the two equal).
func SchemaMarkdown() string {
	var b strings.Builder
	for _, fs := range []struct {
		title  string
		schema *FileSchema
	}{{"Offer files (`*.offer.hcl`)", OfferSchema}, {"Band files (`*.bands.hcl`)", BandsSchema}, {"Tax files (`*.tax.hcl`)", TaxSchema}, {"Rate files (`*.rates.hcl`)", RatesSchema}} {
		fmt.Fprintf(&b, "### %s\n\n", fs.title)
		seen := map[*Block]bool{}
		for _, blk := range fs.schema.Blocks {
			writeBlockDoc(&b, fs.schema, blk, "", seen)
		}
	}
	return b.String()
}

func writeBlockDoc(b *strings.Builder, fs *FileSchema, blk *Block, parent string, seen map[*Block]bool) {
	if seen[blk] {
		return
	}
	seen[blk] = true
	header := blk.Type
	for _, l := range blk.Labels {
		header += fmt.Sprintf(" \"<%s>\"", l)
	}
	fmt.Fprintf(b, "#### `%s`\n\n%s", header, blk.Doc)
	if parent != "" {
		var in []string
		for _, p := range fs.Blocks {
			if p.Block(blk.Type) == blk {
				in = append(in, "`"+p.Type+"`")
			}
		}
		fmt.Fprintf(b, " Nested in %s.", strings.Join(in, " and "))
	}
	if blk.Unique {
		b.WriteString(" At most one.")
	}
	b.WriteString("\n\n")
	if len(blk.Attrs) > 0 {
		b.WriteString("| attribute | type | unit | default | required | meaning |\n|---|---|---|---|---|---|\n")
		for _, a := range blk.Attrs {
			req := ""
			if a.Required {
				req = "yes"
			}
			fmt.Fprintf(b, "| `%s` | %s | %s | %s | %s | %s |\n", a.Name, a.Kind, a.Unit, codeOrEmpty(a.Default), req, strings.ReplaceAll(a.Doc, "|", "\\|"))
		}
		if a := blk.Extra; a != nil {
			fmt.Fprintf(b, "| `%s` | %s | %s |  |  | %s |\n", a.Name, a.Kind, a.Unit, strings.ReplaceAll(a.Doc, "|", "\\|"))
		}
		b.WriteString("\n")
	}
	if blk.Example != "" {
		fmt.Fprintf(b, "```hcl\n%s\n```\n\n", blk.Example)
	}
	for _, c := range blk.Blocks {
		writeBlockDoc(b, fs, c, blk.Type, seen)
	}
}

func codeOrEmpty(s string) string {
	if s == "" {
		return ""
	}
	return "`" + s + "`"
}

// RulesMarkdown renders one section per diagnostic code from Rules, for
// docs/rules.md (a test keeps the two equal). Each section's heading is the
// code, so docs/rules.md#<code> links to it.
func RulesMarkdown() string {
	var b strings.Builder
	for _, group := range []struct {
		title string
		flag  bool
	}{{"File problems", false}, {"Offer flags", true}} {
		fmt.Fprintf(&b, "## %s\n\n", group.title)
		for _, r := range Rules {
			if r.Flag != group.flag {
				continue
			}
			fmt.Fprintf(&b, "### %s\n\n**%s.** %s\n\n", r.Code, r.Severity, r.Summary)
			if r.Example != "" {
				fmt.Fprintf(&b, "Example: `%s`\n\n", r.Example)
			}
			fmt.Fprintf(&b, "What to do: %s\n\n", r.Help)
			if r.Silenceable {
				fmt.Fprintf(&b, "To silence it on one line, put `# offer:ignore %s <reason>` on the line above.\n\n", r.Code)
			} else {
				b.WriteString("It cannot be silenced.\n\n")
			}
		}
	}
	return b.String()
}
