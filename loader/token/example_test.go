package token_test

import (
	"fmt"

	"github.com/kgraph/kgraph/loader/token"
)

func ExampleTokenize() {
	s := "Kazakhstan’s envoy didn't meet U.S. officials on May 16-18."
	for _, t := range token.Tokenize(s) {
		fmt.Printf("%s [%d,%d) ", t.Text, t.Start, t.End)
	}
	fmt.Println()
	// Output:
	// Kazakhstan [0,10) 's [10,14) envoy [15,20) did [21,24) n't [24,27) meet [28,32) U.S. [33,37) officials [38,47) on [48,50) May [51,54) 16-18 [55,60) . [60,61)
}

func ExampleSplit() {
	s := "ASTANA. KAZINFORM - The envoy arrived in the U.S. The talks begin on Monday."
	for _, sent := range token.Split(s) {
		fmt.Printf("%q\n", s[sent.Start:sent.End])
	}
	// Output:
	// "ASTANA. KAZINFORM -"
	// "The envoy arrived in the U.S."
	// "The talks begin on Monday."
}
