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
}

// RelationTypes is the relation vocabulary, in display order.
var RelationTypes = []RelationTypeInfo{
	{WorksFor, false, []string{"title"}, "A person works for an organisation or country, with a title."},
	{Leads, false, []string{"title"}, "A person heads an organisation or state."},
	{MemberOf, false, nil, "A person, organisation or country is a member of an organisation."},
	{PartOf, false, nil, "Something is a part, branch or component of something larger."},
	{BasedIn, false, nil, "An organisation is based in a location."},
	{LocatedIn, false, nil, "A location or event is located in a location."},
	{LivesIn, false, nil, "A person lives in, or is a national of, a location."},
	{MetWith, true, nil, "Two parties met."},
	{ParticipatesIn, false, nil, "A party takes part in an event or initiative."},
	{OrganizedBy, false, nil, "An event or initiative is organised by a party."},
	{Announced, false, nil, "A party announced something."},
	{Proposed, false, nil, "A party proposed or put forward something."},
	{Launched, false, nil, "A party launched or created something."},
	{CooperatesWith, true, nil, "Two parties cooperate."},
	{Acquired, false, nil, "An organisation acquired another."},
	{Killed, false, nil, "A person killed a person."},
	{RelatedTo, false, []string{"predicate"}, "Any other stated relation; attribute predicate holds the verb phrase."},
}

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
