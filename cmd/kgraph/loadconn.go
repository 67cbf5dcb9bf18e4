package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
)

// The load test's client runs on the machine it measures, so its own CPU
// comes out of the server's share. net/http's client spends about as much
// CPU on a request as the server spends answering a one-hop query (its
// connection goroutines, header maps and allocations), which compresses
// every ratio between two servers towards 1. The default client is as lean
// as wrk: one kept-alive TCP connection per worker, requests written once
// as bytes, responses read by Content-Length or chunks into a buffer the
// connection keeps. --client std uses net/http instead (and https URLs
// always do).

// loadPoster sends the requests of one load-test connection.
type loadPoster interface {
	// post sends the run's body i (modulo their number) and returns the
	// status and the response body, which stays valid until the next
	// call.
	post(ctx context.Context, i int) (status int, body []byte, err error)
	close()
}

// loadDialer opens the posters of one run, one per worker.
type loadDialer func() loadPoster

// maxLoadBody bounds a response the load client reads.
const maxLoadBody = 64 << 20

// newLoadDialer returns the dialer of a run that sends bodies to the
// GraphQL endpoint gql: raw HTTP/1.1 unless std is set or the URL is
// https.
func newLoadDialer(std bool, client *http.Client, gql, token string, bodies [][]byte) (loadDialer, error) {
	u, err := url.Parse(gql)
	if err != nil {
		return nil, err
	}
	if std || u.Scheme != "http" {
		return func() loadPoster { return &stdPoster{client, gql, token, bodies} }, nil
	}
	addr := u.Host
	if u.Port() == "" {
		addr = net.JoinHostPort(u.Hostname(), "80")
	}
	reqs := make([][]byte, len(bodies))
	for i, b := range bodies {
		r := fmt.Appendf(nil, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nAccept: application/graphql-response+json, application/json\r\n", u.RequestURI(), u.Host)
		if token != "" {
			r = fmt.Appendf(r, "Authorization: Bearer %s\r\n", token)
		}
		r = fmt.Appendf(r, "Content-Length: %d\r\n\r\n", len(b))
		reqs[i] = append(r, b...)
	}
	return func() loadPoster { return &rawPoster{addr: addr, reqs: reqs} }, nil
}

// stdPoster posts through net/http.
type stdPoster struct {
	client     *http.Client
	url, token string
	bodies     [][]byte
}

func (p *stdPoster) post(ctx context.Context, i int) (int, []byte, error) {
	return loadPost(ctx, p.client, p.url, p.token, p.bodies[i%len(p.bodies)])
}

func (p *stdPoster) close() {}

// rawPoster speaks HTTP/1.1 over one kept-alive TCP connection; it dials
// again after an error or a response that closes the connection.
type rawPoster struct {
	addr string
	reqs [][]byte // whole requests, head and body
	c    net.Conn
	br   *bufio.Reader
	buf  []byte
}

func (p *rawPoster) post(ctx context.Context, i int) (int, []byte, error) {
	if p.c == nil {
		var d net.Dialer
		c, err := d.DialContext(ctx, "tcp", p.addr)
		if err != nil {
			return 0, nil, err
		}
		if dl, ok := ctx.Deadline(); ok {
			c.SetDeadline(dl)
		}
		p.c, p.br = c, bufio.NewReaderSize(c, 32<<10)
	}
	status, keep, err := p.roundTrip(p.reqs[i%len(p.reqs)])
	if err != nil || !keep {
		p.close()
	}
	if err != nil {
		return 0, nil, err
	}
	return status, p.buf, nil
}

func (p *rawPoster) close() {
	if p.c != nil {
		p.c.Close()
		p.c, p.br = nil, nil
	}
}

var errLoadResponse = errors.New("malformed HTTP response")

// roundTrip writes req and reads the response into p.buf; keep tells
// whether the connection may carry the next request.
func (p *rawPoster) roundTrip(req []byte) (status int, keep bool, err error) {
	if _, err := p.c.Write(req); err != nil {
		return 0, false, err
	}
	line, err := p.br.ReadSlice('\n')
	if err != nil {
		return 0, false, err
	}
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) {
		return 0, false, fmt.Errorf("%w: status line %q", errLoadResponse, line)
	}
	if status, err = strconv.Atoi(string(line[9:12])); err != nil {
		return 0, false, fmt.Errorf("%w: status line %q", errLoadResponse, line)
	}
	keep = line[7] == '1' // HTTP/1.1 keeps the connection unless it says otherwise
	length, chunked := -1, false
	for {
		h, err := p.br.ReadSlice('\n')
		if err != nil {
			return 0, false, err
		}
		h = bytes.TrimRight(h, "\r\n")
		if len(h) == 0 {
			break
		}
		name, value, _ := bytes.Cut(h, []byte(":"))
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			if length, err = strconv.Atoi(string(value)); err != nil || length < 0 {
				return 0, false, fmt.Errorf("%w: Content-Length %q", errLoadResponse, value)
			}
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			chunked = bytes.EqualFold(value, []byte("chunked"))
		case bytes.EqualFold(name, []byte("Connection")):
			if bytes.EqualFold(value, []byte("close")) {
				keep = false
			}
		}
	}
	if status/100 == 1 || status == http.StatusNoContent || status == http.StatusNotModified {
		length, chunked = 0, false // no body, whatever the headers say (RFC 9112, 6.3)
	}
	p.buf = p.buf[:0]
	switch {
	case chunked:
		for {
			line, err := p.br.ReadSlice('\n')
			if err != nil {
				return 0, false, err
			}
			size, _, _ := bytes.Cut(bytes.TrimRight(line, "\r\n"), []byte(";"))
			n, err := strconv.ParseUint(string(bytes.TrimSpace(size)), 16, 32)
			if err != nil {
				return 0, false, fmt.Errorf("%w: chunk size %q", errLoadResponse, line)
			}
			if n == 0 {
				break
			}
			if err := p.read(int(n)); err != nil {
				return 0, false, err
			}
			if _, err := p.br.Discard(2); err != nil { // the chunk's CRLF
				return 0, false, err
			}
		}
		for { // trailer
			line, err := p.br.ReadSlice('\n')
			if err != nil {
				return 0, false, err
			}
			if len(bytes.TrimRight(line, "\r\n")) == 0 {
				break
			}
		}
	case length >= 0:
		if err := p.read(length); err != nil {
			return 0, false, err
		}
	default: // the body runs to the end of the connection
		b, err := io.ReadAll(io.LimitReader(p.br, maxLoadBody+1))
		if err != nil {
			return 0, false, err
		}
		if len(b) > maxLoadBody {
			return 0, false, fmt.Errorf("response over %d bytes", maxLoadBody)
		}
		p.buf, keep = append(p.buf, b...), false
	}
	return status, keep, nil
}

// read appends the next n bytes of the response to p.buf.
func (p *rawPoster) read(n int) error {
	if len(p.buf)+n > maxLoadBody {
		return fmt.Errorf("response over %d bytes", maxLoadBody)
	}
	at := len(p.buf)
	p.buf = slices.Grow(p.buf, n)[:at+n]
	_, err := io.ReadFull(p.br, p.buf[at:])
	return err
}
