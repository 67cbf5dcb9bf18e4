//go:build race

package loader_test

// raceEnabled is true under the race detector, which slows the extractor
// tenfold: the largest adversarial document is left to plain runs.
const raceEnabled = true
