// Package langtest generates offer files for tests and benchmarks, so that
// lang's and the language server's benchmarks measure the same text.
package langtest

import (
	"fmt"
	"strings"
)

// OfferBlock returns offer "o_<i>": 19 lines, with the masterclass's L6
// Seattle figures. The base, 195000, is on its sixth line (line 5 counted
// from 0), at characters 13-19.
func OfferBlock(i int) string {
	return fmt.Sprintf(`offer "o_%d" {
  company  = "Acme"
  level    = "L6"
  track    = "SDE"
  location = "Seattle"
  base     = 195000

  sign_on {
    year1 = 110000
    year2 = 90000
  }

  equity {
    value    = 400000
    schedule = "amazon"
  }

  relocation = 25000
}
`, i)
}

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
