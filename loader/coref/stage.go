package coref

import (
	"errors"

	"github.com/kgraph/kgraph/loader/gazetteer"
)

// Stage is the coreference stage: mentions clustered into entities. It is
// built once by New, read-only afterwards and safe for concurrent use.
type Stage struct {
	gaz *gazetteer.Tables
}

// New returns the stage over the gazetteer's tables.
func New(gaz *gazetteer.Tables) (*Stage, error) {
	if gaz == nil {
		return nil, errors.New("coref: no gazetteer")
	}
	return &Stage{gaz: gaz}, nil
}
