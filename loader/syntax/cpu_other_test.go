//go:build !linux

package syntax

import "time"

// threadCPU is unknown here; the benchmarks report wall-clock speed only.
func threadCPU() time.Duration { return 0 }
