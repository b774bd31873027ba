//go:build unix

package lang

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time this process has used so far, on every
// thread (user and system), for BenchmarkLintOverParse's CPU ratios.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
