package graph

import (
	"slices"
	"testing"
)

func dupEnt(id, name string, typ EntityType, mentions int, aliases ...string) *Entity {
	return &Entity{ID: id, Name: name, Type: typ, Aliases: aliases, MentionCount: mentions}
}

// groupOf returns the IDs of the group holding id, sorted, or nil.
func groupOf(groups []DuplicateGroup, id string) []string {
	for _, g := range groups {
		var ids []string
		for _, m := range g.Members {
			ids = append(ids, m.ID)
		}
		if slices.Contains(ids, id) {
			slices.Sort(ids)
			return ids
		}
	}
	return nil
}

func TestDuplicateFinder(t *testing.T) {
	f := NewDuplicateFinder()
	for _, e := range []*Entity{
		dupEnt("e1", "Sony", Organization, 30),
		dupEnt("e2", "Sony Corp", Organization, 5),
		dupEnt("e3", "Sony", Organization, 2),
		dupEnt("e4", "Securities and Exchange Commission", Organization, 8),
		dupEnt("e5", "Securities & Exchange Commission", Organization, 3),
		dupEnt("e6", "SEC", Organization, 12),
		dupEnt("e7", "Howard", Person, 4),
		dupEnt("e8", "Howard", Person, 3),
		dupEnt("e9", "BBC", Organization, 40),
		dupEnt("e10", "BBC", Misc, 2),
		dupEnt("e11", "New York Fed", Organization, 6, "Fed"),
		dupEnt("e12", "Federal Reserve", Organization, 9, "Fed"),
		dupEnt("e13", "Mary Smith", Person, 2),
		dupEnt("e14", "John Smith", Person, 2),
		dupEnt("e15", "Bank of England", Organization, 7, "the Bank of England"),
		dupEnt("e16", "The Bank of England", Organization, 1),
	} {
		f.Add(e)
	}
	groups := f.Groups(0.6)
	for id, want := range map[string][]string{
		"e1":  {"e1", "e2", "e3"},
		"e4":  {"e4", "e5", "e6"},
		"e9":  {"e10", "e9"},
		"e15": {"e15", "e16"},
		"e7":  nil, // two people named Howard may be two people
		"e11": nil, // a shared one-word alias is no evidence
		"e13": nil,
	} {
		if got := groupOf(groups, id); !slices.Equal(got, want) {
			t.Errorf("group of %s = %v, want %v", id, got, want)
		}
	}
	if g := groups[0]; g.Members[0].ID != "e9" && g.Members[0].ID != "e1" {
		t.Errorf("groups are ordered by mentions; first is %v", g.Members)
	}
	for _, g := range groups {
		if len(g.Evidence) == 0 || g.Score < 0.6 {
			t.Errorf("group %v without evidence above the threshold: %+v", g.Members, g.Evidence)
		}
		if g.Members[0].Mentions < g.Members[len(g.Members)-1].Mentions {
			t.Errorf("survivor first: %v", g.Members)
		}
	}
	if got := groupOf(f.Groups(0.9), "e9"); got != nil {
		t.Errorf("BBC under two types is review evidence only (0.6); at 0.9 got %v", got)
	}
	if got := groupOf(f.Groups(0.3), "e7"); !slices.Equal(got, []string{"e7", "e8"}) {
		t.Errorf("at 0.3 the shared surname is reported; got %v", got)
	}
}

func TestDuplicateFinderAmbiguousAcronym(t *testing.T) {
	f := NewDuplicateFinder()
	for _, e := range []*Entity{
		dupEnt("e1", "SEC", Organization, 5),
		dupEnt("e2", "Securities and Exchange Commission", Organization, 5),
		dupEnt("e3", "Southeast Energy Council", Organization, 5),
	} {
		f.Add(e)
	}
	if got := groupOf(f.Groups(0.6), "e1"); got != nil {
		t.Errorf("an acronym two names spell joins neither; got %v", got)
	}
}
