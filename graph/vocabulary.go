package graph

// EntityType is the kind of a node. The set is closed: see EntityTypes.
type EntityType string

// Entity types of the default ontology.
const (
	Person       EntityType = "PERSON"
	Organization EntityType = "ORGANIZATION"
	Location     EntityType = "LOCATION" // attribute "kind": country, city, region, facility …
	Event        EntityType = "EVENT"
	Initiative   EntityType = "INITIATIVE" // programmes, alliances, agreements, laws, campaigns
	NORP         EntityType = "NORP"       // nationalities, religious and political groups
	Misc         EntityType = "MISC"
)

// EntityTypeInfo describes one entity type.
type EntityTypeInfo struct {
	Type        EntityType
	Description string
}

// EntityTypes is the entity vocabulary, in display order.
var EntityTypes = []EntityTypeInfo{
	{Person, "A named person."},
	{Organization, "A company, government body, agency, party, team or other organisation."},
	{Location, "A place: country, city, region or facility (attribute kind)."},
	{Event, "A named event: meeting, conference, summit, war, tournament."},
	{Initiative, "A programme, alliance in the making, agreement, law or campaign."},
	{NORP, "A nationality, religious or political group."},
	{Misc, "Any other named thing."},
}

// Valid reports whether t is in the vocabulary.
func (t EntityType) Valid() bool {
	for _, i := range EntityTypes {
		if i.Type == t {
			return true
		}
	}
	return false
}

// RelationType is the kind of an edge. The set is closed: see RelationTypes.
type RelationType string

// Relation types of the default ontology.
const (
	WorksFor       RelationType = "WORKS_FOR"
	Leads          RelationType = "LEADS"
	MemberOf       RelationType = "MEMBER_OF"
	PartOf         RelationType = "PART_OF"
	BasedIn        RelationType = "BASED_IN"
	LocatedIn      RelationType = "LOCATED_IN"
	LivesIn        RelationType = "LIVES_IN"
	MetWith        RelationType = "MET_WITH"
	ParticipatesIn RelationType = "PARTICIPATES_IN"
	OrganizedBy    RelationType = "ORGANIZED_BY"
	Announced      RelationType = "ANNOUNCED"
	Proposed       RelationType = "PROPOSED"
	Launched       RelationType = "LAUNCHED"
	CooperatesWith RelationType = "COOPERATES_WITH"
	Acquired       RelationType = "ACQUIRED"
	Killed         RelationType = "KILLED"
	RelatedTo      RelationType = "RELATED_TO"
)

// RelationTypeInfo describes one relation type: whether it is symmetric
// (stored once, with the endpoints in canonical order) and which attributes
// it usually carries.
type RelationTypeInfo struct {
	Type        RelationType
	Symmetric   bool
	Attributes  []string
	Description string
	// Source and Target list the entity types the relation may join; nil
	// means any type.
	Source, Target []EntityType
}

// RelationTypes is the relation vocabulary, in display order.
var RelationTypes = []RelationTypeInfo{
	{WorksFor, false, []string{"title"}, "A person works for an organisation or country, with a title.", persons, orgsOrPlaces},
	{Leads, false, []string{"title"}, "A person heads an organisation or state.", persons, []EntityType{Organization, Location, Initiative}},
	{MemberOf, false, nil, "A person, organisation or country is a member of an organisation.", parties, []EntityType{Organization, Initiative}},
	{PartOf, false, nil, "Something is a part, branch or component of something larger.", nil, nil},
	{BasedIn, false, nil, "An organisation is based in a location.", []EntityType{Organization}, places},
	{LocatedIn, false, nil, "A location or event is located in a location.", []EntityType{Location, Event, Initiative}, places},
	{LivesIn, false, nil, "A person lives in, or is a national of, a location.", persons, places},
	{MetWith, true, nil, "Two parties met.", parties, parties},
	{ParticipatesIn, false, nil, "A party takes part in an event or initiative.", parties, nil},
	{OrganizedBy, false, nil, "An event or initiative is organised by a party.", nil, parties},
	{Announced, false, nil, "A party announced something.", parties, nil},
	{Proposed, false, nil, "A party proposed or put forward something.", parties, nil},
	{Launched, false, nil, "A party launched or created something.", parties, nil},
	{CooperatesWith, true, nil, "Two parties cooperate.", parties, parties},
	{Acquired, false, nil, "An organisation acquired another.", []EntityType{Organization}, []EntityType{Organization}},
	{Killed, false, nil, "A person killed a person.", persons, persons},
	{RelatedTo, false, []string{"predicate"}, "Any other stated relation; attribute predicate holds the verb phrase.", nil, nil},
}

// Argument type sets of RelationTypes.
var (
	persons      = []EntityType{Person}
	places       = []EntityType{Location}
	orgsOrPlaces = []EntityType{Organization, Location}
	parties      = []EntityType{Person, Organization, Location} // who can act: people, organisations, states
)

// Info returns the vocabulary entry of t and whether t is in the vocabulary.
func (t RelationType) Info() (RelationTypeInfo, bool) {
	for _, i := range RelationTypes {
		if i.Type == t {
			return i, true
		}
	}
	return RelationTypeInfo{}, false
}

// Valid reports whether t is in the vocabulary.
func (t RelationType) Valid() bool { _, ok := t.Info(); return ok }

// Symmetric reports whether t is a symmetric relation type.
func (t RelationType) Symmetric() bool { i, _ := t.Info(); return i.Symmetric }

// Allows reports whether t may join an entity of type src to one of type
// dst. Symmetric types accept either order.
func (t RelationType) Allows(src, dst EntityType) bool {
	i, ok := t.Info()
	if !ok {
		return false
	}
	fits := func(set []EntityType, x EntityType) bool {
		if set == nil {
			return true
		}
		for _, y := range set {
			if y == x {
				return true
			}
		}
		return false
	}
	return fits(i.Source, src) && fits(i.Target, dst) || i.Symmetric && fits(i.Source, dst) && fits(i.Target, src)
}
