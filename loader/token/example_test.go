package token_test

import (
	"fmt"

	"github.com/kgraph/kgraph/loader/token"
)

func ExampleTokenize() {
	s := "Valdoria’s envoy didn't meet U.S. officials on May 16-18."
	for _, t := range token.Tokenize(s) {
		fmt.Printf("%s [%d,%d) ", t.Text, t.Start, t.End)
	}
	fmt.Println()
	// Output:
	// Valdoria [0,8) 's [8,12) envoy [13,18) did [19,22) n't [22,25) meet [26,30) U.S. [31,35) officials [36,45) on [46,48) May [49,52) 16-18 [53,58) . [58,59)
}

func ExampleSplit() {
	s := "KORVIN. VALPRESS - The envoy arrived in the U.S. The talks begin on Monday."
	for _, sent := range token.Split(s) {
		fmt.Printf("%q\n", s[sent.Start:sent.End])
	}
	// Output:
	// "KORVIN. VALPRESS -"
	// "The envoy arrived in the U.S."
	// "The talks begin on Monday."
}
