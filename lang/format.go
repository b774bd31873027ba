package lang

import (
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Format returns the canonical layout of a file's text. It refuses (returns
// the syntax diagnostics and nil) when the text does not parse, so that a
// broken file is never rewritten.
func Format(filename string, src []byte) ([]byte, Diagnostics) {
	if _, diags := Parse(filename, src); diags.HasErrors() {
		return nil, diags
	}
	return hclwrite.Format(src), nil
}
