// Package schema serves kgraph's graph over GraphQL: the SDL
// (schema.graphql, embedded, with a description on every type, field,
// argument and enum value), the resolvers, the GraphQL-over-HTTP handler
// with its limits, the landing page, and the browser pages: GraphiQL at
// /graphiql and the graph explorer at /explore.
//
// It is the only package that knows github.com/graph-gophers/graphql-go.
// It imports graph, graphql-go and the standard library only. It reads
// through the graph.Reader interface, never store internals, and changes the
// graph only through the functions injected in Options (Ingest, Delete,
// Merge), which cmd/kgraph wires to the loader and the store.
//
// # Resolvers
//
// Resolvers wrap graph values (entityResolver wraps *graph.Entity, and so
// on); storage types never reach the schema. Lists are Relay connections.
// Items of one list are fetched together: the endpoints of a page of
// relations in one Reader.EntitiesByID call, the documents of a page of
// mentions or of a list's evidence in one Reader.DocumentsByID call, with a
// per-request cache in the context (see requestState).
//
// # HTTP
//
// Service.GraphQL follows the GraphQL-over-HTTP specification:
//
//   - POST with Content-Type application/json and a body
//     {"query", "operationName", "variables", "extensions"}; GET with the
//     same parameters in the URL (variables and extensions as JSON).
//   - The response is application/graphql-response+json unless Accept
//     prefers application/json; no Accept header, */* and application/*
//     get application/graphql-response+json (the specification's rule since
//     2025). An Accept that allows neither gets 406.
//
// Status codes:
//
//	200  the operation ran (its errors, e.g. NOT_FOUND or first > 1000, are in "errors")
//	400  application/graphql-response+json: syntax or validation error (including depth
//	     and query length), unknown operation, variables that do not fit; nothing ran
//	200  the same with application/json, as that media type's rules ask
//	400  malformed request with either media type: empty body, invalid JSON, body not an
//	     object, missing or non-string query, non-string operationName, variables or
//	     extensions not an object
//	401  mutation without a valid bearer token (WWW-Authenticate: Bearer)
//	403  mutation while the server has no token: mutations are disabled
//	405  mutation over GET (Allow: POST); methods other than GET and POST (Allow: GET, POST)
//	406  Accept allows neither JSON media type
//	413  body larger than Options.MaxBodyBytes
//	415  POST without Content-Type application/json, or with a charset other than UTF-8
//	504  execution exceeded Options.Timeout
//
// Every error carries extensions.code: graph's codes (INVALID, NOT_FOUND,
// CONFLICT, UNAUTHORIZED, INTERNAL) plus TIMEOUT. Internal errors say only
// "internal error"; their details go to Options.ReportError.
//
// # Browser pages
//
// GraphiQL and the explorer are built from web/ (npm, esbuild; see
// web/build.mjs) into web/dist, which is committed and embedded
// (assets.go), so the binary serves them with no npm and no network. The
// HTML pages are templates that receive a JSON configuration (endpoint,
// example queries) in a non-executed <script type="application/json">;
// every script, style, font and Monaco web worker comes from /assets/ on
// the same origin, revalidated by content-hash ETags. The pages talk to the
// GraphQL endpoint only.
//
// # Around the handler
//
// CORS (cors.go: allowed origins, preflight answered,
// credentials only when asked for), validators (etag.go: a GET answer's
// ETag is the store version, passed in as Options.Version, with a hash of
// the request; If-None-Match gives 304) and automatic persisted queries
// (apq.go: Apollo's extensions.persistedQuery.sha256Hash, a bounded LRU of
// query texts, PersistedQueryNotFound for an unknown hash). The Relay Node
// interface, entities(ids:) and attributeMap are in node.go.
//
// The graphql-http audit (see .ci/audit.mjs) passes every MUST; its two
// SHOULDs that predate the 2025 media-type change (application/json for a
// missing Accept header or */*) report warnings by design.
package schema
