// Package graph is kgraph's domain: the entities, relations, mentions,
// evidence and documents that the rest of the program passes around, the
// entity and relation type vocabulary, name normalisation and identifiers,
// the Error type with its codes, and the Reader and Writer interfaces that a
// store implements.
//
// It imports only the standard library and golang.org/x/text's Unicode
// decompositions (FoldLatin). Everything else points inwards to
// it: loader turns text into an Extraction, store persists Extractions and
// answers Reader queries, schema serves a Reader over GraphQL, and cmd wires
// them together.
package graph
