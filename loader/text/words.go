package text

// Closed classes of English words that several stages consult, in lower
// case. Each stage composes the sets it needs from these lists with Set,
// so that a month or a possessive is spelled in one place.
var (
	Articles    = []string{"the", "a", "an"}
	Possessives = []string{"its", "his", "her", "their"} // third person, which news text uses of its subjects
	Months      = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	Weekdays    = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	Modals      = []string{"can", "could", "may", "might", "should", "would", "must"}
	// Auxiliaries are the forms of have, do, will and shall that open a
	// verb phrase ("has signed", "did not", "will visit").
	Auxiliaries = []string{"will", "has", "have", "had", "did", "does", "do", "shall"}
)

// monthAbbrevs are the abbreviations of month names, with and without a
// full stop.
var monthAbbrevs = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// Set returns the union of lists as a set.
func Set(lists ...[]string) map[string]bool {
	s := map[string]bool{}
	for _, l := range lists {
		for _, w := range l {
			s[w] = true
		}
	}
	return s
}

// MonthNumbers maps month names and their abbreviations ("sept", "sept.")
// in lower case to the month's number.
func MonthNumbers() map[string]int {
	m := map[string]int{}
	for i, w := range Months {
		m[w] = i + 1
	}
	for w, n := range monthAbbrevs {
		m[w], m[w+"."] = n, n
	}
	return m
}
