//go:build !go1.27

package lang

import "github.com/apparentlymart/go-textseg/v15/textseg"

// scanGraphemeCluster is the grapheme segmentation hclsyntax uses to count
// columns: go-textseg v15 before Go 1.27, v17 from it (graphemes_go127.go),
// as hcl's internal/unicodeutil chooses.
var scanGraphemeCluster = textseg.ScanGraphemeClusters
