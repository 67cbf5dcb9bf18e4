package relation

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/kgraph/kgraph/loader/text"
)

// The word lists the patterns consult are data: words.txt, where each is
// described. Titles, demonyms, places and organisations come from
// loader/gazetteer; the lists here are the patterns' own words and
// phrases.
//
//go:embed words.txt
var wordsFile []byte

// wordLists is words.txt, read when the package is initialised; New
// reports an error in it (wordsErr) or a list the code asks for and the
// file lacks, or one the file has and no code reads.
var wordLists, wordsErr = parseWords(wordsFile)

// wanted holds the names of the lists the code reads.
var wanted = map[string]bool{}

// The lists, each read once by its name in words.txt.
var (
	coopTable       = newPhraseTable(list("cooperation-phrases")...)
	dealWords       = wordSet("deal-words")
	reportingVerbs  = wordSet("reporting-verbs")
	tieEnders       = wordSet("tie-enders")
	commonVerbs     = wordSet("common-verbs")
	eventNouns      = wordSet("event-nouns")
	journeyWords    = wordSet("journey-words")
	closers         = wordSet("closers")
	encounterCues   = wordSet("encounter-cues")
	govWords        = wordSet("government-words")
	genericOrgNouns = wordSet("generic-organisation-nouns")
	memberNouns     = wordSet("member-nouns")
	prepositions    = wordSet("prepositions")
	stopFillers     = text.Set(list("stop-fillers"), text.Articles, text.Possessives)
	killCues        = list("kill-cues")
	notJobs         = wordSet("not-jobs")
	travelCues      = list("travel-cues")
	matchVerbs      = wordSet("match-verbs")
	standingVerbs   = wordSet("standing-verbs")
	ordinals        = wordSet("ordinals")
	edgeNouns       = wordSet("edge-nouns")
	firmNouns       = wordSet("firm-nouns")
	partyNames      = wordSet("party-names")
	envoyWords      = wordSet("envoy-words")
	pastWords       = wordSet("past-words")
	auxWord         = wordSet("auxiliary-words")
	descriptors     = wordSet("descriptors")
	creationWords   = wordSet("creation-words")
	meetingTable    = newPhraseTable(list("meeting-phrases")...)
	meetingNouns    = wordSet("meeting-nouns")
	coAgentTable    = newPhraseTable(list("co-agent-phrases")...)
	frameworkTable  = newPhraseTable(list("framework-phrases")...)
	partnerNouns    = wordSet("partner-nouns")
	numberWords     = wordSet("number-words")
)

// list returns the items of the list name of words.txt.
func list(name string) []string {
	wanted[name] = true
	return wordLists[name]
}

// wordSet returns the list name of words.txt as a set.
func wordSet(name string) map[string]bool { return text.Set(list(name)) }

// parseWords reads the word lists. A list starts at the beginning of a
// line with its name and a colon; its items, separated by commas, follow
// on that line and on continuation lines that start with white space
// (a comma may end a line). Blank lines and lines starting with # are
// comments. Items are lower case (a phrase's words are joined by one
// space), and a list holds no item twice.
func parseWords(b []byte) (map[string][]string, error) {
	lists := map[string][]string{}
	var name string
	var body strings.Builder
	flush := func(n int) error {
		if name == "" {
			return nil
		}
		var items []string
		for _, it := range strings.Split(body.String(), ",") {
			it = strings.Join(strings.Fields(it), " ")
			if it == "" {
				continue // a comma ending a line
			}
			if strings.ToLower(it) != it || slices.Contains(items, it) {
				return fmt.Errorf("words.txt:%d: list %q: upper-case or repeated item %q", n, name, it)
			}
			items = append(items, it)
		}
		lists[name] = items
		name = ""
		body.Reset()
		return nil
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
			continue
		case line[0] == ' ' || line[0] == '\t':
			if name == "" {
				return nil, fmt.Errorf("words.txt:%d: a continuation line outside a list", n)
			}
			body.WriteString("," + line)
			continue
		}
		if err := flush(n - 1); err != nil {
			return nil, err
		}
		head, items, ok := strings.Cut(line, ":")
		if !ok || head == "" || strings.ContainsAny(head, " \t") {
			return nil, fmt.Errorf("words.txt:%d: want \"name: item, item, ...\"", n)
		}
		if _, dup := lists[head]; dup {
			return nil, fmt.Errorf("words.txt:%d: list %q twice", n, head)
		}
		name = head
		body.WriteString(items)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return lists, flush(n)
}

// checkWords reports what is wrong with words.txt: a line that does not
// parse, a list the code reads that the file lacks, or one no code reads.
func checkWords() error {
	if wordsErr != nil {
		return wordsErr
	}
	for name := range wanted {
		if _, ok := wordLists[name]; !ok {
			return fmt.Errorf("words.txt: no list %q", name)
		}
	}
	for name := range wordLists {
		if !wanted[name] {
			return fmt.Errorf("words.txt: list %q is not read", name)
		}
	}
	return nil
}

// hasCue reports whether one of the lower-cased tokens low begins with
// one of cues.
func hasCue(low, cues []string) bool {
	for _, w := range low {
		for _, c := range cues {
			if strings.HasPrefix(w, c) {
				return true
			}
		}
	}
	return false
}
