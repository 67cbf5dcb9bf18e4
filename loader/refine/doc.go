// Package refine turns the NER model's spans (PER, ORG, LOC, MISC) into
// typed mentions of the kgraph ontology: PERSON, ORGANIZATION, LOCATION with
// a kind (country, city, region, facility), EVENT, INITIATIVE, NORP and MISC.
//
// It owns Refine and its keyword table (data/keywords.tsv, embedded), and may
// import graph, loader/text, loader/gazetteer and the standard library.
//
// Refinement is driven by data, not by code paths per name: the place and
// organisation gazetteers give kinds, countries and canonical names; the
// keyword table splits MISC into EVENT and INITIATIVE by the last words of a
// name ("… Summit", "… Initiative"); demonyms and group names make NORP. It
// also repairs spans where that is safe: a trailing possessive is not part of
// a name, a state form before a country joins it ("Republic of" +
// "Kazakhstan"), a title at the start of a person's span is split off and
// kept as the mention's title attribute, a title at the end of an
// organisation's span ("UN Deputy Secretary-General") is cut, and a span
// that is only a title ("the Executive Director") is left to coreference as
// a description rather than kept as a name. The same pipeline serves the
// CoNLL-2003 evaluation, so label changes between PER, ORG and LOC are
// limited to those measured not to lower its dev F1 (see Refine).
//
// Mention attributes set here: kind and country (places), country
// (organisations and groups named after a country: "Kazakh Foreign
// Ministry", "Kazakhstan's Foreign Ministry"), canonical (gazetteer name),
// parent (parent organisation from the gazetteer), title (a person's title
// written next to the name).
package refine
