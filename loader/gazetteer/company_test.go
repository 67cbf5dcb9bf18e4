package gazetteer_test

import (
	"testing"
)

func TestFindCompany(t *testing.T) {
	tests := []struct {
		name, want, country string
		ambiguous           bool
	}{
		{"Sony", "Sony", "Japan", false},
		{"Sony Corp", "Sony", "Japan", false},
		{"Sony Corp.", "Sony", "Japan", false},
		{"Nintendo Co Ltd", "Nintendo", "Japan", false},
		{"Sony's", "Sony", "Japan", false},
		{"GM", "General Motors", "United States", false},
		{"General Motors Corp", "General Motors", "United States", false},
		{"Toyota Motor Corp", "Toyota", "Japan", false},
		{"Altria Group", "Altria", "United States", false},
		{"Procter & Gamble Co", "Procter & Gamble", "United States", false},
		{"The Walt Disney Company", "Walt Disney", "United States", false},
		{"Disney", "Walt Disney", "United States", true},
		{"Ford Motor Co", "Ford", "United States", false},
		{"Ford", "Ford", "United States", true},
		{"Amazon", "Amazon", "United States", true},
		{"M&S", "Marks & Spencer", "United Kingdom", false},
		{"Gartner", "Gartner", "United States", false},
	}
	for _, tt := range tests {
		c, amb, ok := tab.FindCompany(tt.name)
		if !ok {
			t.Errorf("FindCompany(%q): not found, want %s", tt.name, tt.want)
			continue
		}
		if c.Name != tt.want || c.Country != tt.country || amb != tt.ambiguous {
			t.Errorf("FindCompany(%q) = %s/%s ambiguous %v, want %s/%s ambiguous %v", tt.name, c.Name, c.Country, amb, tt.want, tt.country, tt.ambiguous)
		}
	}
	// Acronyms only in capitals; a business line or product is another
	// name; a legal form alone is no company.
	for _, name := range []string{"gm", "Sony Pictures", "Barclays Capital", "Nintendo DS", "Corp", "Inc", "Fox Entertainment Group", "American", "United"} {
		if c, _, ok := tab.FindCompany(name); ok {
			t.Errorf("FindCompany(%q) = %s, want not found", name, c.Name)
		}
	}
}

func TestFindPlaceAfterThe(t *testing.T) {
	for _, name := range []string{"The US", "the UK"} {
		if _, ok := tab.FindPlace(name); !ok {
			t.Errorf("FindPlace(%q): not found, want a country", name)
		}
	}
	if p, ok := tab.FindPlace("The us"); ok {
		t.Errorf("FindPlace(%q) = %s, want not found", "The us", p.Name)
	}
}
