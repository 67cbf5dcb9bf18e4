package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
)

const loadtestHelp = `
Runs GraphQL query shapes against running servers with N connections and
prints, per shape and server, requests per second, p50 and p99 latency and
the errors seen; then, unless --single 0, each shape again over one
connection for its p50 (the latency of an idle server).

The entities come from each server's store, through GraphQL: the hub is
the entity with the highest degree; the typical entities are the --typical
entities around the median degree of the entities that have relations;
the paged entities are as many around the median degree of those with a
full page of relations (20 or more), the hub left out. Search terms are
the names of the typical entities.

Shapes:
  entity     entity(id) with its scalar fields, typical entities
  hop        one hop: 20 relations of a typical entity with both endpoints
  hoppage    the same on the paged entities (a full page each)
  hophub     the same on the hub
  search     search(query, first: 10) for the typical entities' names
  subgraph   subgraph(ids: [hub], hops: 2, limit: 200)
  path       shortestPath(from: typical, to: hub, maxHops: 4)

With several --addr servers (comma-separated, each optionally NAME=URL),
every round runs each shape on each server in turn, alternating the order
from round to round; the table gives the median of the rounds and each
server's ratio of requests per second to the first server. Ratios are only
meaningful between runs on the same machine at the same time: compare
binaries this way, in one run, not against figures from another day.

The client runs on the machine it measures, so it is kept lean, like wrk:
each connection is one kept-alive HTTP/1.1 connection whose requests are
written as prepared bytes and whose responses are read by hand (--client
raw, the default). --client std uses Go's net/http client instead, which
costs several times the CPU per request; https URLs always use it.

An error is a transport error, a status other than 200 or a response that
carries GraphQL errors. The exit status is 1 when any request failed, 2
for bad flags or when the entities cannot be chosen.

Examples:
  kgraph loadtest --addr http://127.0.0.1:8080
  kgraph loadtest --addr http://127.0.0.1:8080 --shapes hophub,search --connections 32 --duration 30s
  kgraph loadtest --addr before=http://127.0.0.1:8081,after=http://127.0.0.1:8082 --rounds 3
`

// loadShapes are the query shapes of kgraph loadtest, in table order.
var loadShapes = []struct {
	name, query string
	// target says which entity (or term) a request is about.
	target string // "typical", "paged", "hub", "term", "path"
}{
	{"entity", `query($id: ID!) { entity(id: $id) { id name type aliases mentionCount degree } }`, "typical"},
	{"hop", hopQuery, "typical"},
	{"hoppage", hopQuery, "paged"},
	{"hophub", hopQuery, "hub"},
	{"search", `query($q: String!) { search(query: $q, first: 10) { nodes { id name type } } }`, "term"},
	{"subgraph", `query($id: ID!) { subgraph(ids: [$id], hops: 2, limit: 200) { truncated nodes { id name type } edges { id type sourceId targetId } } }`, "hub"},
	{"path", `query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxHops: 4) { length nodes { id name } } }`, "path"},
}

// loadPage is the page of the one-hop shapes (relations(first: 20)).
const loadPage = 20

const hopQuery = `query($id: ID!) { entity(id: $id) { id name degree relations(first: 20) { totalCount nodes { id type confidence source { id name type } target { id name type } } } } }`

// loadTarget is one server under load.
type loadTarget struct{ name, url string }

// loadEntities are the entities and terms the shapes ask about.
type loadEntities struct {
	hub     loadEntity
	typical []loadEntity
	paged   []loadEntity // with a full page of relations; none in a small store
}

type loadEntity struct {
	ID     string
	Name   string
	Degree int
}

// loadResult is one run of one shape against one server.
type loadResult struct {
	requests  int // answered within the measured window
	errors    int // of which failed: transport, status or GraphQL errors
	status5xx int
	elapsed   time.Duration
	lat       []time.Duration // sorted
	firstErr  string
}

func (r loadResult) rate() float64 {
	if r.elapsed <= 0 {
		return 0
	}
	return float64(r.requests) / r.elapsed.Seconds()
}

func (r loadResult) quantile(q float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	return r.lat[min(len(r.lat)-1, int(q*float64(len(r.lat))))]
}

