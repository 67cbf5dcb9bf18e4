package schema

import (
	"context"
	"strings"
	"unicode/utf8"

	graphql "github.com/graph-gophers/graphql-go"

	"github.com/kgraph/kgraph/graph"
)

// documentInput is the DocumentInput input type.
type documentInput struct {
	ID     *graphql.ID
	Title  *string
	Date   *dateScalar
	Source *string
	URL    *string
	Text   string
}

// authorize refuses a mutation on a request that did not present the
// token. The HTTP handler already answers such requests with 401 or 403;
// this check keeps the resolvers safe on their own.
func (q *rootResolver) authorize(ctx context.Context, field string) error {
	if !stateOf(ctx).authorized {
		return &resolverError{code: graph.EUNAUTHORIZED, message: field + " needs Authorization: Bearer <token>"}
	}
	return nil
}

// unavailable is the error of a mutation whose function was not injected.
func unavailable(field string) error {
	return &resolverError{code: graph.EINVALID, message: field + " is not available on this server"}
}

// IngestDocument resolves Mutation.ingestDocument.
func (q *rootResolver) IngestDocument(ctx context.Context, args struct{ Input documentInput }) (*ingestResultResolver, error) {
	if err := q.authorize(ctx, "ingestDocument"); err != nil {
		return nil, err
	}
	if q.s.opts.Ingest == nil {
		return nil, unavailable("ingestDocument")
	}
	in := args.Input
	if strings.TrimSpace(in.Text) == "" {
		return nil, invalidf("input.text must not be empty")
	}
	if !utf8.ValidString(in.Text) {
		return nil, invalidf("input.text is not valid UTF-8")
	}
	doc := graph.Document{Text: in.Text}
	if in.ID != nil {
		doc.ID = string(*in.ID)
	}
	if in.Title != nil {
		doc.Title = *in.Title
	}
	if in.Date != nil {
		doc.Date = in.Date.s
	}
	if in.Source != nil {
		doc.Source = *in.Source
	}
	if in.URL != nil {
		doc.URL = *in.URL
	}
	res, err := q.s.opts.Ingest(ctx, doc)
	if err != nil {
		return nil, q.s.fail(ctx, err)
	}
	return &ingestResultResolver{res}, nil
}

// DeleteDocument resolves Mutation.deleteDocument.
func (q *rootResolver) DeleteDocument(ctx context.Context, args struct{ ID graphql.ID }) (bool, error) {
	if err := q.authorize(ctx, "deleteDocument"); err != nil {
		return false, err
	}
	if q.s.opts.Delete == nil {
		return false, unavailable("deleteDocument")
	}
	if err := q.s.opts.Delete(ctx, string(args.ID)); err != nil {
		return false, q.s.fail(ctx, err)
	}
	return true, nil
}

// MergeEntities resolves Mutation.mergeEntities.
func (q *rootResolver) MergeEntities(ctx context.Context, args struct {
	Into graphql.ID
	From []graphql.ID
}) (*entityResolver, error) {
	if err := q.authorize(ctx, "mergeEntities"); err != nil {
		return nil, err
	}
	if q.s.opts.Merge == nil {
		return nil, unavailable("mergeEntities")
	}
	if len(args.From) == 0 {
		return nil, invalidf("from must name at least one entity")
	}
	from := make([]string, len(args.From))
	for i, id := range args.From {
		if id == args.Into {
			return nil, invalidf("from must not contain into (%s)", id)
		}
		from[i] = string(id)
	}
	e, err := q.s.opts.Merge(ctx, string(args.Into), from)
	if err != nil {
		return nil, q.s.fail(ctx, err)
	}
	if e == nil {
		return nil, q.s.fail(ctx, graph.Errorf(graph.ENOTFOUND, "entity %q not found", args.Into))
	}
	return wrapEntity(e), nil
}

// ingestResultResolver resolves IngestResult.
type ingestResultResolver struct{ r graph.IngestResult }

// DocumentID resolves the documentId field.
func (r *ingestResultResolver) DocumentID() graphql.ID { return graphql.ID(r.r.DocumentID) }

// Document resolves the document field: the stored document, read back.
func (r *ingestResultResolver) Document(ctx context.Context) (*documentResolver, error) {
	st := stateOf(ctx)
	d, err := st.reader().Document(ctx, r.r.DocumentID)
	if err != nil {
		return nil, st.s.fail(ctx, err)
	}
	return wrapDocument(d), nil
}

// Status resolves the status field.
func (r *ingestResultResolver) Status() string { return string(r.r.Status) }

// Entities resolves the entities field.
func (r *ingestResultResolver) Entities() int32 { return int32(r.r.Entities) }

// Relations resolves the relations field.
func (r *ingestResultResolver) Relations() int32 { return int32(r.r.Relations) }

// NewEntities resolves the newEntities field.
func (r *ingestResultResolver) NewEntities() int32 { return int32(r.r.NewEntities) }
