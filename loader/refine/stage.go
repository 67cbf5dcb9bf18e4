package refine

import (
	"errors"
	"strings"

	"github.com/kgraph/kgraph/loader/gazetteer"
)

// Tables are the refine stage's own word tables, as file contents:
// data/keywords.tsv, data/org-descriptors.tsv, data/personal-names.txt,
// data/common-nouns.txt, data/generic-heads.txt and data/party-names.txt. EmbeddedTables returns the ones built into the
// binary; tests pass corrupt ones to New.
type Tables struct {
	Keywords, OrgDescriptors, PersonalNames, CommonNouns, GenericHeads, PartyNames string
}

// EmbeddedTables returns the tables embedded in the binary.
func EmbeddedTables() Tables {
	return Tables{Keywords: keywordData, OrgDescriptors: descriptorData, PersonalNames: personalNameData, CommonNouns: commonNounData, GenericHeads: genericHeadData, PartyNames: partyNameData}
}

// Stage is the refine stage: NER spans to typed mentions. It is built once
// by New from the gazetteer and its tables, read-only afterwards and safe
// for concurrent use.
type Stage struct {
	gaz           *gazetteer.Tables
	kw            *keywordTable
	desc          *descriptors
	commonNouns   map[string]bool
	personalNames map[string]bool
	genericHeads  map[string]bool
	partyNames    map[string]string // lower-case form -> the party's full name, or ""
}

// New parses the tables and returns the stage, or an error naming the
// file and line of the first malformed entry.
func New(gaz *gazetteer.Tables, t Tables) (*Stage, error) {
	if gaz == nil {
		return nil, errors.New("refine: no gazetteer")
	}
	kw, err := parseKeywords(t.Keywords)
	if err != nil {
		return nil, err
	}
	desc, err := parseDescriptors(t.OrgDescriptors)
	if err != nil {
		return nil, err
	}
	parties := pairSet(t.PartyNames)
	for _, full := range parties {
		if full != "" {
			parties[strings.ToLower(full)] = full // "Labour Party" names itself
		}
	}
	return &Stage{gaz: gaz, kw: kw, desc: desc, commonNouns: wordSet(t.CommonNouns), personalNames: wordSet(t.PersonalNames), genericHeads: wordSet(t.GenericHeads), partyNames: parties}, nil
}