func runLoadtest(ctx context.Context, args []string, e env) int {
	fs := newFlags("loadtest", "[flags]", loadtestHelp, e)
	addrs := fs.String("addr", "http://127.0.0.1:8080", "servers to load: URL or NAME=URL, comma-separated")
	shapesFlag := fs.String("shapes", "entity,hop,hophub,search,subgraph,path", "query shapes to run, comma-separated")
	conns := fs.Int("connections", 32, "concurrent connections (each sends its next request when the last is answered)")
	duration := fs.Duration("duration", 10*time.Second, "measured time of each shape on each server")
	warmup := fs.Duration("warmup", time.Second, "unmeasured load before each measurement")
	single := fs.Duration("single", 3*time.Second, "then each shape over one connection for this long, for its p50 (0: skip)")
	rounds := fs.Int("rounds", 1, "rounds; the table shows the median of the rounds")
	typical := fs.Int("typical", 50, "number of typical entities (around the median degree) the requests cycle through")
	token := fs.String("token", envOr(e, "KGRAPH_READ_TOKEN", ""), "bearer token for servers that restrict reads (env KGRAPH_READ_TOKEN)")
	clientKind := fs.String("client", "raw", "raw: HTTP/1.1 written and read by hand, as lean as wrk; std: Go's net/http client (https URLs always use it)")
	if _, code, ok := parse(fs, args); !ok {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(e.stderr, "kgraph loadtest: "+format+"\n", a...)
		return exitUsage
	}
	if *conns < 1 || *duration <= 0 || *rounds < 1 || *typical < 1 || *warmup < 0 || *single < 0 {
		return fail("--connections, --duration, --rounds and --typical must be positive")
	}
	if *clientKind != "raw" && *clientKind != "std" {
		return fail("--client %q: want raw or std", *clientKind)
	}
	var targets []loadTarget
	for i, a := range strings.Split(*addrs, ",") {
		name, u, found := strings.Cut(strings.TrimSpace(a), "=")
		if !found {
			name, u = fmt.Sprintf("server%d", i+1), name
			if !strings.Contains(*addrs, ",") {
				name = "server"
			}
		}
		gql, err := serverURL(u, "/graphql", nil)
		if err != nil {
			return fail("%v", strings.Replace(err.Error(), "--server", "--addr", 1))
		}
		targets = append(targets, loadTarget{name, gql})
	}
	var shapes []int
	for s := range strings.SplitSeq(*shapesFlag, ",") {
		i := slices.IndexFunc(loadShapes, func(l struct{ name, query, target string }) bool { return l.name == strings.TrimSpace(s) })
		if i < 0 {
			names := make([]string, len(loadShapes))
			for j, l := range loadShapes {
				names[j] = l.name
			}
			return fail("unknown shape %q: want some of %s", s, strings.Join(names, ","))
		}
		shapes = append(shapes, i)
	}

	client := loadClient(*conns)
	// Entities are chosen on each server from its own store, so that
	// servers holding the same corpus under different ids (stores built by
	// different binaries) are asked the same kind of question.
	ents := make([]loadEntities, len(targets))
	for i, t := range targets {
		var err error
		if ents[i], err = chooseEntities(ctx, client, t.url, *token, *typical); err != nil {
			return fail("choosing entities on %s: %v", t.url, err)
		}
		en := ents[i]
		fmt.Fprintf(e.stdout, "%s: hub %s %q (degree %d); %d typical entities of degree %d to %d", t.name,
			en.hub.ID, en.hub.Name, en.hub.Degree, len(en.typical), en.typical[0].Degree, en.typical[len(en.typical)-1].Degree)
		if len(en.paged) > 0 {
			fmt.Fprintf(e.stdout, "; %d paged of degree %d to %d", len(en.paged), en.paged[0].Degree, en.paged[len(en.paged)-1].Degree)
		}
		fmt.Fprintln(e.stdout)
		for _, s := range shapes {
			if len(shapeBodies(s, en)) == 0 {
				return fail("%s: shape %s: no entity other than the hub has %d relations or more", t.url, loadShapes[s].name, loadPage)
			}
		}
	}
	fmt.Fprintf(e.stdout, "%d connections, %s per run (%s warm-up), %d round(s)\n", *conns, *duration, *warmup, *rounds)

	// results[shape][target] over rounds.
	results := make([][][]loadResult, len(loadShapes))
	singles := make([][][]loadResult, len(loadShapes))
	for _, s := range shapes {
		results[s] = make([][]loadResult, len(targets))
		singles[s] = make([][]loadResult, len(targets))
	}
	failed := false
	for round := range *rounds {
		for _, s := range shapes {
			for k := range targets {
				ti := k
				if round%2 == 1 {
					ti = len(targets) - 1 - k // alternate the order
				}
				t := targets[ti]
				dial, err := newLoadDialer(*clientKind == "std", client, t.url, *token, shapeBodies(s, ents[ti]))
				if err != nil {
					return fail("%s: %v", t.url, err)
				}
				r := loadRun(ctx, dial, *conns, *warmup, *duration)
				results[s][ti] = append(results[s][ti], r)
				fmt.Fprintf(e.stderr, "round %d %-8s %-10s %8.0f req/s  p50 %-9s p99 %-9s errors %d/%d\n", round+1, loadShapes[s].name, t.name,
					r.rate(), fmtDur(r.quantile(0.5)), fmtDur(r.quantile(0.99)), r.errors, r.requests)
				if r.errors > 0 {
					failed = true
					fmt.Fprintf(e.stderr, "  first error: %s\n", r.firstErr)
				}
				if *single > 0 {
					r1 := loadRun(ctx, dial, 1, *warmup/4, *single)
					singles[s][ti] = append(singles[s][ti], r1)
					failed = failed || r1.errors > 0
				}
				if ctx.Err() != nil {
					return fail("interrupted")
				}
			}
		}
	}

	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	header := "shape\tserver\treq/s\tp50\tp99\terrors\trequests\t"
	if *single > 0 {
		header += "1 conn p50\t"
	}
	if len(targets) > 1 {
		header += "req/s ratio\tp99 ratio\t"
	}
	fmt.Fprintln(tw, header)
	for _, s := range shapes {
		var base loadResult
		for ti, t := range targets {
			m := medianRun(results[s][ti])
			errs, reqs := 0, 0
			for _, r := range results[s][ti] {
				errs += r.errors
				reqs += r.requests
			}
			line := fmt.Sprintf("%s\t%s\t%.0f\t%s\t%s\t%d\t%d\t", loadShapes[s].name, t.name, m.rate(),
				fmtDur(m.quantile(0.5)), fmtDur(m.quantile(0.99)), errs, reqs)
			if *single > 0 {
				line += fmtDur(medianRun(singles[s][ti]).quantile(0.5)) + "\t"
			}
			if ti == 0 {
				base = m
			}
			if len(targets) > 1 {
				if ti == 0 {
					line += "1.00\t1.00\t"
				} else {
					line += fmt.Sprintf("%.2f\t%.2f\t", ratio(m.rate(), base.rate()), ratio(float64(m.quantile(0.99)), float64(base.quantile(0.99))))
				}
			}
			fmt.Fprintln(tw, line)
		}
	}
	_ = tw.Flush()
	if *rounds > 1 {
		fmt.Fprintln(e.stdout, "(req/s, p50 and p99 of the round with the median req/s; errors and requests summed over the rounds)")
	}
	if failed {
		fmt.Fprintln(e.stderr, "kgraph loadtest: some requests failed (see the errors column)")
		return exitPartial
	}
	return exitOK
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// medianRun is the run with the median rate.
func medianRun(rs []loadResult) loadResult {
	if len(rs) == 0 {
		return loadResult{}
	}
	s := slices.Clone(rs)
	slices.SortFunc(s, func(a, b loadResult) int {
		switch {
		case a.rate() < b.rate():
			return -1
		case a.rate() > b.rate():
			return 1
		}
		return 0
	})
	return s[len(s)/2]
}

func fmtDur(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2fs", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.0fms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.2fms", float64(d)/1e6)
}

