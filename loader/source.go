package loader

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/kgraph/kgraph/graph"
)

// Limits bound what Read accepts. Zero values take the defaults.
type Limits struct {
	MaxDocBytes  int // largest document text; default DefaultMaxDocBytes
	MaxLineBytes int // largest JSONL line; default MaxDocBytes + 64 KiB
}

// DefaultMaxDocBytes is the default document size limit (5 MiB).
const DefaultMaxDocBytes = 5 << 20

func (l Limits) withDefaults() Limits {
	if l.MaxDocBytes <= 0 {
		l.MaxDocBytes = DefaultMaxDocBytes
	}
	if l.MaxLineBytes <= 0 {
		l.MaxLineBytes = l.MaxDocBytes + 64<<10
	}
	return l
}

// Item is one document read from a source, or the reason it could not be
// read. Origin names where it came from: a path, "path:line" for JSON Lines,
// or "-" for standard input.
type Item struct {
	Origin string
	Doc    graph.Document
	Err    error
}

// Read walks paths (files, directories recursively, "-" for stdin) and calls
// fn once per document in a stable order: files sorted by path, JSONL lines
// in order. A bad document is passed to fn as an Item with Err set, and
// reading goes on; so is anything that is not a regular file (a named pipe,
// a device, a socket: never opened for reading, so never waited on) and a
// subdirectory that cannot be listed. Read itself fails only when fn fails,
// ctx ends or a path named in paths cannot be opened at all. Files other
// than .txt and .jsonl inside a directory are passed over; named
// explicitly, a file is read as text whatever its extension.
func Read(ctx context.Context, paths []string, stdin io.Reader, lim Limits, fn func(Item) error) error {
	lim = lim.withDefaults()
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if err := readStream(ctx, "-", stdin, lim, fn); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		if !info.IsDir() {
			if err := readFile(ctx, p, lim, fn); err != nil {
				return err
			}
			continue
		}
		entries, err := walk(ctx, p)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := ctx.Err(); err != nil {
				return err
			}
			if e.err != nil {
				err = fn(Item{Origin: e.path, Err: e.err})
			} else {
				err = readFile(ctx, e.path, lim, fn)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// entry is a supported file found below a directory, or a subdirectory
// that could not be listed (err set).
type entry struct {
	path string
	err  error
}

// walk lists the supported files below dir and the subdirectories it could
// not read, sorted by path. It fails only when dir itself cannot be read.
func walk(ctx context.Context, dir string) ([]entry, error) {
	var out []entry
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if path == dir {
				return fmt.Errorf("read %s: %w", dir, err)
			}
			out = append(out, entry{path: path, err: fmt.Errorf("cannot read: %w", unwrapPath(err))})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && isSupported(path) {
			out = append(out, entry{path: path})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, nil
}

// unwrapPath drops the *fs.PathError wrapper whose path the Item's origin
// already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadFS is Read over every supported file of an fs.FS (the embedded seeds).
func ReadFS(ctx context.Context, fsys fs.FS, lim Limits, fn func(Item) error) error {
	lim = lim.withDefaults()
	return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isSupported(path) {
			return err
		}
		f, err := fsys.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return readNamed(ctx, path, f, lim, fn)
	})
}

func isSupported(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".jsonl":
		return true
	}
	return false
}

// readFile reads one file. Only regular files are read: anything else (a
// named pipe, a device, a socket) is reported and skipped. The type is
// checked before opening, and the file is opened without blocking and
// checked again, so a path swapped for a pipe in between cannot make the
// read wait forever.
func readFile(ctx context.Context, path string, lim Limits, fn func(Item) error) error {
	info, err := os.Stat(path)
	if err != nil {
		return fn(Item{Origin: path, Err: unwrapPath(err)})
	}
	if !info.Mode().IsRegular() {
		return fn(Item{Origin: path, Err: notRegular(info.Mode())})
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fn(Item{Origin: path, Err: unwrapPath(err)})
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		if err == nil {
			err = notRegular(info.Mode())
		}
		return fn(Item{Origin: path, Err: err})
	}
	return readNamed(ctx, path, f, lim, fn)
}

// notRegular is the reason a file that is not a regular file is skipped.
func notRegular(m fs.FileMode) error {
	kind := "not a regular file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeCharDevice != 0:
		kind = "a character device"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	}
	return graph.Errorf(graph.EINVALID, "%s, not a regular file: skipped", kind)
}

func readNamed(ctx context.Context, path string, r io.Reader, lim Limits, fn func(Item) error) error {
	if strings.EqualFold(filepath.Ext(path), ".jsonl") {
		return readJSONL(ctx, path, r, lim, fn)
	}
	return readText(path, r, lim, fn)
}

