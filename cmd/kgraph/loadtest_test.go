package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"
)

// loadRows parses kgraph loadtest's table: shape/server -> columns.
func loadRows(t *testing.T, out string) map[string][]string {
	t.Helper()
	rows := map[string][]string{}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 7 || f[0] == "shape" || strings.Contains(line, ": hub ") || strings.Contains(line, " connections, ") {
			continue
		}
		rows[f[0]+"/"+f[1]] = f
	}
	return rows
}

func TestLoadtestAgainstServer(t *testing.T) {
	s := startServer(t, t.TempDir())
	code, out, errOut := runCmd(t, "", "loadtest", "--addr", s.url, "--connections", "2",
		"--duration", "300ms", "--warmup", "0s", "--single", "100ms")
	if code != exitOK {
		t.Fatalf("loadtest exited %d:\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "server: hub ") {
		t.Errorf("no hub line:\n%s", out)
	}
	rows := loadRows(t, out)
	for _, sh := range loadShapes {
		f, ok := rows[sh.name+"/server"]
		if !ok {
			t.Errorf("no row for %s:\n%s", sh.name, out)
			continue
		}
		// shape server req/s p50 p99 errors requests 1-conn-p50
		if f[5] != "0" {
			t.Errorf("%s: %s errors, want 0:\n%s\n%s", sh.name, f[5], out, errOut)
		}
		if n, err := strconv.Atoi(f[6]); err != nil || n < 1 {
			t.Errorf("%s: requests %q, want at least 1", sh.name, f[6])
		}
	}
}

func TestLoadtestComparesServersAndCountsErrors(t *testing.T) {
	s := startServer(t, t.TempDir())
	code, out, errOut := runCmd(t, "", "loadtest", "--addr", "a="+s.url+",b="+s.url, "--shapes", "entity,hophub",
		"--connections", "2", "--duration", "200ms", "--warmup", "0s", "--single", "0", "--rounds", "2")
	if code != exitOK {
		t.Fatalf("loadtest exited %d:\n%s\n%s", code, out, errOut)
	}
	rows := loadRows(t, out)
	for _, k := range []string{"entity/a", "entity/b", "hophub/a", "hophub/b"} {
		f, ok := rows[k]
		if !ok || len(f) != 9 {
			t.Fatalf("row %s: %v (want shape server req/s p50 p99 errors requests and two ratios):\n%s", k, f, out)
		}
		if strings.HasSuffix(k, "/a") && (f[7] != "1.00" || f[8] != "1.00") {
			t.Errorf("the first server's ratios are %s %s, want 1.00", f[7], f[8])
		}
	}
	// Both rounds on both servers, each run once per round.
	if n := strings.Count(errOut, "round 2 entity"); n != 2 {
		t.Errorf("round 2 ran entity %d times, want 2:\n%s", n, errOut)
	}

	// Every answer with GraphQL errors, every refused status, every
	// transport error is an error, and each is counted once.
	ctx := context.Background()
	client := loadClient(2)
	bad := [][]byte{[]byte(`{"query":"{ noSuchField }"}`), []byte(`{"query":"{ entity(id: \"e1\") { id } }"}`)}
	r := loadRun(ctx, client, s.url+"/graphql", "", bad, 2, 0, 200*time.Millisecond)
	if r.requests < 2 || len(r.lat) != r.requests {
		t.Fatalf("requests %d, latencies %d", r.requests, len(r.lat))
	}
	if r.errors < r.requests/2 || r.errors >= r.requests {
		// Half the bodies fail to validate; the other half run.
		t.Errorf("errors %d of %d requests, want about half", r.errors, r.requests)
	}
	if r.status5xx != 0 || !strings.Contains(r.firstErr, "noSuchField") {
		t.Errorf("5xx %d, first error %q", r.status5xx, r.firstErr)
	}

	locked := startServer(t, t.TempDir(), "--read-token", "reader")
	r = loadRun(ctx, client, locked.url+"/graphql", "", bad[1:], 1, 0, 100*time.Millisecond)
	if r.requests == 0 || r.errors != r.requests || !strings.Contains(r.firstErr, "status 401") {
		t.Errorf("without the read token: %d errors of %d, first %q", r.errors, r.requests, r.firstErr)
	}
	r = loadRun(ctx, client, locked.url+"/graphql", "reader", bad[1:], 1, 0, 100*time.Millisecond)
	if r.requests == 0 || r.errors != 0 {
		t.Errorf("with the read token: %d errors of %d, first %q", r.errors, r.requests, r.firstErr)
	}
	code, _, errOut = runCmd(t, "", "loadtest", "--addr", "http://127.0.0.1:1", "--duration", "100ms")
	if code != exitUsage || !strings.Contains(errOut, "choosing entities") {
		t.Errorf("unreachable server: exit %d, %s", code, errOut)
	}
	code, _, errOut = runCmd(t, "", "loadtest", "--shapes", "nope")
	if code != exitUsage || !strings.Contains(errOut, `unknown shape "nope"`) {
		t.Errorf("unknown shape: exit %d, %s", code, errOut)
	}
}
