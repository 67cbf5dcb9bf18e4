// Package coref groups a document's mentions into entities: one entity per
// real-world person, organisation, place or thing, whatever names, short
// forms and descriptions the text uses for it.
//
// It owns Resolve and may import graph, loader/text, loader/gazetteer and
// the standard library.
//
// Resolution follows the deterministic, precision-ranked sieves of Lee et
// al. (2013): each sieve merges clusters of mentions only when its evidence
// is strong, the most precise sieves run first, and later sieves see the
// clusters the earlier ones built (a cluster is judged by all its mentions).
// In order:
//
//  1. acronyms defined in parentheses: "UN Population Fund (UNFPA)";
//  2. exact match of the normalised name ("KAZINFORM", "Kazinform");
//  3. gazetteer identity: names the place or organisation gazetteers know as
//     one ("Britain", "U.K.", "United Kingdom"; "UN", "United Nations";
//     "UN-Women", "UN Women"; "Republic of Kazakhstan", "Kazakhstan");
//  4. acronyms by initials: "UNDP" and "United Nations Development Programme";
//  5. organisations of a country: "Kazakh Foreign Ministry",
//     "Kazakhstan's Foreign Ministry" and, when it is the only one, a bare
//     "Foreign Ministry";
//  6. head match: a shorter name that ends the name of exactly one other
//     cluster ("Global Leadership Meeting"), or whose words all appear in it
//     with the same head ("UN Fund");
//  7. name parts: "Umarov" joins the only person in the document named
//     "... Umarov"; never when two people share the name;
//  8. descriptions (new mentions with Nominal set): "the Executive Director"
//     and "the First Deputy Minister" join the one person earlier in the
//     text whose title matches, "the Kazakh diplomat" the one person tied to
//     that country, "the Fund" and "the UN Fund" the one organisation with
//     that head noun.
//
// Every mention ends up in an entity. An entity's name is the gazetteer's
// name when it has one, else the fullest proper name seen; other surface
// forms become aliases; descriptions go to the attribute "descriptions",
// never to aliases.
package coref
