package schema

import graphql "github.com/graph-gophers/graphql-go"

// storeID is the ID of an entity or relation as its resolver returns it.
// The store makes these ids of ASCII letters, digits, '_' and ':', which
// encoding/json's string encoder writes exactly as graphql.ID's
// MarshalJSON does; graphql-go encodes every scalar with json.Marshal,
// and for a Marshaler such as graphql.ID json also allocates and
// re-checks the output (a tenth of a 200-node subgraph's CPU).
type storeID string

// ImplementsGraphQLType tells graphql-go that storeID is an ID.
func (storeID) ImplementsGraphQLType(name string) bool { return name == "ID" }

// UnmarshalGraphQL accepts what graphql.ID accepts.
func (id *storeID) UnmarshalGraphQL(input any) error {
	var g graphql.ID
	err := g.UnmarshalGraphQL(input)
	*id = storeID(g)
	return err
}
