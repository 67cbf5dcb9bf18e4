// Package token is the first stage of the loader: it cuts raw text into
// tokens with byte offsets (Tokenize) and groups them into sentences
// (Sentences, Split), filling text.Doc.Sentences.
//
// It may import loader/text and the standard library only.
//
// # Tokens
//
// Tokens follow the conventions of CoNLL-2003 (Reuters news, 1996), so that
// the NER model trained on that corpus sees on raw text the tokens it was
// trained on:
//
//   - Words are runs of letters, digits and combining marks in any script.
//     A hyphen between two word characters joins them (Kassym-Jomart,
//     COVID-19, 16-18, 2023-05-16, U.S.-led); so does an apostrophe followed
//     by a letter that does not start a clitic (O'Neill, D'Artagnan).
//   - Clitics are split off: Valdoria's → Valdoria 's, don't → do n't,
//     can't → ca n't, they're → they 're; a final apostrophe (farmers') is a
//     token of its own.
//   - Numbers keep their inner separators between digits: 1,000.5; 3.5;
//     16/05/2023; 10:30; a digit run followed by letters stays one word
//     (1.2bn, 5th). Signs: ".500" and "+44" keep their prefix when they do
//     not touch a word; "%", "$", "€", "£" are tokens of their own, but an
//     upper-case currency prefix keeps its dollar (US$, HK$, C$).
//   - Full stops stay on acronyms of single letters (U.S., U.N., a.m., e.g.;
//     also U.S without the last stop), on initials (John F. Kennedy → F.),
//     on the abbreviations of abbrev.go (Mr., Dr., Gen., Inc., Corp., Jan.,
//     Calif., vs., etc.; "No." only before a number) and on a list number at
//     the start of a line ("1. Item"). Any other full stop is a token.
//   - URLs (http://, https://, ftp://, www.), domain names ending in a known
//     top-level domain (valpress.de, bbc.co.uk/news), e-mail addresses,
//     @handles and #hashtags are one token; trailing sentence punctuation is
//     left out of them.
//   - Every other character is a token of its own, except runs of . - * = _ ~
//     ("...", "--", "***").
//
// Token.Text is the text as written except for these normalisations, which
// keep the CoNLL vocabulary: typographic double quotes and guillemets
// (“ ” „ « » ″) become ", a pair of backquotes or of apostrophes becomes "; typographic single quotes
// become '; apostrophes inside words (’ ʼ ‘) become ' (Valdoria’s →
// Valdoria 's, n’t → n't); em and en dashes standing alone become "--"; an
// en dash between digits joins them as a hyphen (16–18 → 16-18); Unicode
// hyphens inside words become "-" and soft hyphens are dropped; "…" becomes
// "...". Token.Start and Token.End always delimit the original surface.
//
// White space — Unicode spaces plus zero-width space, word joiner and
// byte-order mark — separates tokens and belongs to none; every other
// character of the input is in exactly one token.
//
// # Sentences
//
// A sentence ends:
//
//   - at ".", "?", "!" (closing quotes and brackets after them belong to
//     the sentence that ends), unless the next token starts in lower case or
//     is "," ";" ":" ")";
//   - at an ellipsis when the next token starts with a capital or a quote;
//   - at an abbreviation that can end a sentence (U.S., Inc., Jan., an
//     initial) only when the next word is a common sentence starter —
//     "... in the U.S. The company said" splits, "the U.S. Army" does not.
//     Titles (Mr., Dr., Gen., St.) and "No."/"vs." never end a sentence. When
//     an abbreviation does end one, its full stop becomes a token of its own
//     ("U.S" "."), as CoNLL-2003 writes it;
//   - at a blank line, always;
//   - at a single line break when the line is a headline, title or list
//     item: the next line opens a list (- * • 1. 1)), is indented deeper,
//     or the line is all capitals; otherwise, when the text is not
//     hard-wrapped, when the next line starts with a capital, digit or quote
//     and the line does not stop at a comma or function word. A text is
//     hard-wrapped (Reuters style) when at least a fifth of its line breaks
//     are followed by a lower-case word; there, only a line shorter than 60%
//     of the wrap width ends a sentence at its break, unless it opens a
//     paragraph after a blank line and a line of at least that width
//     follows (a lead whose dateline was taken off: "Federal Reserve Board
//     Chairman Paul⏎Volcker said ...");
//   - before a bullet (•) anywhere.
//
// Datelines: at the start of a paragraph, a place in capitals followed by
// a dash ("MARESTA - The ..."), by a full stop, an agency in capitals and a
// dash ("KORVIN. VALPRESS - On the eve ..."), or by a comma, a date and an
// agency in brackets and a dash ("LONDON, May 16 (Reuters) - ...") is a
// sentence of its own, ending with the dash, like the dateline lines of
// CoNLL-2003. "KORVIN. VALPRESS" without a dash stays with the sentence
// it opens; "KORVIN. The minister ..." makes "KORVIN ." its own sentence.
package token
