package refine

import (
	"strings"
	"testing"
)

// TestParseDescriptorsPersonal: a personal phrase marks the head of that
// phrase and no other, and one that is no head is an error naming its
// line.
func TestParseDescriptorsPersonal(t *testing.T) {
	d, err := parseDescriptors("strong\tairline\nweak\tbroadcaster,law firm\npersonal\tbroadcaster\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		last     string
		personal bool
	}{{"airline", false}, {"broadcaster", true}, {"firm", false}} {
		hs := d.heads[tt.last]
		if len(hs) != 1 || hs[0].personal != tt.personal {
			t.Errorf("heads[%q] = %+v, want one with personal %v", tt.last, hs, tt.personal)
		}
	}
	_, err = parseDescriptors("weak\tbroadcaster\npersonal\tbroadcaster,actor\n")
	if err == nil || !strings.Contains(err.Error(), `:2: personal "actor" is no head`) {
		t.Errorf("a personal phrase that is no head: err %v, want line 2 naming actor", err)
	}
}