// loadClient keeps one connection per worker; no compression (the server
// would spend its CPU on gzip, which a load test is not about) and no
// proxy.
func loadClient(conns int) *http.Client {
	return &http.Client{Transport: &http.Transport{
		Proxy:               nil,
		MaxIdleConns:        conns + 4,
		MaxIdleConnsPerHost: conns + 4,
		DisableCompression:  true,
		IdleConnTimeout:     time.Minute,
	}, Timeout: time.Minute}
}

// shapeBodies are the request bodies of shape s, one per target entity;
// the workers cycle through them.
func shapeBodies(s int, ents loadEntities) [][]byte {
	sh := loadShapes[s]
	var vars []map[string]any
	switch sh.target {
	case "hub":
		vars = append(vars, map[string]any{"id": ents.hub.ID})
	case "typical", "paged":
		list := ents.typical
		if sh.target == "paged" {
			list = ents.paged
		}
		for _, t := range list {
			vars = append(vars, map[string]any{"id": t.ID})
		}
	case "term":
		for _, t := range ents.typical {
			vars = append(vars, map[string]any{"q": strings.ToLower(t.Name)})
		}
	case "path":
		for _, t := range ents.typical {
			vars = append(vars, map[string]any{"a": t.ID, "b": ents.hub.ID})
		}
	}
	out := make([][]byte, len(vars))
	for i, v := range vars {
		out[i], _ = json.Marshal(map[string]any{"query": sh.query, "variables": v})
	}
	return out
}

