package store

import (
	"context"
	"errors"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kgraph/graph"
)

// reader implements graph.Reader. With txn nil (the reader embedded in
// DB) every call reads its own, latest snapshot; a reader made by View
// reads the one snapshot of its view.
type reader struct {
	db *DB
	vs *viewState // nil: a snapshot per call
}

// viewState is the Badger read transaction of one View and the calls in
// progress on it: the transaction is discarded when the view is released
// and no call is using it any more.
type viewState struct {
	mu       sync.Mutex
	ctx      context.Context // the view is released when it is done
	txn      *badger.Txn
	snap     readSnap // what the view may use of the read cache
	active   int
	released bool
}

// ErrViewReleased is returned by the methods of a View's Reader called
// after its release function.
var ErrViewReleased = errors.New("store: read view released")

// Compile-time check that DB hands out views.
var _ graph.Viewer = (*DB)(nil)

// View returns a graph.Reader bound to one Badger read transaction, and
// the function that releases it. Every call on the Reader, from any number
// of goroutines, reads the same version of the graph, so the fields of one
// GraphQL request agree with each other although documents are ingested
// and deleted meanwhile: an entity read through the view keeps its
// relations, mentions and evidence until the view is released. Release
// is idempotent and does not wait: the transaction is discarded when the
// last call in progress on the view returns, and later calls fail with
// ErrViewReleased. The view is also released when ctx is done.
//
// A view holds Badger's versions of its snapshot from garbage collection
// and keeps Close waiting, so it is meant for one request, not for
// minutes. On a closed DB the Reader's methods return ErrClosed.
func (db *DB) View(ctx context.Context) (graph.Reader, func()) {
	if err := db.acquire(); err != nil {
		return closedReader{err}, func() {}
	}
	db.rmu.RLock()
	var txn *badger.Txn
	snap := db.reads.snapshot(func() { txn = db.bdb.NewTransaction(false) })
	db.rmu.RUnlock()
	vs := &viewState{ctx: ctx, txn: txn, snap: snap}
	var once sync.Once
	release := func() {
		once.Do(func() {
			vs.mu.Lock()
			vs.released = true
			idle := vs.active == 0
			vs.mu.Unlock()
			if idle {
				vs.txn.Discard()
				db.release()
			}
		})
	}
	stop := context.AfterFunc(ctx, release)
	return &reader{db: db, vs: vs}, func() { stop(); release() }
}

// enter registers a call on the view; leave ends it and discards the
// transaction when it was the last call of a released view.
func (vs *viewState) enter() error {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	if vs.released || vs.ctx.Err() != nil {
		return ErrViewReleased
	}
	vs.active++
	return nil
}

func (vs *viewState) leave(db *DB) {
	vs.mu.Lock()
	vs.active--
	last := vs.released && vs.active == 0
	vs.mu.Unlock()
	if last {
		vs.txn.Discard()
		db.release()
	}
}

// view runs fn in the reader's transaction: the view's one transaction,
// or a new snapshot per call for the DB's own reader. fn may call other
// methods of the same reader.
func (r *reader) view(fn func(txn *badger.Txn) error) error {
	if r.vs == nil {
		return r.db.view(fn)
	}
	if err := r.vs.enter(); err != nil {
		return err
	}
	defer r.vs.leave(r.db)
	return fn(r.vs.txn)
}

// closedReader answers every call with the error that prevented the view.
type closedReader struct{ err error }

func (c closedReader) Entity(context.Context, string) (*graph.Entity, error) { return nil, c.err }
func (c closedReader) EntitiesByID(context.Context, []string) ([]*graph.Entity, error) {
	return nil, c.err
}
func (c closedReader) EntityByName(context.Context, string, graph.EntityType) (*graph.Entity, error) {
	return nil, c.err
}
func (c closedReader) Search(context.Context, graph.SearchQuery) (graph.Page[*graph.Entity], error) {
	return graph.Page[*graph.Entity]{}, c.err
}
func (c closedReader) Entities(context.Context, graph.EntityFilter) (graph.Page[*graph.Entity], error) {
	return graph.Page[*graph.Entity]{}, c.err
}
func (c closedReader) Relations(context.Context, graph.RelationFilter) (graph.Page[*graph.Relation], error) {
	return graph.Page[*graph.Relation]{}, c.err
}
func (c closedReader) Relation(context.Context, string) (*graph.Relation, error) { return nil, c.err }
func (c closedReader) Evidence(context.Context, string, int) ([]graph.Evidence, error) {
	return nil, c.err
}
func (c closedReader) Mentions(context.Context, string, graph.PageRequest) (graph.Page[graph.Mention], error) {
	return graph.Page[graph.Mention]{}, c.err
}
func (c closedReader) Document(context.Context, string) (*graph.Document, error) { return nil, c.err }
func (c closedReader) DocumentsByID(context.Context, []string) ([]*graph.Document, error) {
	return nil, c.err
}
func (c closedReader) Documents(context.Context, graph.DocumentFilter) (graph.Page[*graph.Document], error) {
	return graph.Page[*graph.Document]{}, c.err
}
func (c closedReader) Subgraph(context.Context, []string, int, int) (*graph.Subgraph, error) {
	return nil, c.err
}
func (c closedReader) ShortestPath(context.Context, string, string, int) (*graph.Path, error) {
	return nil, c.err
}
func (c closedReader) Stats(context.Context) (graph.Stats, error) { return graph.Stats{}, c.err }
