package schema

import (
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"

	gqlerrors "github.com/graph-gophers/graphql-go/errors"

	"github.com/kgraph/kgraph/graph"
)

// Automatic persisted queries, the protocol of Apollo clients: a client
// sends only the SHA-256 of a query in
//
//	"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}
//
// If the server knows the hash it runs the query it stands for; if not, it
// answers with the error PersistedQueryNotFound (code
// PERSISTED_QUERY_NOT_FOUND, status 200) and the client sends the hash
// again together with the query, which the server checks against the hash
// and remembers. Over GET this makes short, cacheable URLs.

// DefaultPersistedQueries is the default number of queries remembered.
const DefaultPersistedQueries = 1000

// Error codes of the persisted query protocol.
const (
	codePersistedNotFound     = "PERSISTED_QUERY_NOT_FOUND"
	codePersistedNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED"
)

// lru is a bounded least-recently-used map from strings to values, safe
// for concurrent use. It keeps the persisted queries (hash to query text)
// and the parsed queries (query text to what the handler learnt from it).
type lru[V any] struct {
	mu    sync.Mutex
	max   int
	ll    *list.List // of *lruEntry[V], most recent first
	byKey map[string]*list.Element
}

type lruEntry[V any] struct {
	key string
	val V
}

func newLRU[V any](max int) *lru[V] {
	return &lru[V]{max: max, ll: list.New(), byKey: map[string]*list.Element{}}
}

func (c *lru[V]) get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.ll.MoveToFront(el)
	return el.Value.(*lruEntry[V]).val, true
}

func (c *lru[V]) put(key string, val V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[key]; ok {
		c.ll.MoveToFront(el)
		return
	}
	c.byKey[key] = c.ll.PushFront(&lruEntry[V]{key: key, val: val})
	for c.ll.Len() > c.max {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.byKey, last.Value.(*lruEntry[V]).key)
	}
}

// Len returns the number of entries.
func (c *lru[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
}

// apqCache maps a query's SHA-256 to the query text. (graphql-go parses a
// query on every run and offers no way to run a parsed document, so the
// text is what is kept; the handler's own parse is cached in
// Service.parsed.) Its size is bounded by the number of entries and,
// through the query length limit, in bytes.
type apqCache = lru[string]

func newAPQCache(max int) *apqCache { return newLRU[string](max) }

// persistedHash returns the sha256Hash of a request's persistedQuery
// extension; ok is false when there is none (absent or null), and bad
// says what is wrong with one that is not an object with the 64 hex
// digits of a SHA-256.
func persistedHash(ext map[string]any) (hash string, version float64, ok bool, bad string) {
	v, present := ext["persistedQuery"]
	if !present || v == nil {
		return "", 0, false, ""
	}
	pq, isMap := v.(map[string]any)
	if !isMap {
		return "", 0, true, `extensions.persistedQuery must be an object {"version": 1, "sha256Hash": "<64 hex digits>"}`
	}
	hash, _ = pq["sha256Hash"].(string)
	version, _ = pq["version"].(float64)
	hash = strings.ToLower(hash)
	if _, err := hex.DecodeString(hash); err != nil || len(hash) != 2*sha256.Size {
		return "", version, true, "persistedQuery.sha256Hash must be the 64 hex digits of the query's SHA-256"
	}
	return hash, version, true, ""
}

// resolvePersisted fills in the query of a persisted-query request, or
// registers the query it carries. It returns the error to answer with
// instead of running the request (nil when the request goes on) and the
// HTTP status to use.
func (s *Service) resolvePersisted(req *Request) (*gqlerrors.QueryError, int) {
	hash, version, ok, bad := persistedHash(req.Extensions)
	if !ok {
		return nil, 0
	}
	if s.apq == nil {
		return &gqlerrors.QueryError{Message: "PersistedQueryNotSupported",
			Extensions: map[string]any{"code": codePersistedNotSupported}}, http.StatusOK
	}
	if bad != "" {
		return requestError(graph.EINVALID, "%s", bad), http.StatusBadRequest
	}
	if version != 1 {
		return requestError(graph.EINVALID, "unsupported persisted query version: want 1"), http.StatusBadRequest
	}
	if req.Query == "" {
		q, ok := s.apq.get(hash)
		if !ok {
			return &gqlerrors.QueryError{Message: "PersistedQueryNotFound",
				Extensions: map[string]any{"code": codePersistedNotFound}}, http.StatusOK
		}
		req.Query = q
		return nil, 0
	}
	sum := sha256.Sum256([]byte(req.Query))
	if hex.EncodeToString(sum[:]) != hash {
		return requestError(graph.EINVALID, "persistedQuery.sha256Hash does not match the SHA-256 of the query"), http.StatusBadRequest
	}
	if len(req.Query) <= s.opts.MaxQueryLength {
		s.apq.put(hash, req.Query)
	}
	return nil, 0
}
