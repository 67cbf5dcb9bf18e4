package relation

import (
	"errors"
	"fmt"

	"github.com/kgraph/kgraph/loader/gazetteer"
)

// Stage is the relation stage: the patterns and the pair classifier over
// the mentions of a document. It is built once by New, read-only
// afterwards and safe for concurrent use.
type Stage struct {
	gaz   *gazetteer.Tables
	model *Model
	rules []rule // the data rules of rules.tsv
}

// New returns the stage. model is the pair classifier (Load gives the
// embedded one); nil runs the patterns alone, which the training program
// uses to measure them.
func New(gaz *gazetteer.Tables, model *Model) (*Stage, error) {
	if gaz == nil {
		return nil, errors.New("relation: no gazetteer")
	}
	if err := checkWords(); err != nil {
		return nil, fmt.Errorf("relation: %w", err)
	}
	rules, err := parseRules(rulesFile)
	if err != nil {
		return nil, fmt.Errorf("relation: %w", err)
	}
	return &Stage{gaz: gaz, model: model, rules: rules}, nil
}

// Model returns the stage's pair classifier (nil when patterns run alone).
func (lx *Stage) Model() *Model { return lx.model }
