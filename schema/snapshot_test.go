package schema_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/store"
)

// snapshots hands out Readers for Options.Snapshot and counts them: each
// is the real store behind a countingReader of its own, so a test can see
// which snapshot answered which read.
type snapshots struct {
	base graph.Reader
	mu   sync.Mutex
	open []*countingReader
	shut int
	fail error
}

func (s *snapshots) take(ctx context.Context) (graph.Reader, func()) {
	r := &countingReader{Reader: s.base}
	if s.fail != nil {
		r.Reader = failing{s.base, s.fail}
	}
	s.mu.Lock()
	s.open = append(s.open, r)
	s.mu.Unlock()
	return r, func() { s.mu.Lock(); s.shut++; s.mu.Unlock() }
}

// failing is a Reader whose every read fails, as a view of a closed store
// does.
type failing struct {
	graph.Reader
	err error
}

func (f failing) Stats(context.Context) (graph.Stats, error) { return graph.Stats{}, f.err }

func (s *snapshots) counts() (opened, released int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.open), s.shut
}

func TestOneSnapshotPerQuery(t *testing.T) {
	snaps := &snapshots{}
	direct := &countingReader{}
	e := newEnvWith(t, func(o *schema.Options, db graph.Reader) {
		snaps.base = db
		direct.Reader = db
		o.Reader = direct
		o.Snapshot = snaps.take
		o.Token = "tok"
	})
	id := e.idOf(t, "Tomas Brandt")
	// A query whose resolvers read many times: the entity, its relations,
	// their endpoints, their evidence and its documents.
	var d struct {
		Entity struct {
			Relations struct {
				Nodes []struct {
					Source   struct{ Name string }
					Target   struct{ Name string }
					Evidence []struct{ Document struct{ Title string } }
				}
			}
		}
	}
	before, _ := snaps.counts()
	e.query(t, `query($id: ID!) { entity(id: $id) { relations(first: 10) { nodes {
		source { name } target { name } evidence(first: 2) { document { title } } } } } }`, map[string]any{"id": id}, &d)
	if len(d.Entity.Relations.Nodes) == 0 {
		t.Fatal("no relations")
	}
	opened, released := snaps.counts()
	if opened-before != 1 || released != opened {
		t.Fatalf("one query opened %d snapshots and released %d of %d, want 1 and all", opened-before, released, opened)
	}
	last := snaps.open[opened-1]
	if last.entitiesByID == 0 || last.docsByID == 0 {
		t.Errorf("the snapshot answered %d entity batches and %d document batches, want the endpoints and documents", last.entitiesByID, last.docsByID)
	}
	if direct.entitiesByID+direct.docsByID+direct.entity != 0 {
		t.Errorf("the query read around its snapshot: %+v", direct)
	}

	// A mutation reads what it has just written: no snapshot.
	r := post(t, e.url, gql{Query: `mutation { deleteDocument(id: "d-river") }`}, "Authorization", "Bearer tok")
	if r.status != 200 || len(r.body.Errors) > 0 {
		t.Fatalf("mutation: %d %s", r.status, r.raw)
	}
	if o, _ := snaps.counts(); o != opened {
		t.Errorf("a mutation opened %d snapshots", o-opened)
	}

	// Exec (the local command line) reads through one snapshot too.
	res := e.svc.Exec(context.Background(), schema.Request{Query: `{ stats { entities } entities(first: 2) { nodes { id } } }`})
	if len(res.Errors) > 0 {
		t.Fatalf("Exec: %v", res.Errors)
	}
	if o, rel := snaps.counts(); o != opened+1 || rel != o {
		t.Errorf("Exec: %d snapshots opened, %d of %d released; want one more, all released", o-opened, rel, o)
	}

	// A snapshot whose reads fail fails the request with an internal
	// error, without its details.
	snaps.fail = errors.New("disk on fire")
	r = post(t, e.url, gql{Query: `{ stats { entities } }`})
	if r.code() != graph.EINTERNAL || strings.Contains(r.raw, "fire") {
		t.Errorf("snapshot failure: %s", r.raw)
	}
}

// newEnvWith is newEnv with options that need the store.
func newEnvWith(t *testing.T, set func(*schema.Options, graph.Reader)) *env {
	t.Helper()
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	ingestFixtures(t, db)
	var opts schema.Options
	set(&opts, db)
	return serve(t, db, opts)
}

// vanishing is a Reader whose EntitiesByID does not find one entity, as a
// read after a concurrent delete would not.
type vanishing struct {
	graph.Reader
	id string
}

func (v vanishing) EntitiesByID(ctx context.Context, ids []string) ([]*graph.Entity, error) {
	es, err := v.Reader.EntitiesByID(ctx, ids)
	for i, id := range ids {
		if id == v.id && i < len(es) {
			es[i] = nil
		}
	}
	return es, err
}

func TestRelationEndpointErrors(t *testing.T) {
	var gone string
	e := newEnvWith(t, func(o *schema.Options, db graph.Reader) {
		o.Reader = &vanishingRef{Reader: db, id: &gone}
	})
	id := e.idOf(t, "Tomas Brandt")
	gone = e.idOf(t, "Velmora River Council")
	r := post(t, e.url, gql{Query: `query($id: ID!) { entity(id: $id) { relations(first: 10) { nodes { id target { name } source { name } } } } }`,
		Variables: map[string]any{"id": id}})
	if r.status != 200 || r.code() != graph.ENOTFOUND {
		t.Fatalf("want NOT_FOUND for the missing endpoint: %d %s", r.status, r.raw)
	}
	path := r.body.Errors[0].Path
	if len(path) != 5 || (path[4] != "target" && path[4] != "source") {
		t.Errorf("error path %v, want entity.relations.nodes.N.source|target", path)
	}
	if !strings.Contains(r.body.Errors[0].Message, gone) {
		t.Errorf("message %q does not name the entity", r.body.Errors[0].Message)
	}
}

// vanishingRef is vanishing with an id chosen after the service starts.
type vanishingRef struct {
	graph.Reader
	id *string
}

func (v *vanishingRef) EntitiesByID(ctx context.Context, ids []string) ([]*graph.Entity, error) {
	return vanishing{v.Reader, *v.id}.EntitiesByID(ctx, ids)
}