// chooseEntities pages through the entities in degree order: the first is
// the hub, the typical ones surround the median degree of those with
// relations.
func chooseEntities(ctx context.Context, client *http.Client, url, token string, typical int) (loadEntities, error) {
	const q = `query($after: String) { entities(orderBy: DEGREE, first: 1000, after: $after) {
		pageInfo { hasNextPage endCursor } nodes { id name degree } } }`
	var connected []loadEntity
	var after any
	for page := 0; page < 1000; page++ {
		var res struct {
			Entities struct {
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
				Nodes []loadEntity
			}
		}
		if err := loadQuery(ctx, client, url, token, q, map[string]any{"after": after}, &res); err != nil {
			return loadEntities{}, err
		}
		done := !res.Entities.PageInfo.HasNextPage
		for _, n := range res.Entities.Nodes {
			if n.Degree == 0 {
				done = true
				break
			}
			connected = append(connected, n)
		}
		if done {
			break
		}
		after = res.Entities.PageInfo.EndCursor
	}
	if len(connected) < 2 {
		return loadEntities{}, errors.New("the store holds fewer than two entities with relations")
	}
	return pickEntities(connected, typical), nil
}

// pickEntities chooses from entities in descending degree (at least two):
// the first is the hub; the typical ones surround the median degree of the
// rest, the paged ones the median of those of the rest with a full page of
// relations; both in ascending degree, for the report.
func pickEntities(connected []loadEntity, typical int) loadEntities {
	rest := connected[1:]
	median := func(l []loadEntity) []loadEntity {
		lo := max(0, len(l)/2-typical/2)
		out := slices.Clone(l[lo:min(len(l), lo+typical)])
		slices.Reverse(out)
		return out
	}
	ents := loadEntities{hub: connected[0], typical: median(rest)}
	full := slices.IndexFunc(rest, func(n loadEntity) bool { return n.Degree < loadPage })
	if full < 0 {
		full = len(rest)
	}
	ents.paged = median(rest[:full])
	return ents
}

// loadQuery runs one query and decodes its data into out.
func loadQuery(ctx context.Context, client *http.Client, url, token, query string, vars map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	status, resp, err := loadPost(ctx, client, url, token, body)
	if err != nil {
		return err
	}
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(resp, &r); err != nil {
		return fmt.Errorf("status %d: %v", status, err)
	}
	if status != http.StatusOK || len(r.Errors) > 0 {
		return fmt.Errorf("status %d: %v", status, r.Errors)
	}
	return json.Unmarshal(r.Data, out)
}

func loadPost(ctx context.Context, client *http.Client, url, token string, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json, application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// loadRun sends the run's bodies round-robin over conns connections of
// dial for warmup (not counted) and then for duration, and returns what
// the measured window saw. A request counts in the window it was sent in.
func loadRun(ctx context.Context, dial loadDialer, conns int, warmup, duration time.Duration) loadResult {
	start := time.Now()
	measureFrom := start.Add(warmup)
	end := measureFrom.Add(duration)
	ctx, cancel := context.WithDeadline(ctx, end.Add(30*time.Second))
	defer cancel()
	type worker struct {
		lat              []time.Duration
		errs, n5xx, reqs int
		firstErr         string
	}
	ws := make([]worker, conns)
	var wg sync.WaitGroup
	for i := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &ws[i]
			p := dial()
			defer p.close()
			for n := i; ; n++ {
				sent := time.Now()
				if !sent.Before(end) || ctx.Err() != nil {
					return
				}
				status, resp, err := p.post(ctx, n)
				if sent.Before(measureFrom) {
					continue
				}
				w.reqs++
				w.lat = append(w.lat, time.Since(sent))
				msg := ""
				switch {
				case err != nil:
					msg = err.Error()
				case status != http.StatusOK:
					msg = fmt.Sprintf("status %d: %.200s", status, resp)
					if status >= 500 {
						w.n5xx++
					}
				case hasGraphQLErrors(resp):
					msg = fmt.Sprintf("%.300s", resp)
				}
				if msg != "" {
					w.errs++
					if w.firstErr == "" {
						w.firstErr = msg
					}
				}
			}
		}()
	}
	wg.Wait()
	var r loadResult
	for _, w := range ws {
		r.requests += w.reqs
		r.errors += w.errs
		r.status5xx += w.n5xx
		r.lat = append(r.lat, w.lat...)
		if r.firstErr == "" {
			r.firstErr = w.firstErr
		}
	}
	// Requests sent before the end and answered after it count; the
	// window is measured to the last answer.
	r.elapsed = max(duration, time.Since(measureFrom))
	slices.Sort(r.lat)
	return r
}

// hasGraphQLErrors tells whether a response carries an "errors" member.
// kgraph writes errors before data, so the start of the body tells; other
// bodies are decoded.
func hasGraphQLErrors(body []byte) bool {
	b := bytes.TrimLeft(body, " \t\r\n")
	if bytes.HasPrefix(b, []byte(`{"errors"`)) {
		return true
	}
	if bytes.HasPrefix(b, []byte(`{"data"`)) && !bytes.Contains(b, []byte(`"errors":`)) {
		return false
	}
	var r struct{ Errors []json.RawMessage }
	if err := json.Unmarshal(body, &r); err != nil {
		return true
	}
	return len(r.Errors) > 0
}
