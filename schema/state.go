package schema

import (
	"context"
	"sync"

	"github.com/kgraph/kgraph/graph"
)

// requestState is what one request's resolvers share: the service, whether
// mutations are allowed, the Reader of the request (one snapshot of the
// store for a query, see Options.Snapshot) and caches of the entities and
// documents already read, so that a list fetches its neighbours in one
// batch instead of one read per item.
type requestState struct {
	s          *Service
	authorized bool
	ctx        context.Context // the request's context, for resolvers that take none

	// The request's Reader: opened at the first read (a snapshot when
	// Options.Snapshot is set and the operation is a query), released by
	// finish.
	rdOnce    sync.Once
	rd        graph.Reader
	release   func()
	snapshot  bool
	finishing sync.Once

	mu       sync.Mutex
	entities map[string]*graph.Entity // nil value: known to be missing
	docs     map[string]*graph.Document
	// Ids that lists read so far will ask for; the next read takes them
	// all, so that nested lists (relations of every entity of a page)
	// share batches too.
	pendingEntities, pendingDocs []string
}

type stateKey struct{}

// withRequestState returns ctx carrying a fresh request state. With
// snapshot, every read of the request goes through one Reader from
// Options.Snapshot (when set); the caller must call finishRequest once the
// execution is over.
func withRequestState(ctx context.Context, s *Service, authorized, snapshot bool) context.Context {
	st := &requestState{
		s:          s,
		authorized: authorized,
		snapshot:   snapshot && s.opts.Snapshot != nil,
		entities:   map[string]*graph.Entity{},
		docs:       map[string]*graph.Document{},
	}
	ctx = context.WithValue(ctx, stateKey{}, st)
	st.ctx = ctx
	return ctx
}

// finishRequest releases the request's snapshot, if one was opened.
func finishRequest(ctx context.Context) {
	st := stateOf(ctx)
	st.finishing.Do(func() {
		st.rdOnce.Do(func() {}) // no snapshot may open after this
		if st.release != nil {
			st.release()
		}
	})
}

// stateOf returns the request state that exec put into ctx.
func stateOf(ctx context.Context) *requestState {
	return ctx.Value(stateKey{}).(*requestState)
}

// reader is the store behind the request: one snapshot for a query when
// the service has Options.Snapshot, so that every resolver of the request
// sees the same version of the graph; Options.Reader otherwise (mutations
// read what they have just written).
func (st *requestState) reader() graph.Reader {
	st.rdOnce.Do(func() {
		if !st.snapshot {
			st.rd = st.s.opts.Reader
			return
		}
		st.rd, st.release = st.s.opts.Snapshot(st.ctx)
	})
	if st.rd == nil { // read after finishRequest: no snapshot to hold open
		return st.s.opts.Reader
	}
	return st.rd
}

// primeEntities caches entities that a list call already returned.
func (st *requestState) primeEntities(es []*graph.Entity) {
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, e := range es {
		if e != nil {
			if _, ok := st.entities[e.ID]; !ok {
				st.entities[e.ID] = e
			}
		}
	}
}

// wantEntities notes entity ids that a list is about to ask for.
func (st *requestState) wantEntities(ids []string) {
	st.mu.Lock()
	st.pendingEntities = append(st.pendingEntities, ids...)
	st.mu.Unlock()
}

// wantDocuments notes document ids that a list is about to ask for.
func (st *requestState) wantDocuments(ids []string) {
	st.mu.Lock()
	st.pendingDocs = append(st.pendingDocs, ids...)
	st.mu.Unlock()
}

// entity returns the entity id, reading every id of batch that is not yet
// cached in the same single EntitiesByID call. batch should hold id; it
// names the siblings (e.g. all endpoints of a page of relations) that the
// query is about to ask for too. The result is nil when the entity does not
// exist.
func (st *requestState) entity(ctx context.Context, id string, batch []string) (*graph.Entity, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if e, ok := st.entities[id]; ok {
		return e, nil
	}
	missing := missingKeys(st.entities, id, batch, st.pendingEntities)
	st.pendingEntities = nil
	got, err := st.reader().EntitiesByID(ctx, missing)
	if err != nil {
		return nil, err
	}
	for i, k := range missing {
		if i < len(got) {
			st.entities[k] = got[i]
		} else {
			st.entities[k] = nil
		}
	}
	return st.entities[id], nil
}

// document is entity for documents: one DocumentsByID call per batch.
func (st *requestState) document(ctx context.Context, id string, batch []string) (*graph.Document, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if d, ok := st.docs[id]; ok {
		return d, nil
	}
	missing := missingKeys(st.docs, id, batch, st.pendingDocs)
	st.pendingDocs = nil
	got, err := st.reader().DocumentsByID(ctx, missing)
	if err != nil {
		return nil, err
	}
	for i, k := range missing {
		if i < len(got) {
			st.docs[k] = got[i]
		} else {
			st.docs[k] = nil
		}
	}
	return st.docs[id], nil
}

// missingKeys lists id and the keys of batches that cache lacks, each
// once, id first.
func missingKeys[V any](cache map[string]V, id string, batches ...[]string) []string {
	seen := map[string]bool{id: true}
	out := []string{id}
	for _, batch := range batches {
		for _, k := range batch {
			if _, ok := cache[k]; ok || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}
