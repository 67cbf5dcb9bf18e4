package store

import (
	"encoding/binary"
	"strconv"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// Key layout. Every key starts with one byte naming its kind; entity and
// document numbers are 8-byte big-endian so that prefix scans are the
// queries and keys sort numerically. "eid" is an entity number, "doc" an
// internal document number, "t" a one-byte type code, "rel" the 17 bytes
// src|t|dst of a relation.
const (
	kindStats    = 'S' // S                    -> stats record (counts, next numbers)
	kindJournal  = 'P' // P|seq(8)             -> before-images of one chunk of a split commit
	kindDoc      = 'D' // D|doc                -> document record
	kindText     = 'B' // B|doc                -> document text
	kindDocID    = 'I' // I|document id        -> doc
	kindHash     = 'H' // H|content hash       -> doc
	kindDate     = 'T' // T|date(10)|doc       -> nil (undated: date is empty)
	kindEntity   = 'E' // E|eid                -> entity record
	kindAlias    = 'A' // A|normalised alias   -> eids (uvarint list)
	kindToken    = 'K' // K|token|0|eid        -> nil
	kindVocab    = 'Q' // Q|token              -> number of entities with the token
	kindOrder    = 'X' // X|order|t|sort|eid   -> nil
	kindMention  = 'M' // M|eid|doc            -> contribution of doc to the entity
	kindDocEnt   = 'N' // N|doc|eid            -> nil
	kindOut      = 'O' // O|src|t|dst          -> relation record
	kindIn       = 'J' // J|dst|t|src          -> nil
	kindRelType  = 'Y' // Y|t|src|dst          -> nil
	kindEvidence = 'V' // V|src|t|dst|doc      -> evidence contributed by doc
	kindDocRel   = 'W' // W|doc|src|t|dst      -> nil
	kindRedirect = 'G' // G|eid                -> eid it was merged into
	kindPin      = 'Z' // Z|normalised alias   -> eid a merge pinned the alias to
	kindFormat   = 'F' // F                    -> format version of the keys (format.go)
)

// Entity orders in the X index.
const (
	orderMentions byte = 1
	orderDegree   byte = 2
	orderName     byte = 3
)

// statsKey is the single key of the stats record.
var statsKey = []byte{kindStats}

func u64(b []byte, v uint64) []byte { return binary.BigEndian.AppendUint64(b, v) }

// key starts a key with the given bytes and room for n more, so that
// building it allocates once (a point read's key is built per call).
func key(n int, head ...byte) []byte { return append(make([]byte, 0, len(head)+n), head...) }

func docKey(doc uint64) []byte    { return u64(key(8, kindDoc), doc) }
func textKey(doc uint64) []byte   { return u64(key(8, kindText), doc) }
func docIDKey(id string) []byte   { return append([]byte{kindDocID}, id...) }
func hashKey(hash string) []byte  { return append([]byte{kindHash}, hash...) }
func entityKey(e uint64) []byte   { return u64(key(8, kindEntity), e) }
func aliasKey(n string) []byte    { return append([]byte{kindAlias}, n...) }
func vocabKey(tok string) []byte  { return append([]byte{kindVocab}, tok...) }
func redirectKey(e uint64) []byte { return u64(key(8, kindRedirect), e) }
func pinKey(n string) []byte      { return append([]byte{kindPin}, n...) }
func journalKey(seq uint64) []byte {
	return u64(key(8, kindJournal), seq)
}

func dateKey(date string, doc uint64) []byte {
	b := append([]byte{kindDate}, dateField(date)...)
	return u64(b, doc)
}

// dateField pads or cuts a date to the fixed 10 bytes of the T index;
// undated documents use ten zero bytes and so sort before every date.
func dateField(date string) []byte {
	f := make([]byte, 10)
	copy(f, date)
	return f
}

func tokenPrefix(tok string) []byte { return append(append([]byte{kindToken}, tok...), 0) }
func tokenKey(tok string, e uint64) []byte {
	return u64(tokenPrefix(tok), e)
}

func mentionPrefix(e uint64) []byte   { return u64(key(16, kindMention), e) }
func mentionKey(e, doc uint64) []byte { return u64(mentionPrefix(e), doc) }
func docEntPrefix(doc uint64) []byte  { return u64(key(16, kindDocEnt), doc) }
func docEntKey(doc, e uint64) []byte  { return u64(docEntPrefix(doc), e) }
func outPrefix(e uint64) []byte       { return u64(key(8, kindOut), e) }
func inPrefix(e uint64) []byte        { return u64(key(8, kindIn), e) }
func relTypePrefix(t byte) []byte     { return []byte{kindRelType, t} }
func docRelPrefix(doc uint64) []byte  { return u64(key(25, kindDocRel), doc) }
func evidencePrefix(r relKey) []byte  { return r.append(key(25, kindEvidence)) }
func evidenceKey(r relKey, doc uint64) []byte {
	return u64(evidencePrefix(r), doc)
}

// relKey identifies a relation: relations are unique per source, type and
// target.
type relKey struct {
	Src uint64
	T   byte
	Dst uint64
}

// other returns the endpoint of r that is not e (e itself for a loop).
func (r relKey) other(e uint64) uint64 {
	if r.Dst == e {
		return r.Src
	}
	return r.Dst
}

func (r relKey) append(b []byte) []byte { return u64(append(u64(b, r.Src), r.T), r.Dst) }
func (r relKey) out() []byte            { return r.append(key(17, kindOut)) }
func (r relKey) in() []byte {
	return u64(append(u64(key(17, kindIn), r.Dst), r.T), r.Src)
}
func (r relKey) byType() []byte {
	return u64(u64(key(16, kindRelType, r.T), r.Src), r.Dst)
}
func (r relKey) docRel(doc uint64) []byte { return r.append(docRelPrefix(doc)) }

// parseRel reads the 17 bytes src|t|dst.
func parseRel(b []byte) relKey {
	return relKey{binary.BigEndian.Uint64(b), b[8], binary.BigEndian.Uint64(b[9:])}
}

// relFromIn turns the tail dst|t|src of an in-edge key into a relKey.
func relFromIn(b []byte) relKey {
	return relKey{binary.BigEndian.Uint64(b[9:]), b[8], binary.BigEndian.Uint64(b)}
}

// orderKeys are the X index keys of an entity: by mentions, degree and
// name, under its type. Lists over all types merge the per-type streams,
// so that each entity update rewrites three keys, not six.
func orderKeys(e uint64, r *entRec) [][]byte {
	tc := entityCode[r.Type]
	return [][]byte{
		u64(u64([]byte{kindOrder, orderMentions, tc}, ^uint64(r.Mentions)), e),
		u64(u64([]byte{kindOrder, orderDegree, tc}, ^uint64(r.Degree)), e),
		u64(append(append([]byte{kindOrder, orderName, tc}, graph.NormalizeName(r.Name)...), 0), e),
	}
}

// Entity IDs are "e" followed by the entity number in base 36.
func entityID(e uint64) string { return "e" + strconv.FormatUint(e, 36) }

// parseEntityID returns the entity number of id, or 0 when id is not one
// this store makes.
func parseEntityID(id string) uint64 {
	if len(id) < 2 || id[0] != 'e' {
		return 0
	}
	// entityID writes lower-case base 36 without leading zeros; any other
	// spelling of the same number is not an id this store made.
	digits := id[1:]
	if len(digits) > 1 && digits[0] == '0' {
		return 0
	}
	for i := 0; i < len(digits); i++ {
		if c := digits[i]; (c < '0' || c > '9') && (c < 'a' || c > 'z') {
			return 0
		}
	}
	n, err := strconv.ParseUint(digits, 36, 64)
	if err != nil {
		return 0
	}
	return n
}

// Relation IDs are "src:TYPE:dst" with entity IDs, so they are derived from
// the triple that makes a relation unique.
func relationID(r relKey) string {
	return entityID(r.Src) + ":" + string(relationType[r.T]) + ":" + entityID(r.Dst)
}

func parseRelationID(id string) (relKey, bool) {
	parts := strings.Split(id, ":")
	if len(parts) != 3 {
		return relKey{}, false
	}
	src, dst := parseEntityID(parts[0]), parseEntityID(parts[2])
	t := relationCode[graph.RelationType(parts[1])]
	return relKey{src, t, dst}, src != 0 && dst != 0 && t != 0
}

// Type codes are fixed here, not taken from the order of the vocabulary
// tables, so that reordering the vocabulary never changes stored keys. New
// types get new codes at the end.
var (
	entityCode = map[graph.EntityType]byte{
		graph.Person: 1, graph.Organization: 2, graph.Location: 3, graph.Event: 4,
		graph.Initiative: 5, graph.NORP: 6, graph.Misc: 7,
	}
	relationCode = map[graph.RelationType]byte{
		graph.WorksFor: 1, graph.Leads: 2, graph.MemberOf: 3, graph.PartOf: 4,
		graph.BasedIn: 5, graph.LocatedIn: 6, graph.LivesIn: 7, graph.MetWith: 8,
		graph.ParticipatesIn: 9, graph.OrganizedBy: 10, graph.Announced: 11,
		graph.Proposed: 12, graph.Launched: 13, graph.CooperatesWith: 14,
		graph.Acquired: 15, graph.Killed: 16, graph.RelatedTo: 17,
	}
	entityType   = invert(entityCode)
	relationType = invert(relationCode)
)

func invert[T comparable](m map[T]byte) map[byte]T {
	out := make(map[byte]T, len(m))
	for k, v := range m {
		out[v] = k
	}
	return out
}
