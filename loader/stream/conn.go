package stream

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ConnOptions say how to reach NATS. URL may list several servers
// separated by commas and may carry credentials (nats://user:pass@host).
type ConnOptions struct {
	URL      string
	Creds    string // a .creds file (JWT and NKey seed)
	CA       string // PEM file of the CA that signed the servers' certificates
	Cert     string // client certificate (PEM), with Key, for mutual TLS
	Key      string
	Name     string // connection name shown by the server's monitoring
	Timeout  time.Duration
	Reporter func(event string) // called on disconnects and reconnects; may be nil
}

// Connect opens a NATS connection that reconnects forever and a JetStream
// context on it.
func Connect(ctx context.Context, o ConnOptions) (*nats.Conn, jetstream.JetStream, error) {
	if o.URL == "" {
		return nil, nil, errors.New("no NATS URL")
	}
	opts := []nats.Option{
		nats.Name(o.Name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250 * time.Millisecond),
		nats.RetryOnFailedConnect(false),
	}
	if o.Timeout > 0 {
		opts = append(opts, nats.Timeout(o.Timeout))
	}
	if o.Creds != "" {
		opts = append(opts, nats.UserCredentials(o.Creds))
	}
	if o.CA != "" {
		opts = append(opts, nats.RootCAs(o.CA))
	}
	if o.Cert != "" || o.Key != "" {
		if o.Cert == "" || o.Key == "" {
			return nil, nil, errors.New("a client certificate needs both the certificate and the key")
		}
		opts = append(opts, nats.ClientCert(o.Cert, o.Key))
	}
	if r := o.Reporter; r != nil {
		opts = append(opts,
			nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
				if err != nil {
					r("disconnected: " + err.Error())
				}
			}),
			nats.ReconnectHandler(func(nc *nats.Conn) { r("reconnected to " + nc.ConnectedUrlRedacted()) }))
	}
	nc, err := nats.Connect(o.URL, opts...)
	if err != nil {
		return nil, nil, fmt.Errorf("connect to NATS %s: %w", redact(o.URL), err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, fmt.Errorf("JetStream: %w", err)
	}
	return nc, js, nil
}

// redact hides the password of a URL list for messages.
func redact(u string) string {
	parts := strings.Split(u, ",")
	for i, p := range parts {
		if at := strings.LastIndex(p, "@"); at >= 0 {
			scheme := ""
			if k := strings.Index(p, "://"); k >= 0 && k < at {
				scheme = p[:k+3]
			}
			parts[i] = scheme + "***@" + p[at+1:]
		}
	}
	return strings.Join(parts, ",")
}

// Config names the streams and subjects and says how streams are created
// when they do not exist yet. Zero values take the defaults.
type Config struct {
	Docs        string        // document stream; default KGRAPH_DOCS
	Extractions string        // extraction stream; default KGRAPH_EXTRACTIONS
	Dead        string        // dead-letter stream; default KGRAPH_DEAD
	Prefix      string        // subject prefix; default "kgraph"
	Replicas    int           // replicas of created streams; default 1
	Duplicates  time.Duration // de-duplication window of created streams; default 1h
}

func (c Config) withDefaults() Config {
	if c.Docs == "" {
		c.Docs = "KGRAPH_DOCS"
	}
	if c.Extractions == "" {
		c.Extractions = "KGRAPH_EXTRACTIONS"
	}
	if c.Dead == "" {
		c.Dead = "KGRAPH_DEAD"
	}
	if c.Prefix == "" {
		c.Prefix = "kgraph"
	}
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	if c.Duplicates <= 0 {
		c.Duplicates = time.Hour
	}
	return c
}

// DocsSubject is the subject documents are published on.
func (c Config) DocsSubject() string { return c.withDefaults().Prefix + ".docs" }

// ExtractedSubject is the subject of the extraction of document seq.
func (c Config) ExtractedSubject(seq uint64) string {
	return c.withDefaults().Prefix + ".extracted." + strconv.FormatUint(seq, 10)
}

// DeadSubject is the subject of the dead letter of document seq.
func (c Config) DeadSubject(seq uint64) string {
	return c.withDefaults().Prefix + ".dead." + strconv.FormatUint(seq, 10)
}

// seqOf reads the document sequence number at the end of a subject.
func seqOf(subject string) (uint64, bool) {
	i := strings.LastIndexByte(subject, '.')
	n, err := strconv.ParseUint(subject[i+1:], 10, 64)
	return n, err == nil && n > 0
}

// Setup makes sure the three streams exist, creating the missing ones; it
// leaves existing streams as they are.
func Setup(ctx context.Context, js jetstream.JetStream, c Config) error {
	c = c.withDefaults()
	streams := []jetstream.StreamConfig{
		{Name: c.Docs, Subjects: []string{c.DocsSubject()}, Retention: jetstream.WorkQueuePolicy,
			Description: "kgraph: documents waiting for extraction"},
		{Name: c.Extractions, Subjects: []string{c.Prefix + ".extracted.*"}, Retention: jetstream.WorkQueuePolicy,
			Description: "kgraph: document graphs waiting for the store"},
		{Name: c.Dead, Subjects: []string{c.Prefix + ".dead.*"}, Retention: jetstream.LimitsPolicy,
			Description: "kgraph: documents that could not be extracted, with the reason"},
	}
	for _, sc := range streams {
		sc.Storage = jetstream.FileStorage
		sc.Replicas = c.Replicas
		sc.Duplicates = c.Duplicates
		if err := ensureStream(ctx, js, sc); err != nil {
			return err
		}
	}
	return nil
}

func ensureStream(ctx context.Context, js jetstream.JetStream, sc jetstream.StreamConfig) error {
	for attempt := 0; ; attempt++ {
		_, err := js.Stream(ctx, sc.Name)
		if err == nil {
			return nil
		}
		if !errors.Is(err, jetstream.ErrStreamNotFound) {
			if attempt < 20 && ctx.Err() == nil && retryable(err) {
				sleep(ctx, 250*time.Millisecond)
				continue
			}
			return fmt.Errorf("stream %s: %w", sc.Name, err)
		}
		_, err = js.CreateStream(ctx, sc)
		if err == nil || errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			return nil
		}
		if attempt < 20 && ctx.Err() == nil && retryable(err) {
			sleep(ctx, 250*time.Millisecond)
			continue
		}
		return fmt.Errorf("create stream %s: %w", sc.Name, err)
	}
}

// retryable reports errors that a cluster recovering from a lost node or a
// reconnecting client gives for a while.
func retryable(err error) bool {
	if errors.Is(err, context.Canceled) {
		return false
	}
	return errors.Is(err, nats.ErrTimeout) || errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, nats.ErrNoResponders) || errors.Is(err, jetstream.ErrNoStreamResponse) ||
		errors.Is(err, nats.ErrDisconnected) ||
		errors.Is(err, jetstream.ErrJetStreamNotEnabled) ||
		strings.Contains(err.Error(), "unavailable") || strings.Contains(err.Error(), "no leader") ||
		strings.Contains(err.Error(), "timeout") || strings.Contains(err.Error(), "no responders")
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
