package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
)

// startNATS starts an embedded JetStream server on loopback.
func startNATS(t *testing.T) string {
	t.Helper()
	s, err := natsserver.NewServer(&natsserver.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(time.Minute) {
		t.Fatal("nats-server not ready")
	}
	t.Cleanup(func() { s.Shutdown(); s.WaitForShutdown() })
	return s.ClientURL()
}

// TestNATSCommands runs kgraph publish, kgraph worker, kgraph serve --nats
// and kgraph ingest --nats against an embedded JetStream server: the
// resulting store exports the same graph as kgraph ingest of the files.
func TestNATSCommands(t *testing.T) {
	url := startNATS(t)
	first := []string{"testdata/crossdoc"}
	second, err := filepath.Glob("../../testdata/gold/*.txt")
	if err != nil || len(second) == 0 {
		t.Fatalf("gold articles: %v", err)
	}

	code, out, errs := runCmd(t, "", "publish", "--nats", url, "--log-level", "warn", first[0])
	if code != exitOK || !strings.Contains(out, "documents: 3 published, 0 duplicates") {
		t.Fatalf("publish: %d %s %s", code, out, errs)
	}
	code, out, _ = runCmd(t, "", "publish", "--nats", url, first[0])
	if code != exitOK || !strings.Contains(out, "0 published, 3 duplicates dropped") {
		t.Fatalf("repeated publish: %d %s", code, out)
	}

	ctx, cancel := context.WithCancel(context.Background())
	e, wout, werr := testEnv("", nil)
	wdone := make(chan int, 1)
	go func() { wdone <- run(ctx, []string{"worker", "--nats", url, "--concurrency", "2"}, e) }()
	defer func() {
		cancel()
		if c := <-wdone; c != exitOK {
			t.Errorf("worker exited %d: %s", c, werr.String())
		}
		if !strings.Contains(wout.String(), "extracted") {
			t.Errorf("worker summary: %q", wout.String())
		}
	}()

	data := t.TempDir()
	s := startServer(t, data, "--nats", url)
	var metrics string
	deadline := time.Now().Add(3 * time.Minute)
	for !strings.Contains(metrics, "kgraph_nats_applied_total 3\n") || !strings.Contains(metrics, "kgraph_nats_lag_documents 0\n") || !strings.Contains(metrics, "kgraph_nats_lag_extractions 0\n") {
		if time.Now().After(deadline) {
			t.Fatalf("serve --nats did not apply 3 documents and catch up: %s\n%s", metrics, s.log.String())
		}
		time.Sleep(100 * time.Millisecond)
		resp, err := http.Get(s.url + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		metrics = string(b)
	}
	for _, m := range []string{"kgraph_nats_redeliveries_total 0", "kgraph_nats_dead_letters 0", "kgraph_nats_unchanged_total 0"} {
		if !strings.Contains(metrics, m+"\n") {
			t.Errorf("/metrics lacks %q", m)
		}
	}
	s.stop(t)

	// A batch run: publish more, then ingest --nats applies it and stops.
	if code, out, errs := runCmd(t, "", append([]string{"publish", "--nats", url}, second...)...); code != exitOK {
		t.Fatalf("publish: %d %s %s", code, out, errs)
	}
	code, out, errs = runCmd(t, "", "ingest", "--nats", url, "--data", data)
	if code != exitOK || !strings.Contains(out, "new, 0 unchanged, 0 skipped") {
		t.Fatalf("ingest --nats: %d %s %s", code, out, errs)
	}

	local := filepath.Join(t.TempDir(), "local")
	if code, out, errs := runCmd(t, "", append([]string{"ingest", "--data", local}, append(first, second...)...)...); code != exitOK {
		t.Fatalf("local ingest: %d %s %s", code, out, errs)
	}
	_, want, _ := runCmd(t, "", "export", "--data", local)
	_, got, _ := runCmd(t, "", "export", "--data", data)
	if want != got || len(want) < 1000 {
		t.Errorf("export over NATS differs from the local ingest (%d vs %d bytes)", len(got), len(want))
	}
}

func TestNATSUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"publish", "x.txt"},
		{"publish", "--nats", "nats://127.0.0.1:1"},
		{"worker"},
		{"worker", "--nats", "nats://127.0.0.1:1", "extra"},
		{"ingest", "--nats", "nats://127.0.0.1:1", "x.txt"},
	} {
		code, _, errs := runCmd(t, "", args...)
		if code != exitUsage || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, errs)
		}
	}
	code, _, errs := runCmd(t, "", "publish", "--nats", "nats://user:secret@127.0.0.1:1", "--log-format", "json", "testdata/crossdoc")
	if code != exitUsage || strings.Contains(errs, "secret") || !strings.Contains(errs, "connect") {
		t.Errorf("unreachable server: exit %d, stderr %s", code, errs)
	}
}
