package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"golang.org/x/term"

	"github.com/kgraph/kgraph/loader"
	"github.com/kgraph/kgraph/store"
)

// common holds the flags every store-using command shares.
type common struct {
	data      string
	logFormat string
	logLevel  string
}

func (c *common) register(fs *flag.FlagSet, e env) {
	fs.StringVar(&c.data, "data", envOr(e, "KGRAPH_DATA", "./kgraph-data"), "store directory (env KGRAPH_DATA)")
	fs.StringVar(&c.logFormat, "log-format", envOr(e, "KGRAPH_LOG_FORMAT", "console"), "log format: console or json (env KGRAPH_LOG_FORMAT)")
	fs.StringVar(&c.logLevel, "log-level", envOr(e, "KGRAPH_LOG_LEVEL", "info"), "log level: debug, info, warn, error (env KGRAPH_LOG_LEVEL)")
}

func envOr(e env, key, def string) string {
	if v := e.getenv(key); v != "" {
		return v
	}
	return def
}

// logger builds the zerolog logger the flags ask for, writing to w.
func (c *common) logger(w io.Writer) (zerolog.Logger, error) {
	level, err := zerolog.ParseLevel(strings.ToLower(c.logLevel))
	if err != nil || c.logLevel == "" {
		return zerolog.Nop(), fmt.Errorf("--log-level %q: want debug, info, warn or error", c.logLevel)
	}
	switch c.logFormat {
	case "json":
	case "console":
		w = zerolog.ConsoleWriter{Out: w, TimeFormat: time.TimeOnly, NoColor: !isTerminal(w)}
	default:
		return zerolog.Nop(), fmt.Errorf("--log-format %q: want console or json", c.logFormat)
	}
	return zerolog.New(w).Level(level).With().Timestamp().Logger(), nil
}

// session is what a store-using command works with: its logger, the
// store and, when asked for, the extraction models.
type session struct {
	log zerolog.Logger
	db  *store.DB
	ld  *loader.Loader // nil unless open was asked for the models
}

// open builds the logger, loads the models when withModels is set and opens
// the store. When it fails it has reported why, and the command should
// exit with exitUsage.
func (c *common) open(command string, e env, withModels bool) (*session, bool) {
	log, err := c.logger(e.stderr)
	if err != nil {
		fmt.Fprintf(e.stderr, "kgraph %s: %v\n", command, err)
		return nil, false
	}
	s := &session{log: log}
	// The models decode on one core while the store opens on the other.
	var models chan error
	if withModels {
		models = make(chan error, 1)
		go func() {
			var err error
			s.ld, err = loader.New()
			models <- err
		}()
	}
	s.db, err = c.openStore(log)
	if models != nil {
		if merr := <-models; merr != nil {
			log.Error().Err(merr).Msg("load models")
			if err == nil {
				s.close()
			}
			return nil, false
		}
	}
	if err != nil {
		log.Error().Err(err).Msg("open store")
		return nil, false
	}
	return s, true
}

// close closes the store, logging a failure.
func (s *session) close() {
	if err := s.db.Close(); err != nil {
		s.log.Error().Err(err).Msg("close store")
		return
	}
	s.log.Debug().Msg("store closed")
}

// openStore opens the store of --data, with Badger's own messages at
// warning level and above routed into our log.
func (c *common) openStore(log zerolog.Logger) (*store.DB, error) {
	db, err := store.Open(c.data, store.Options{Logger: badgerLogger{log.With().Str("component", "badger").Logger()}})
	if err != nil && strings.Contains(err.Error(), "Another process is using this Badger database") {
		return nil, fmt.Errorf("open store %s: another process (a running kgraph serve?) has it open; go through the server instead (ingest and export take --server URL): %w", c.data, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", c.data, err)
	}
	return db, nil
}

// badgerLogger adapts zerolog to Badger's logger interface. Badger is
// chatty at info level, so its info messages become debug ones.
type badgerLogger struct{ l zerolog.Logger }

func (b badgerLogger) Errorf(f string, a ...any)   { b.l.Error().Msgf(strings.TrimSpace(f), a...) }
func (b badgerLogger) Warningf(f string, a ...any) { b.l.Warn().Msgf(strings.TrimSpace(f), a...) }
func (b badgerLogger) Infof(f string, a ...any)    { b.l.Debug().Msgf(strings.TrimSpace(f), a...) }
func (b badgerLogger) Debugf(f string, a ...any)   { b.l.Trace().Msgf(strings.TrimSpace(f), a...) }

// isTerminal reports whether w is a terminal. A character device is not
// enough: /dev/null is one, and an ingest whose output is thrown away
// there would read its whole input once more to draw a progress line
// nobody sees.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// newFlags makes a FlagSet whose usage prints a synopsis, the flags and
// examples.
func newFlags(name, synopsis, help string, e env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: kgraph %s %s\n\n%s\nFlags:\n", name, synopsis, strings.TrimLeft(help, "\n"))
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags that may stand before, between or after the
// positional arguments ("kgraph query '{…}' --variables '{…}'"); "--" ends
// the flags. It returns the positional arguments, and ok=false with the
// exit code to use when parsing failed or --help was asked for.
func parse(fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	// A wrong flag is reported in one line with a pointer to --help;
	// --help prints the whole usage.
	stderr := fs.Output()
	usage := fs.Usage
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	defer func() { fs.SetOutput(stderr); fs.Usage = usage }()
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(stderr)
				usage()
				return nil, exitOK, false
			}
			fmt.Fprintf(stderr, "kgraph %s: %v (see 'kgraph %s --help')\n", fs.Name(), err, fs.Name())
			return nil, exitUsage, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, 0, true
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// startCPUProfile starts a CPU profile written to path (none for ""); the
// returned stop ends it and closes the file.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
