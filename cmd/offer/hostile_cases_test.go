package main

import (
	"fmt"
	"strings"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/langtest"
)

// hostileCase is one class of hostile input and what it must get.
type hostileCase struct {
	name string
	// code is the error a refused file must get ("" for a syntax error);
	// an accepted file must get none of the limits' codes.
	code   string
	accept bool
	valid  bool // accepted without an error: lint exits 0
	text   func() string
	// over, for a file made to sit just under a limit, is the same file
	// with one more of what is limited, which code refuses.
	over func() string
	// every runs every command and the whole server session on a refused
	// file. Every limit of the scan (nesting, operators, lists, templates,
	// items, values) refuses a file in one function (lang.checkLimits, run
	// by lang.Parse) before any command's own work, so one file refused
	// there (the first of issue 18) stands for them all beside one file
	// for each other place a file is refused: before it is read (too
	// large), as text (not UTF-8), by the parser (unclosed comments) and
	// when decoded (a huge number). The others run lint (JSON and text:
	// the code and its location) and a shorter server session. Accepted
	// files always run everything.
	every bool
	// parseOnly marks an accepted file at a limit that bounds the work of
	// the parse alone (nesting, operators, the joining of a template's
	// pieces), which every command does alike: it runs lint and the
	// shorter server session, like a refused file that does not run
	// everything.
	parseOnly bool
	// atLimit, for an accepted class run at 1 MiB, is the same class at
	// the 4 MiB size limit, run through lint alone: its memory is checked
	// at the limit by one process, every command at a quarter of the size
	// (the bar is linear in the size, and so is every path the table runs;
	// speed at 4 MiB is held by benchmarks, docs/performance.md).
	atLimit func() string
}

func rep(s string, n int) string { return strings.Repeat(s, n) }

const head = "offer \"h\" {\n  level = \"L6\"\n  track = \"SDE\"\n  location = \"Seattle\"\n  base = "

func hostileCases() []hostileCase {
	const levels = 300000
	return append([]hostileCase{
		// The two files of issue 18 that passed the raw-character check.
		{name: "closers in strings", code: "nesting-too-deep", every: true, text: func() string { return "offer \"a\" { base = " + rep(`["]",`, levels) + "\n}\n" }},
		{name: "closers in comments", code: "nesting-too-deep", text: func() string { return "offer \"a\" {\n  base = " + rep("[#]\n", levels) + "}\n" }},
		{name: "parentheses", code: "nesting-too-deep", text: func() string { return head + rep(`("(" + `, levels) + "1\n}\n" }},
		{name: "object braces", code: "nesting-too-deep", text: func() string { return head + rep("{a = \"}\", b = ", levels/2) + "1\n}\n" }},
		{name: "template interpolations", code: "nesting-too-deep", text: func() string { return head + rep(`"${`, levels) + "\n}\n" }},
		{name: "heredocs in interpolations", code: "nesting-too-deep", text: func() string { return head + rep("<<EOT\n${", levels) + "\n}\n" }},
		{name: "template directives", code: "nesting-too-deep", text: func() string { return head + "\"" + rep("%{ if true }", levels) + "\"\n}\n" }},
		{name: "nested blocks", code: "nesting-too-deep", text: func() string { return rep("a {\n", levels) }},
		{name: "blocks behind wrong closers", code: "nesting-too-deep", text: func() string { return rep("a {\n]\n", levels) }},
		{name: "brackets", code: "nesting-too-deep", text: func() string { return head + rep("[", levels) + "\n}\n" }},
		{name: "unary chain", code: "expression-too-complex", text: func() string { return head + rep("-", 200000) + "1\n}\n" }},
		{name: "binary chain", code: "expression-too-complex", text: func() string { return head + rep("1+", 200000) + "1\n}\n" }},
		{name: "conditional chain", code: "expression-too-complex", text: func() string { return head + rep("true ? 1 : ", 100000) + "1\n}\n" }},
		{name: "huge list", code: "list-too-long", text: func() string { return head + "1\n  equity {\n    schedule = [" + rep("1, ", 500000) + "1]\n  }\n}\n" }},
		{name: "many attributes", code: "too-many-items", text: func() string { return head + "1\n" + rep("  a = 1\n", 300000) + "}\n" }},
		{name: "many values", code: "file-too-complex", text: func() string { return rep(head+"["+rep("1,", 900)+"1]\n}\n", 100) }},
		{name: "long heredoc", code: "template-too-long", text: func() string { return head + "1\n  note = <<EOT\n" + rep("some text\n", 300000) + "EOT\n}\n" }},
		{name: "string of many parts", code: "template-too-long", text: func() string { return head + "\"" + rep("$a", 500000) + "\"\n}\n" }},
		{name: "unclosed comments", every: true, text: func() string { return head + "1\n" + rep("/*", 1000000) + "\n}\n" }},
		{name: "too large", code: "file-too-large", every: true, text: func() string { return head + "1\n}\n" + rep("#", 4<<20) }},
		{name: "not UTF-8", code: "not-utf8", every: true, text: func() string { return head + "1\n  note = \"\xff\xfe\"\n}\n" }},
		{name: "huge number", code: "number-too-large", every: true, text: func() string { return head + "1" + rep("0", 5000) + "\n}\n" }},
		// Accepted files of up to the size limit.
		{name: "long line", accept: true, text: func() string { return longLine(1 << 20) }, atLimit: func() string { return longLine(lang.MaxFileSize) }},
		{name: "offers and counters", accept: true, valid: true, text: func() string { return ordinaryBlocks(26, 1<<20) },
			atLimit: func() string { return ordinaryBlocks(276, lang.MaxFileSize) }},
	}, underLimits()...)
}