func readText(path string, r io.Reader, lim Limits, fn func(Item) error) error {
	data, err := io.ReadAll(io.LimitReader(r, int64(lim.MaxDocBytes)+1))
	if err != nil {
		return fn(Item{Origin: path, Err: err})
	}
	doc, err := ParseText(data, lim)
	if err == nil {
		doc.Source = filepath.Base(path)
	}
	return fn(Item{Origin: path, Doc: doc, Err: err})
}

// readStream reads standard input: JSON Lines when its first non-space byte
// is '{', one plain-text document otherwise.
func readStream(ctx context.Context, name string, r io.Reader, lim Limits, fn func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	peek, _ := br.Peek(4096)
	if t := bytes.TrimLeft(peek, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return readJSONL(ctx, name, br, lim, fn)
	}
	return readText(name, br, lim, fn)
}

// jsonDoc is the JSON Lines document form. Only text is required; body is
// accepted for text (Reuters-21578 style), and id may be a number.
type jsonDoc struct {
	ID     json.RawMessage `json:"id"`
	Title  string          `json:"title"`
	Date   string          `json:"date"`
	Source string          `json:"source"`
	URL    string          `json:"url"`
	Text   *string         `json:"text"`
	Body   *string         `json:"body"`
}

func readJSONL(ctx context.Context, path string, r io.Reader, lim Limits, fn func(Item) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), lim.MaxLineBytes)
	line := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		ok := sc.Scan()
		if !ok {
			err := sc.Err()
			if err == bufio.ErrTooLong {
				line++
				if ferr := fn(Item{Origin: fmt.Sprintf("%s:%d", path, line), Err: fmt.Errorf("line longer than %d bytes; the rest of the file is skipped", lim.MaxLineBytes)}); ferr != nil {
					return ferr
				}
				return nil
			}
			if err != nil {
				return fn(Item{Origin: path, Err: err})
			}
			return nil
		}
		line++
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		origin := fmt.Sprintf("%s:%d", path, line)
		doc, err := parseJSONDoc(raw, lim)
		if err == nil && doc.Source == "" {
			doc.Source = filepath.Base(path)
		}
		if err := fn(Item{Origin: origin, Doc: doc, Err: err}); err != nil {
			return err
		}
	}
}

func parseJSONDoc(raw []byte, lim Limits) (graph.Document, error) {
	if !utf8.Valid(raw) {
		return graph.Document{}, invalidUTF8(raw)
	}
	var j jsonDoc
	if err := json.Unmarshal(raw, &j); err != nil {
		return graph.Document{}, graph.Errorf(graph.EINVALID, "invalid JSON: %v", err)
	}
	body := j.Text
	if body == nil {
		body = j.Body
	}
	if body == nil {
		return graph.Document{}, graph.Errorf(graph.EINVALID, "no \"text\" field")
	}
	doc := graph.Document{Title: strings.TrimSpace(j.Title), Source: j.Source, URL: j.URL}
	if len(j.ID) > 0 && string(j.ID) != "null" {
		var s string
		if err := json.Unmarshal(j.ID, &s); err != nil {
			s = string(j.ID) // a number
		}
		doc.ID = strings.TrimSpace(s)
	}
	if j.Date != "" {
		d, err := NormalizeDate(j.Date)
		if err != nil {
			return graph.Document{}, err
		}
		doc.Date = d
	}
	return finish(doc, *body, lim)
}

var headerRE = regexp.MustCompile(`^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$`)

