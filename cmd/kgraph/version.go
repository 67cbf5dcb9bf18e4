package main

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

const versionHelp = `
Prints the version, the source revision the binary was built from (when
the build recorded it: a build inside a git clone does, unless
-buildvcs=false; otherwise -ldflags "-X main.revision=REV" names it) and
the Go version. 'kgraph --version' prints the same.

Examples:
  kgraph version
  kgraph --version
`

func runVersion(_ context.Context, args []string, e env) int {
	fs := newFlags("version", "", versionHelp, e)
	if _, code, ok := parse(fs, args); !ok {
		return code
	}
	fmt.Fprintln(e.stdout, versionString())
	return exitOK
}

// revision names the source revision when the build could not record it
// itself (Docker builds without .git, git worktrees, -buildvcs=false):
// -ldflags "-X main.revision=$(git rev-parse --short HEAD)".
var revision = ""

// versionString is "kgraph VERSION (revision REV[, modified], TIME) GOVERSION".
func versionString() string {
	var vcs []string
	if bi, ok := debug.ReadBuildInfo(); ok {
		set := map[string]string{}
		for _, s := range bi.Settings {
			set[s.Key] = s.Value
		}
		if rev := set["vcs.revision"]; rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			vcs = append(vcs, "revision "+rev)
			if set["vcs.modified"] == "true" {
				vcs = append(vcs, "modified")
			}
			if t := set["vcs.time"]; t != "" {
				vcs = append(vcs, t)
			}
		}
	}
	if len(vcs) == 0 && revision != "" {
		vcs = []string{"revision " + revision}
	}
	if len(vcs) == 0 {
		vcs = []string{"revision unknown"}
	}
	return fmt.Sprintf("kgraph %s (%s) %s", version, strings.Join(vcs, ", "), runtime.Version())
}

const healthcheckHelp = `
Asks a running server whether it is healthy (GET /healthz) and exits 0
when it answers 200 within --timeout, 1 otherwise. Made for container
health checks, where no curl is at hand (the Dockerfile's HEALTHCHECK uses
it).

Examples:
  kgraph healthcheck
  kgraph healthcheck --url http://127.0.0.1:9000
`

func runHealthcheck(ctx context.Context, args []string, e env) int {
	fs := newFlags("healthcheck", "[flags]", healthcheckHelp, e)
	def := "http://" + envOr(e, "KGRAPH_ADDR", "127.0.0.1:8080")
	def = strings.Replace(def, "//0.0.0.0:", "//127.0.0.1:", 1)
	u := fs.String("url", def, "the server's base URL (default from KGRAPH_ADDR)")
	timeout := fs.Duration("timeout", 3*time.Second, "longest wait for the answer")
	if _, code, ok := parse(fs, args); !ok {
		return code
	}
	target, err := serverURL(*u, "/healthz", nil)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph healthcheck:", err)
		return exitUsage
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph healthcheck:", err)
		return exitUsage
	}
	resp, err := (&http.Client{}).Do(req)
	if err != nil {
		fmt.Fprintln(e.stderr, "kgraph healthcheck: unhealthy:", err)
		return exitPartial
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintln(e.stderr, "kgraph healthcheck: unhealthy:", resp.Status)
		return exitPartial
	}
	fmt.Fprintln(e.stdout, "ok")
	return exitOK
}
