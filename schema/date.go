package schema

import (
	"encoding/json"
	"fmt"
	"time"
)

// dateScalar is the GraphQL scalar Date: a calendar date written YYYY-MM-DD.
type dateScalar struct{ s string }

// ImplementsGraphQLType binds dateScalar to the schema's scalar Date.
func (dateScalar) ImplementsGraphQLType(name string) bool { return name == "Date" }

// UnmarshalGraphQL accepts a string holding a valid YYYY-MM-DD date.
func (d *dateScalar) UnmarshalGraphQL(input any) error {
	s, ok := input.(string)
	if !ok {
		return fmt.Errorf("a Date is a string YYYY-MM-DD, got %T", input)
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("a Date is written YYYY-MM-DD, got %q", s)
	}
	d.s = s
	return nil
}

// MarshalJSON writes the date as a JSON string.
func (d dateScalar) MarshalJSON() ([]byte, error) { return json.Marshal(d.s) }

// String returns the date as YYYY-MM-DD.
func (d dateScalar) String() string { return d.s }
