package schema

import (
	"bytes"
	_ "embed"
	"html/template"
	"net/http"
	"strings"
)

//go:embed landing.html
var landingHTML string

var landingPage = template.Must(template.New("landing").Parse(landingHTML))

// example is one example query on the landing page.
type example struct {
	Title, Note, Query, Variables string
}

// examples are the landing page's example queries. They name no entity of
// any particular document, so they work on any store.
var examples = []example{
	{
		Title: "What is in the graph",
		Note:  "Counts of documents, entities, relations and evidence, per type.",
		Query: `{
  stats {
    documents entities relations mentions evidence storeBytes
    entityTypes { type count }
    relationTypes { type count }
  }
}`,
	},
	{
		Title: "Search by name",
		Note:  "Ranked, case-insensitive search over names and aliases: exact, then word and prefix, then fuzzy matches.",
		Query: `{
  search(query: "united nations", first: 5) {
    totalCount
    edges { cursor node { id name type aliases mentionCount } }
    pageInfo { hasNextPage endCursor }
  }
}`,
	},
	{
		Title: "Most mentioned people, their relations and the evidence",
		Note:  "Every relation carries the sentences that state it, with the document and byte offsets.",
		Query: `{
  entities(type: PERSON, orderBy: MENTIONS, first: 5) {
    edges {
      node {
        name aliases mentionCount
        relations(first: 5) {
          edges {
            node {
              type
              source { name } target { name type }
              attributes { key value }
              confidence
              evidence(first: 1) { sentence start end document { title date } }
            }
          }
        }
      }
    }
  }
}`,
	},
	{
		Title: "A neighbourhood for a graph viewer",
		Note:  "Everything within two relations of an entity: nodes and edges ready for a visualisation tool. Put the id of any entity (from the queries above) into the variables.",
		Query: `query Neighbourhood($id: ID!) {
  subgraph(ids: [$id], hops: 2, limit: 50) {
    truncated
    nodes { id name type degree }
    edges { id type sourceId targetId confidence }
  }
}`,
		Variables: `{"id": "put an entity id here (see the entities query)"}`,
	},
	{
		Title: "Documents of a period",
		Note:  "Newest first; the text can be read whole or by byte range.",
		Query: `{
  documents(from: "2020-01-01", to: "2030-12-31", first: 10) {
    totalCount
    edges { node { id title date source url length text(start: 0, end: 200) } }
  }
}`,
	},
}

// serveLanding writes the landing page.
func (s *Service) serveLanding(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	endpoint := s.opts.Endpoint
	if strings.HasPrefix(endpoint, "/") {
		endpoint = scheme + "://" + r.Host + endpoint
	}
	var buf bytes.Buffer
	err := landingPage.Execute(&buf, map[string]any{
		"URL":      endpoint,
		"Examples": examples,
		"MaxBody":  s.opts.MaxBodyBytes,
		"MaxQuery": s.opts.MaxQueryLength,
		"MaxDepth": s.opts.MaxDepth,
		"Timeout":  s.opts.Timeout.String(),
	})
	if err != nil {
		s.report(r.Context(), err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	// The page loads nothing from another origin; an inline script, should
	// one be added, would be allowed by its hash only.
	h.Set("Content-Security-Policy", pageCSP(buf.Bytes()))
	_, _ = w.Write(buf.Bytes())
}
