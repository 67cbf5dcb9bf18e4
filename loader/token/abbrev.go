package token

// abbrKind says how a word that keeps its full stop ("Mr.", "Inc.") behaves
// at a possible sentence end.
type abbrKind uint8

const (
	abbrNone abbrKind = iota
	// abbrTitle precedes a name and never ends a sentence (Mr., Gen., St.).
	abbrTitle
	// abbrNumber precedes a number and never ends a sentence (No., vs.).
	abbrNumber
	// abbrFinal may end a sentence (Inc., Jan., Calif., etc.): the splitter
	// decides from the word that follows.
	abbrFinal
)

// abbrevUpper lists the abbreviations written with a capital first letter,
// keyed in lower case. Matching is case-insensitive on the rest of the word
// so that headline capitals ("INC.") work too.
var abbrevUpper = map[string]abbrKind{
	// titles and ranks
	"mr": abbrTitle, "mrs": abbrTitle, "ms": abbrTitle, "messrs": abbrTitle,
	"mme": abbrTitle, "mlle": abbrTitle, "dr": abbrTitle, "prof": abbrTitle,
	"gen": abbrTitle, "sen": abbrTitle, "rep": abbrTitle, "gov": abbrTitle,
	"lt": abbrTitle, "col": abbrTitle, "capt": abbrTitle, "sgt": abbrTitle,
	"cpl": abbrTitle, "pvt": abbrTitle, "maj": abbrTitle, "adm": abbrTitle,
	"cmdr": abbrTitle, "brig": abbrTitle, "rev": abbrTitle, "hon": abbrTitle,
	"pres": abbrTitle, "supt": abbrTitle, "insp": abbrTitle, "fr": abbrTitle,
	"st": abbrTitle, "mt": abbrTitle, "ft": abbrTitle,
	"amb": abbrTitle, "gens": abbrTitle, "sens": abbrTitle, "reps": abbrTitle,
	// before numbers
	"no": abbrNumber, "nos": abbrNumber, "vol": abbrNumber,
	// after names and companies
	"jr": abbrFinal, "sr": abbrFinal, "inc": abbrFinal, "corp": abbrFinal,
	"ltd": abbrFinal, "co": abbrFinal, "cos": abbrFinal, "bros": abbrFinal,
	"plc": abbrFinal, "assn": abbrFinal, "dept": abbrFinal, "univ": abbrFinal,
	"govt": abbrFinal, "ave": abbrFinal, "blvd": abbrFinal, "rd": abbrFinal,
	// months
	"jan": abbrFinal, "feb": abbrFinal, "mar": abbrFinal, "apr": abbrFinal,
	"jun": abbrFinal, "jul": abbrFinal, "aug": abbrFinal, "sep": abbrFinal,
	"sept": abbrFinal, "oct": abbrFinal, "nov": abbrFinal, "dec": abbrFinal,
	// U.S. states, as Reuters writes them
	"ala": abbrFinal, "ariz": abbrFinal, "ark": abbrFinal, "calif": abbrFinal,
	"colo": abbrFinal, "conn": abbrFinal, "del": abbrFinal, "fla": abbrFinal,
	"ga": abbrFinal, "ill": abbrFinal, "ind": abbrFinal, "kan": abbrFinal,
	"kans": abbrFinal, "ky": abbrFinal, "la": abbrFinal, "md": abbrFinal,
	"mass": abbrFinal, "mich": abbrFinal, "minn": abbrFinal, "miss": abbrFinal,
	"mo": abbrFinal, "mont": abbrFinal, "neb": abbrFinal, "nev": abbrFinal,
	"okla": abbrFinal, "ore": abbrFinal, "pa": abbrFinal, "penn": abbrFinal,
	"tenn": abbrFinal, "tex": abbrFinal, "va": abbrFinal, "vt": abbrFinal,
	"wash": abbrFinal, "wis": abbrFinal, "wisc": abbrFinal, "wyo": abbrFinal,
}

// abbrevLower lists the abbreviations written in lower case.
var abbrevLower = map[string]abbrKind{
	"vs": abbrTitle, "v": abbrTitle, "no": abbrNumber, "nos": abbrNumber,
	"p": abbrNumber, "pp": abbrNumber, "vol": abbrNumber, "approx": abbrTitle,
	"etc": abbrFinal, "al": abbrFinal, "cf": abbrTitle, "est": abbrFinal,
	"viz": abbrTitle, "ca": abbrNumber, "pct": abbrFinal,
}

