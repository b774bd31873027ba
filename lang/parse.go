package lang

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Limits bound what offerkit reads, so that hostile input yields a
// diagnostic instead of a hang or an exhausted memory.
const (
	MaxFileSize  = 4 << 20 // bytes per file
	MaxNesting   = 64      // brackets, braces and parentheses open at once
	MaxOperators = 20000   // operator characters in one file
)

// KindOf returns the kind of a file from its name, and false for files
// offerkit does not read.
func KindOf(filename string) (FileKind, bool) {
	switch {
	case strings.HasSuffix(filename, ".offer.hcl"):
		return OfferFile, true
	case strings.HasSuffix(filename, ".bands.hcl"):
		return BandsFile, true
	case strings.HasSuffix(filename, ".tax.hcl"):
		return TaxFile, true
	case strings.HasSuffix(filename, ".rates.hcl"):
		return RatesFile, true
	}
	return 0, false
}

// Parse parses one file. It always returns a file (perhaps with an empty
// body) so that callers can work with whatever parsed.
func Parse(filename string, src []byte) (*hcl.File, Diagnostics) {
	return parseAfter(nil, filename, src)
}

// parseAfter parses one file; prev, when not nil, is the syntax of the
// file's previous text, which parsed without diagnostics, and the blocks an
// edit did not touch are taken from it (reparse.go).
func parseAfter(prev *hcl.File, filename string, src []byte) (*hcl.File, Diagnostics) {
	start := hcl.Pos{Line: 1, Column: 1, Byte: 0}
	whole := hcl.Range{Filename: filename, Start: start, End: start}
	empty := &hcl.File{Body: hcl.EmptyBody(), Bytes: src}
	if len(src) > MaxFileSize {
		return empty, Diagnostics{errorf("file-too-large", whole, "File too large",
			fmt.Sprintf("The file is %d bytes; offerkit reads files of at most %d bytes. Split it into several files.", len(src), MaxFileSize))}
	}
	if !utf8.Valid(src) {
		at := firstInvalidUTF8(filename, src)
		return empty, Diagnostics{errorf("not-utf8", at, "File is not UTF-8",
			"Offer files must be UTF-8 text. Re-save the file as UTF-8.")}
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return empty, Diagnostics{errorf("empty-file", whole, "Empty file",
			"The file holds no blocks. Add an offer, counter or candidate block (or band, cap and schedule blocks in a *.bands.hcl file), or delete the file.")}
	}
	if at, deep := tooDeep(filename, src); deep {
		return empty, Diagnostics{errorf("nesting-too-deep", at, "Nesting too deep",
			fmt.Sprintf("More than %d brackets, braces or parentheses are open here. Offer files are flat; close what is open or simplify the expression.", MaxNesting))}
	}
	if at, many := tooManyOperators(filename, src); many {
		return empty, Diagnostics{errorf("expression-too-complex", at, "Too many operators",
			fmt.Sprintf("The file holds more than %d operator characters (+ - * / %% ! ? : & | < > =); offer files need a handful. Write the figures as plain numbers.", MaxOperators))}
	}
	if f, ok := reparse(prev, filename, src); ok {
		return f, nil
	}
	f, hds := hclsyntax.ParseConfig(src, filename, start)
	if f == nil {
		f = empty
	}
	// hclsyntax's navigation (for hcl's diagnostic writer) is not used, and a
	// re-parse cannot build it; drop it so that both give the same file.
	f.Nav = nil
	return f, fromHCL(hds, "syntax")
}

// firstInvalidUTF8 returns the range of the first byte that is not UTF-8.
func firstInvalidUTF8(filename string, src []byte) hcl.Range {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return byteRange(filename, src, i)
		}
		i += size
	}
	p := PosAt(src, len(src))
	return hcl.Range{Filename: filename, Start: p, End: p}
}

// tooDeep finds the first place where more than MaxNesting brackets, braces
// and parentheses are open, before the parser recurses into them. It
// counts them everywhere, in strings, comments and heredocs too: that can
// only over-count, and free text never opens 64 parentheses, while skipping
// any of it would let crafted input past the check.
func tooDeep(filename string, src []byte) (hcl.Range, bool) {
	depth := 0
	for i, c := range src {
		switch c {
		case '{', '[', '(':
			depth++
			if depth > MaxNesting {
				return byteRange(filename, src, i), true
			}
		case '}', ']', ')':
			if depth > 0 {
				depth--
			}
		}
	}
	return hcl.Range{}, false
}

// operatorBytes are the characters operators are made of.
var operatorBytes = [256]bool{'+': true, '-': true, '*': true, '/': true, '%': true, '!': true, '?': true,
	':': true, '&': true, '|': true, '<': true, '>': true, '=': true}

// tooManyOperators guards the parser and the evaluator, which recurse once
// per operator of a chain like 1+1+1+...: it fails past MaxOperators
// operator characters. Like tooDeep it counts everywhere, text included,
// so that nothing can hide a chain from it; the limit leaves room for
// pages of prose in scripts and emails.
func tooManyOperators(filename string, src []byte) (hcl.Range, bool) {
	n := 0
	for i, c := range src {
		if operatorBytes[c] {
			n++
			if n > MaxOperators {
				return byteRange(filename, src, i), true
			}
		}
	}
	return hcl.Range{}, false
}