// longLine is a file of size bytes, nearly all of them one line.
func longLine(size int) string { return head + "1\n  note = \"" + rep("x", size-200) + "\"\n}\n" }

// underLimits are files that sit just under each limit; each must be
// accepted and stay within the memory bar.
func underLimits() []hostileCase {
	valid := func(name, code string, n int, f func(n int) string) hostileCase {
		return hostileCase{name: name, code: code, accept: true, valid: true,
			text: func() string { return f(n) }, over: func() string { return f(n + 1) }}
	}
	parseOnly := func(c hostileCase) hostileCase {
		c.parseOnly = true
		return c
	}
	accepted := func(name, code string, n int, f func(n int) string) hostileCase {
		c := valid(name, code, n, f)
		c.valid = false
		return c
	}
	return []hostileCase{
		// 64 open: the offer's brace and 63 parentheses.
		parseOnly(valid("depth 64", "nesting-too-deep", lang.MaxNesting-1, func(n int) string {
			return head + rep("(", n) + "195000" + rep(")", n) + "\n}\n"
		})),
		// A schedule of 1,000 entries that add up to 100 (a schedule has at most
		// 10 years: an invalid-value error, past the limits).
		accepted("list of 1000", "list-too-long", lang.MaxListItems, func(n int) string {
			return head + "195000\n  equity {\n    value = 400000\n    schedule = [" + rep("0.1, ", n-1) + fmt.Sprintf("%g]\n  }\n}\n", 100-0.1*float64(n-1))
		}),
		// 256 operators: a base of 257 sums.
		parseOnly(valid("256 operators", "expression-too-complex", lang.MaxOperators, func(n int) string {
			return head + rep("1000 + ", n) + "1000\n}\n"
		})),
		// 4,000 numbers and names in one attribute: its name and lists of
		// numbers (lists of lists: not a schedule).
		accepted("4000 values in one attribute", "expression-too-complex", lang.MaxAttributeNodes, func(n int) string {
			var b strings.Builder
			b.WriteString(head + "195000\n  equity {\n    value = 400000\n    schedule = [")
			for n--; n > 0; {
				k := min(n, lang.MaxListItems)
				b.WriteString("[" + rep("1, ", k-1) + "1], ")
				n -= k
			}
			return b.String() + "]\n  }\n}\n"
		}),
		// 20,000 numbers, names and strings in a file: offers with
		// schedules of 1,000 entries, the last one shorter. Each block has
		// 14 more: 8 names (offer, level, track, location, base, equity,
		// value, schedule), 4 strings and 2 numbers.
		accepted("20000 values in a file", "file-too-complex", lang.MaxFileNodes, func(n int) string {
			var b strings.Builder
			for i := 0; n > 14; i++ {
				k := min(n-14, lang.MaxListItems)
				fmt.Fprintf(&b, "offer \"o%d\" {\n  level = \"L6\"\n  track = \"SDE\"\n  location = \"Seattle\"\n  base = 195000\n  equity {\n    value = 400000\n    schedule = [%s%g]\n  }\n}\n\n",
					i, rep("0.01, ", k-1), 100-0.01*float64(k-1))
				n -= k + 14
			}
			return b.String()
		}),
		// 5,000 attributes and blocks: 384 offers of 13, and one of 8 (9 is
		// too many).
		valid("5000 items", "too-many-items", lang.MaxItems, func(n int) string {
			var b strings.Builder
			i := 0
			for ; n >= 13+2; i++ {
				b.WriteString(langtest.OfferBlock(i) + "\n")
				n -= 13
			}
			b.WriteString(fmt.Sprintf("offer \"o_%d\" {\n", i))
			for j, a := range []string{"base = 195000", "level = \"L6\"", "track = \"SDE\"", "location = \"Seattle\"", "company = \"Acme\"",
				"relocation = 25000", "bonus_target = 10", "currency = \"USD\"", "received = \"2026-01-05\"", "source = \"email\""} {
				if j < n-1 {
					b.WriteString("  " + a + "\n")
				}
			}
			return b.String() + "}\n"
		}),
		// A heredoc of long lines, as many as the bound on the work of
		// joining them (pieces times bytes, 2^28) allows: 256 lines of 4 KB,
		// 1 MiB. (At the 4 MiB limit the bound allows 67 lines of 59 KB:
		// the same work, four times the parse.)
		parseOnly(valid("heredoc at the work bound", "template-too-long", 256, func(n int) string {
			return head + "195000\n  source = <<EOT\n" + rep(rep("x", 4080)+"\n", n) + "EOT\n}\n"
		})),
		// A heredoc of 500 lines in one attribute.
		parseOnly(valid("heredoc of 500 lines", "template-too-long", lang.MaxTemplateParts, func(n int) string {
			return head + "195000\n  source = <<EOT\n" + rep("a line of a long note about where the offer came from\n", n) + "EOT\n}\n"
		})),
	}
}

// ordinaryBlocks fills just under size bytes with ordinary offers, each
// followed by a counter to it, every other offer with a long comment and
// the others with the same text as their source string. At the size limit
// 276 pairs (4,830 attributes and blocks; the limit is 5,000); at 1 MiB,
// which every command runs, 26 pairs of longer texts (a file of 5,000
// items is "5000 items").
func ordinaryBlocks(pairs, size int) string {
	var b strings.Builder
	for i := 0; i < pairs; i++ {
		offer := langtest.OfferBlock(i)
		counter := fmt.Sprintf("counter \"c_%d\" {\n  offer = offer.o_%d\n  round = 1\n  base  = 210000\n}\n\n", i, i)
		room := (size-1000)/pairs - len(offer) - len(counter) - 40
		note := rep("a long note about this offer, ", room/30)
		if i%2 == 1 {
			offer = strings.Replace(offer, "  base     = 195000\n", "  base     = 195000\n  source   = \""+note+"\"\n", 1)
		} else {
			offer = "# " + note + "\n" + offer
		}
		b.WriteString(offer + "\n" + counter)
	}
	return b.String()
}