// lookupAbbrev returns the kind of abbreviation w is (without its full
// stop), or abbrNone. Words longer than 7 bytes are never abbreviations.
func lookupAbbrev(w string) abbrKind {
	if len(w) == 0 || len(w) > 7 {
		return abbrNone
	}
	var buf [8]byte
	upperFirst := w[0] >= 'A' && w[0] <= 'Z'
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z':
		default:
			return abbrNone
		}
		buf[i] = c
	}
	if upperFirst {
		return abbrevUpper[string(buf[:len(w)])]
	}
	return abbrevLower[string(buf[:len(w)])]
}

// starters are words that begin sentences far more often than they follow
// an abbreviation inside one: "in the U.S. The company said" splits, "the
// U.S. Army" does not. Keyed in lower case.
var starters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "i": true, "you": true, "his": true, "her": true,
	"its": true, "their": true, "our": true, "my": true, "this": true,
	"that": true, "these": true, "those": true, "there": true, "here": true,
	"in": true, "on": true, "at": true, "for": true, "from": true, "by": true,
	"with": true, "after": true, "before": true, "during": true, "but": true,
	"and": true, "or": true, "so": true, "yet": true, "if": true, "when": true,
	"while": true, "as": true, "since": true, "although": true, "though": true,
	"because": true, "however": true, "meanwhile": true, "moreover": true,
	"also": true, "still": true, "then": true, "now": true, "earlier": true,
	"later": true, "according": true, "some": true, "many": true, "most": true,
	"other": true, "others": true, "all": true, "both": true, "each": true,
	"no": true, "not": true, "what": true, "who": true, "why": true,
	"how": true, "where": true, "which": true, "such": true, "last": true,
	"next": true, "under": true, "over": true, "about": true, "nor": true,
	"thus": true, "instead": true, "despite": true, "officials": true,
}

// isStarter reports whether w (any case) is one of the starters.
func isStarter(w string) bool {
	if len(w) == 0 || len(w) > 10 {
		return false
	}
	var buf [10]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return starters[string(buf[:len(w)])]
}

// functionWords end a line that cannot be a headline: a line that stops at
// "the" or "of" was wrapped mid-sentence.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "or": true,
	"to": true, "in": true, "on": true, "at": true, "for": true, "with": true,
	"by": true, "from": true, "as": true, "that": true, "which": true,
	"who": true, "its": true, "their": true, "his": true, "her": true,
	"is": true, "was": true, "are": true, "were": true, "be": true,
	"has": true, "have": true, "had": true, "will": true, "would": true,
	"said": true, "but": true, "than": true, "into": true, "about": true,
}

// topLevelDomains are the name endings that make "word.tld" one token
// (valpress.de, Amazon.com). English words that are also top-level domains
// (in, it, be, at, no, me, us, to ...) are left out on purpose so that a
// missing space after a full stop does not glue two words.
var topLevelDomains = map[string]bool{
	"com": true, "net": true, "org": true, "edu": true, "gov": true,
	"mil": true, "int": true, "info": true, "biz": true, "io": true,
	"uk": true, "kz": true, "ru": true, "ua": true, "uz": true, "kg": true,
	"tj": true, "tm": true, "az": true, "ge": true, "de": true, "fr": true,
	"es": true, "nl": true, "ch": true, "se": true, "pl": true, "cz": true,
	"hu": true, "ro": true, "bg": true, "gr": true, "tr": true, "il": true,
	"cn": true, "jp": true, "kr": true, "pk": true, "au": true, "nz": true,
	"ca": true, "eu": true, "tv": true, "fm": true, "ly": true, "dk": true,
	"fi": true, "br": true, "mx": true, "ar": true, "za": true, "ng": true,
	"ke": true, "sg": true, "hk": true, "tw": true, "ae": true, "sa": true,
	"qa": true, "ir": true, "af": true, "mn": true, "lt": true, "lv": true,
	"ee": true, "sk": true, "pt": true, "ie": true, "coop": true,
}
