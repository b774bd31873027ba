package lang

import (
	"strings"
	"testing"
)

// FuzzHostile builds offer files from the fuzzer's bytes with a generator
// that knows HCL's structure: nested lists, objects, parentheses, template
// strings and heredocs with interpolations and directives, strings and
// comments that hold closing brackets, long operator chains, huge lists,
// and openers repeated hundreds of thousands of times (what byte-level
// mutation never builds). Each file goes through parse, decode and the
// workspace check, and through the re-parse of an edit (the language
// server's path); nothing may crash (a stack overflow is a fatal error that
// kills the fuzzer and so is found), and every diagnostic lies in the file.
func FuzzHostile(f *testing.F) {
	f.Add([]byte{9, 1, 200, 200, 0})          // ["]", repeated
	f.Add([]byte{9, 6, 200, 200, 0})          // [# ] on lines, repeated
	f.Add([]byte{9, 4, 255, 255, 0})          // "${ repeated
	f.Add([]byte{7, 40, 0, 1, 0, 1, 0, 1})    // an operator chain
	f.Add([]byte{11, 255, 255})               // a huge list
	f.Add([]byte{1, 3, 4, 2, 5, 6, 0, 10, 0}) // a mix
	f.Fuzz(func(t *testing.T, data []byte) {
		src := genHostile(data)
		const name = "f.offer.hcl"
		w := NewWorkspace()
		w.Set(name, []byte(src))
		r := w.Check(name)
		for _, d := range r.Diags {
			s := d.Subject
			if s.Start.Byte < 0 || s.End.Byte < s.Start.Byte || s.End.Byte > len(src) {
				t.Fatalf("range %d-%d outside a %d-byte file: %+v", s.Start.Byte, s.End.Byte, len(src), d)
			}
		}
		// The server's edit path: a file that parsed gets the generated
		// text as an edit of one block.
		good := "offer \"a\" {\n  base = 1\n}\n\noffer \"b\" {\n  base = 2\n}\n"
		prev, diags := Parse(name, []byte(good))
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		edited := good[:strings.Index(good, "offer \"b\"")] + src
		parseAfter(prev, name, []byte(edited))
	})
}

// gen reads choices from the fuzzer's bytes (zero once they run out).
type gen struct {
	data []byte
	b    strings.Builder
}

func (g *gen) next() int {
	if len(g.data) == 0 {
		return 0
	}
	c := g.data[0]
	g.data = g.data[1:]
	return int(c)
}

// count reads a repetition count of up to 300,000.
func (g *gen) count() int {
	n := g.next()<<8 | g.next()
	return n * 300000 / 65535
}

// maxGen bounds a generated file, repetitions included. Go's fuzzing worker
// panics when one input runs for 10 s of wall time, and its output is
// thrown away: the run ends with "fuzzing process hung or terminated
// unexpectedly: exit status 2" and nothing else (docs/security.md). At the
// 5 MB this generator used to reach, one input cost 2-5 s of CPU (the
// check's parse and the edit's re-parse lex the whole file at some 250 ns a
// byte), so a niced worker on a loaded machine crossed the line. At 128 KiB
// an input costs at most about 0.4 s of CPU, and every limit the generator
// aims at (nesting 64, 20,000 values, 5,000 attributes and blocks, the
// operator limits) is still crossed many times over; the files of up to
// 4 MiB are the hostile table's (cmd/offer/hostile_cases_test.go).
const maxGen = 128 << 10

// repeat writes s n times, fewer when that would pass maxGen, and returns
// how many it wrote.
func (g *gen) repeat(s string, n int) int {
	if room := (maxGen - g.b.Len()) / len(s); n > room {
		n = max(room, 0)
	}
	g.b.WriteString(strings.Repeat(s, n))
	return n
}

func genHostile(data []byte) string {
	g := &gen{data: data}
	g.b.WriteString("offer \"o\" {\n  level = \"L6\"\n  base = ")
	g.expr(0)
	g.b.WriteString("\n}\n")
	for len(g.data) > 0 && g.b.Len() < maxGen {
		g.b.WriteString("x = ")
		g.expr(0)
		g.b.WriteString("\n")
	}
	return g.b.String()
}

// openers are fragments that open something, with text that would fool a
// count of raw characters; repeated, they make deep nesting.
var openers = []string{`[`, `["]",`, "[#]\n", "[// )\n", `[/* ] */`, `(`, `("(" + `, `{a = "}", b = `, `"${`, `"%{ if true }`, "<<EOT\n${", `"$${ ${`, `[<<EOT` + "\n]\nEOT\n,"}

var closers = map[string]string{"[": "]", "(": ")", "{": "}", `"`: `"`, "<": "\nEOT\n"}

func (g *gen) expr(depth int) {
	if depth > 12 || g.b.Len() > maxGen {
		g.b.WriteString("1")
		return
	}
	b := &g.b
	switch g.next() % 13 {
	case 0:
		b.WriteString("150000")
	case 1: // a list
		b.WriteString("[")
		for i, n := 0, g.next()%5; i < n; i++ {
			g.expr(depth + 1)
			b.WriteString(", ")
		}
		b.WriteString("]")
	case 2: // an object
		b.WriteString("{ a = ")
		g.expr(depth + 1)
		b.WriteString(", \"}\" = ")
		g.expr(depth + 1)
		b.WriteString(" }")
	case 3:
		b.WriteString("(")
		g.expr(depth + 1)
		b.WriteString(")")
	case 4: // a template string with closers in its text
		b.WriteString(`"]} ) $${ %%{ ${`)
		g.expr(depth + 1)
		b.WriteString(`} \" ]"`)
	case 5: // a heredoc
		b.WriteString("<<-EOT\n  ] } ) ${")
		g.expr(depth + 1)
		b.WriteString("}\n  %{ if true }x%{ endif }\n  EOT\n")
	case 6: // comments holding closers, inside brackets
		b.WriteString("[ # ] } )\n /* ] */ ")
		g.expr(depth + 1)
		b.WriteString(" // ]\n]")
	case 7: // an operator chain
		ops := []string{"+", "-", "*", "/", "%", "&&", "||", "==", "<", ">="}
		n := g.count() / 10
		g.expr(depth + 1)
		for i := 0; i < n && b.Len() < maxGen; i++ {
			b.WriteString(ops[i%len(ops)])
			b.WriteString("1")
		}
	case 8: // a unary chain
		g.repeat([]string{"-", "!"}[g.next()%2], g.count()/10)
		g.expr(depth + 1)
	case 9: // an opener repeated, then as many closers as the generator knows
		o := openers[g.next()%len(openers)]
		n := g.repeat(o, g.count())
		g.expr(depth + 1)
		if c, ok := closers[o[:1]]; ok && g.next()%2 == 0 {
			g.repeat(c, n)
		}
	case 10: // template directives
		b.WriteString(`"%{ for x in [1] }${x}%{ if true }`)
		g.expr(depth + 1)
		b.WriteString(`%{ endif }%{ endfor }"`)
	case 11: // a huge list of numbers
		b.WriteString("[")
		g.repeat("1, ", g.count())
		b.WriteString("1]")
	case 12: // a conditional chain
		g.repeat("true ? 1 : ", g.count()/20)
		g.expr(depth + 1)
	}
}
