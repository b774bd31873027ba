// Package langtest generates offer files for tests and benchmarks, so that
// lang's and the language server's benchmarks measure the same text, and
// finds the programs tests run (NeedProgram), failing a test without them.
package langtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// OfferBlock returns offer "o_<i>": 19 lines, with the masterclass's L6
// Seattle figures. The base, 195000, is on its sixth line (line 5 counted
// from 0), at characters 13-19.
func OfferBlock(i int) string {
	return fmt.Sprintf(offerBlock(), i)
}

// offerBlock is the offer of examples/amazon-l6-seattle/offer.offer.hcl,
// read once, as OfferBlock's format: named o_%d, for company "Acme",
// without its dates, the base right after the location.
var offerBlock = sync.OnceValue(func() string {
	src, err := os.ReadFile(filepath.Join(Root, "examples", "amazon-l6-seattle", "offer.offer.hcl"))
	if err != nil {
		panic(err)
	}
	offer, _, _ := strings.Cut(string(src), "\ncandidate {")
	return Replace(offer[strings.Index(offer, `offer "`):],
		`offer "amazon_l6" {`, `offer "o_%d" {`,
		`"Amazon"`, `"Acme"`,
		"  received = \"2025-03-10\"\n  expires  = \"2025-03-17\"\n  start    = \"2025-05-05\"\n\n  base = 195000", "  base     = 195000")
})

// Root is the repository's top folder: the nearest folder holding go.mod
// above the one the test binary started in (go test runs a test in its
// package's folder), found before any test changes directory; "" when there
// is none. It is not found from this file's compiled-in path, which
// -trimpath (as .ci/run builds) removes.
var Root = func() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}()

// File returns offer blocks o_0, o_1, ... of at least the given number of
// lines: 16 blocks for 300 lines, 264 for 5,000.
func File(lines int) string {
	var b strings.Builder
	for i := 0; i*19 < lines; i++ {
		b.WriteString(OfferBlock(i))
	}
	return b.String()
}

// Replace returns src with each old of pairs (old, new, old, new, ...)
// replaced by its new, once. It panics when an old is not in src, so that
// a test that edits a file it reads fails when that file changes under it.
func Replace(src string, pairs ...string) string {
	if len(pairs)%2 != 0 {
		panic("langtest.Replace: an old without its new")
	}
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(src, pairs[i]) {
			panic(fmt.Sprintf("langtest.Replace: %q is not in the text", pairs[i]))
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}
