package schema

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkRequestFromBody reads and decodes the body of the load
// harness's one-hop query, as a POST to /graphql.
//
//	go test ./schema -run XXX -bench RequestFromBody -benchmem
func BenchmarkRequestFromBody(b *testing.B) {
	s := &Service{opts: Options{MaxBodyBytes: DefaultMaxBodyBytes}}
	const body = `{"query":"query($id: ID!) { entity(id: $id) { id name degree relations(first: 20) { totalCount nodes { id type confidence source { id name type } target { id name type } } } } }","variables":{"id":"e7"}}`
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest("POST", "/graphql", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		if req, he := s.requestFromBody(httptest.NewRecorder(), r); he != nil || req.Variables["id"] != "e7" {
			b.Fatalf("%+v %v", he, req)
		}
	}
}
