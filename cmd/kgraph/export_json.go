package main

import (
	"context"
	"encoding/json"
	"io"

	"github.com/kgraph/kgraph/graph"
)

// exportJSON streams the store as one JSON object, item by item, so the
// whole graph is never held in memory.
func exportJSON(ctx context.Context, g graph.Exporter, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	section := func(open string, each func(func(any) error) error) error {
		if _, err := io.WriteString(w, open); err != nil {
			return err
		}
		first := true
		err := each(func(v any) error {
			if !first {
				if _, err := io.WriteString(w, ","); err != nil {
					return err
				}
			}
			first = false
			return enc.Encode(v) // Encode ends each item with a newline
		})
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, "]")
		return err
	}
	err := section(`{"documents":[`, func(put func(any) error) error {
		return g.ExportDocuments(ctx, func(d *graph.Document) error { return put(d) })
	})
	if err == nil {
		err = section(`,"entities":[`, func(put func(any) error) error {
			return g.ExportEntities(ctx, func(e *graph.Entity) error { return put(e) })
		})
	}
	if err == nil {
		err = section(`,"relations":[`, func(put func(any) error) error {
			return g.ExportRelations(ctx, func(r *graph.Relation) error { return put(r) })
		})
	}
	if err == nil {
		_, err = io.WriteString(w, "}\n")
	}
	return err
}
