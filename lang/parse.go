package lang

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
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
	// The limits are checked on the whole text, before the parser and the
	// re-parse of edited blocks alike (limits.go).
	if d := checkLimits(filename, src); d != nil {
		return empty, Diagnostics{d}
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
