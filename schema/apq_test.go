package schema_test

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/schema"
)

// TestPersistedQueryExtension: a persistedQuery extension that is not an
// object with the 64 hex digits of a SHA-256 is a 400 saying so, not a
// "missing query" or a lookup that cannot succeed; null is no extension;
// a well-formed unknown hash asks the client for its query.
func TestPersistedQueryExtension(t *testing.T) {
	e := newEnv(t, schema.Options{})
	for _, c := range []struct{ body, want string }{
		{`{"extensions":{"persistedQuery":"x"}}`, "must be an object"},
		{`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":123}}}`, "64 hex digits"},
		{`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"zz"}}}`, "64 hex digits"},
		{`{"query":"{ stats { documents } }","extensions":{"persistedQuery":{"version":1}}}`, "64 hex digits"},
	} {
		if r := post(t, e.url, c.body); r.status != 400 || r.code() != "INVALID" || !strings.Contains(r.message(), c.want) {
			t.Errorf("%s: status %d, body %s; want 400 INVALID saying %q", c.body, r.status, r.raw, c.want)
		}
	}
	if r := post(t, e.url, `{"query":"{ stats { documents } }","extensions":{"persistedQuery":null}}`); r.status != 200 || len(r.body.Errors) > 0 {
		t.Errorf("persistedQuery null: status %d, body %s; want the query's answer", r.status, r.raw)
	}
	unknown := `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"` + strings.Repeat("0", 64) + `"}}}`
	if r := post(t, e.url, unknown); r.code() != "PERSISTED_QUERY_NOT_FOUND" {
		t.Errorf("an unknown hash: status %d, body %s; want PERSISTED_QUERY_NOT_FOUND", r.status, r.raw)
	}
}