// ParseText reads a plain-text document: an optional first line
// "date YYYY-MM-DD" with the title after it on the same line or on the next
// line, then the body. Without a header the first line is the title. Text
// with a UTF-16 byte-order mark is decoded; other text must be UTF-8. It
// rejects empty, binary, non-UTF-8 and oversized input with an EINVALID
// error that says why.
func ParseText(data []byte, lim Limits) (graph.Document, error) {
	lim = lim.withDefaults()
	if len(data) > lim.MaxDocBytes { // before decoding, which shrinks UTF-16
		return graph.Document{}, tooLarge(lim)
	}
	data, err := fromUTF16(data)
	if err != nil {
		return graph.Document{}, err
	}
	if err := check(data, lim); err != nil {
		return graph.Document{}, err
	}
	s := strings.TrimPrefix(string(data), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var doc graph.Document
	first, rest, _ := strings.Cut(s, "\n")
	if m := headerRE.FindStringSubmatch(first); m != nil {
		d, err := NormalizeDate(m[1])
		if err != nil {
			return graph.Document{}, err
		}
		doc.Date = d
		doc.Title = strings.TrimSpace(m[2])
		if doc.Title == "" {
			rest = strings.TrimLeft(rest, " \t\n")
			doc.Title, rest, _ = strings.Cut(rest, "\n")
			doc.Title = strings.TrimSpace(doc.Title)
		}
	} else {
		s = strings.TrimLeft(s, " \t\n")
		first, rest, _ = strings.Cut(s, "\n")
		doc.Title = strings.TrimSpace(first)
	}
	return finish(doc, rest, lim)
}

// Prepare checks a document given as fields (the ingestDocument mutation):
// the text must be a valid document within lim and the date, when given,
// a date; it returns the document with its text, hash and ID filled in the
// way Read fills them.
func Prepare(doc graph.Document, lim Limits) (graph.Document, error) {
	lim = lim.withDefaults()
	if doc.Date != "" {
		d, err := NormalizeDate(doc.Date)
		if err != nil {
			return graph.Document{}, err
		}
		doc.Date = d
	}
	doc.Title = strings.TrimSpace(doc.Title)
	body := doc.Text
	doc.Text, doc.Hash = "", ""
	if err := check([]byte(body), lim); err != nil {
		return graph.Document{}, err
	}
	return finish(doc, body, lim)
}

// finish builds the document text (title, a blank line, the body), checks
// it and fills the identity fields.
func finish(doc graph.Document, body string, lim Limits) (graph.Document, error) {
	if err := check([]byte(body), lim); err != nil && doc.Title == "" {
		return graph.Document{}, err
	}
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	text := body
	if doc.Title != "" && !strings.HasPrefix(body, doc.Title) {
		text = doc.Title + "\n\n" + body
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return graph.Document{}, graph.Errorf(graph.EINVALID, "empty document")
	}
	if err := check([]byte(text), lim); err != nil {
		return graph.Document{}, err
	}
	doc.Text = text
	doc.Hash = graph.ContentHash(text)
	if doc.ID == "" {
		doc.ID = graph.DocumentID(text)
	}
	return doc, nil
}

// check rejects input that is not a text document.
func check(data []byte, lim Limits) error {
	switch {
	case len(data) > lim.MaxDocBytes:
		return tooLarge(lim)
	case len(bytes.TrimSpace(data)) == 0:
		return graph.Errorf(graph.EINVALID, "empty document")
	case bytes.IndexByte(data, 0) >= 0:
		return graph.Errorf(graph.EINVALID, "binary content (NUL bytes)")
	case !utf8.Valid(data):
		return invalidUTF8(data)
	}
	ctrl := 0
	for _, b := range data {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	if ctrl*100 > len(data) {
		return graph.Errorf(graph.EINVALID, "binary content (control characters)")
	}
	return nil
}

// tooLarge is the error for a document over the size limit.
func tooLarge(lim Limits) error {
	return graph.Errorf(graph.EINVALID, "larger than %d bytes (--max-doc-bytes)", lim.MaxDocBytes)
}

// invalidUTF8 is the error for data that is not UTF-8: where it stops
// being UTF-8, and what to do about it (text in a legacy encoding is the
// usual cause).
func invalidUTF8(data []byte) error {
	at := 0
	for at < len(data) {
		r, n := utf8.DecodeRune(data[at:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		at += n
	}
	return graph.Errorf(graph.EINVALID, "invalid UTF-8 at byte %d (text in another encoding must be converted first, for example with iconv -f windows-1252 -t utf-8)", at)
}

// fromUTF16 returns text that starts with a UTF-16 byte-order mark (as
// Windows editors save "Unicode" text) as UTF-8; other data unchanged.
func fromUTF16(data []byte) ([]byte, error) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		order = binary.BigEndian
	default:
		return data, nil
	}
	data = data[2:]
	if len(data)%2 != 0 {
		return nil, graph.Errorf(graph.EINVALID, "invalid UTF-16: an odd number of bytes")
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = order.Uint16(data[2*i:])
	}
	out := make([]byte, 0, len(data)/2+len(data)/8)
	for i := 0; i < len(units); i++ {
		r := rune(units[i])
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
			if i+1 < len(units) {
				r = utf16.DecodeRune(rune(units[i]), rune(units[i+1]))
			}
			if r == utf8.RuneError {
				return nil, graph.Errorf(graph.EINVALID, "invalid UTF-16: an unpaired surrogate at byte %d", 2+2*i)
			}
			i++
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

var dateLayouts = []string{
	"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	"2-Jan-2006 15:04:05.99", "2 January 2006", "January 2, 2006", "2006/01/02",
}

// NormalizeDate turns a date in a common form (ISO 8601, RFC 3339,
// Reuters' "26-FEB-1987 15:01:01.79" — month names match in any case —,
// "16 May 2023", "May 16, 2023") into YYYY-MM-DD.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	// A date followed by junk (Reuters-21578 has control codes after the
	// time) still names its day.
	if f := strings.Fields(s); len(f) > 1 {
		for _, l := range []string{"2006-01-02", "2-Jan-2006", "2006/01/02"} {
			if t, err := time.Parse(l, f[0]); err == nil {
				return t.Format("2006-01-02"), nil
			}
		}
	}
	if len(s) == 4 {
		if _, err := strconv.Atoi(s); err == nil {
			return "", graph.Errorf(graph.EINVALID, "date %q: want a full date, YYYY-MM-DD", s)
		}
	}
	return "", graph.Errorf(graph.EINVALID, "date %q: want YYYY-MM-DD", s)
}
