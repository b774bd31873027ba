//go:build !unix

package lang

import "time"

// cpuTime is not measured here: BenchmarkLintOverParse reports no CPU
// ratios.
func cpuTime() time.Duration { return 0 }
