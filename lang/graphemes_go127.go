//go:build go1.27

package lang

import "github.com/apparentlymart/go-textseg/v17/textseg"

// scanGraphemeCluster: see graphemes.go.
var scanGraphemeCluster = textseg.ScanGraphemeClusters
