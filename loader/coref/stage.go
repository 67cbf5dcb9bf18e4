package coref

import (
	"errors"
	"fmt"

	"github.com/kgraph/kgraph/loader/gazetteer"
)

// Stage is the coreference stage: mentions clustered into entities. It is
// built once by New, read-only afterwards and safe for concurrent use.
type Stage struct {
	gaz        *gazetteer.Tables
	firstNames map[string]byte // lower-case first name -> 'm' or 'f'
}

// New returns the stage over the gazetteer's tables.
func New(gaz *gazetteer.Tables) (*Stage, error) {
	if gaz == nil {
		return nil, errors.New("coref: no gazetteer")
	}
	names, err := parseFirstNames(firstNames)
	if err != nil {
		return nil, fmt.Errorf("coref: %w", err)
	}
	return &Stage{gaz: gaz, firstNames: names}, nil
}
