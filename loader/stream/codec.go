package stream

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/kgraph/kgraph/graph"
)

// Header names of kgraph's messages.
const (
	hdrEncoding   = "Content-Encoding"
	hdrDocID      = "Kgraph-Doc-Id"
	hdrDocSeq     = "Kgraph-Doc-Seq"
	hdrDeliveries = "Kgraph-Deliveries"
	hdrReason     = "Kgraph-Reason"
)

// compressAbove is the encoded size above which an extraction is gzipped.
const compressAbove = 16 << 10

// docMsg is a document on the wire: the JSON Lines input format.
type docMsg struct {
	ID     string `json:"id,omitempty"`
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"`
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	Text   string `json:"text"`
}

// EncodeDocument is the message body of a document.
func EncodeDocument(d graph.Document) ([]byte, error) {
	return json.Marshal(docMsg{ID: d.ID, Title: d.Title, Date: d.Date, Source: d.Source, URL: d.URL, Text: d.Text})
}

func decodeDocument(data []byte) (graph.Document, error) {
	if !utf8.Valid(data) {
		return graph.Document{}, errors.New("bad document: not valid UTF-8")
	}
	var m docMsg
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return graph.Document{}, fmt.Errorf("not a document message: %w", err)
	}
	return graph.Document{ID: m.ID, Title: m.Title, Date: m.Date, Source: m.Source, URL: m.URL, Text: m.Text}, nil
}

// MsgID is the de-duplication id of a document message: its id and the
// first 16 hex digits of its content hash.
func MsgID(d graph.Document) string {
	h := d.Hash
	if h == "" {
		h = graph.ContentHash(d.Text)
	}
	id := d.ID
	if id == "" {
		id = graph.DocumentID(d.Text)
	}
	return id + "#" + h[:16]
}

// wireExtraction is the document graph JSON with the text the offsets point
// into.
type wireExtraction struct {
	graph.Extraction
	Text string `json:"text"`
}

// encodeExtraction returns the message body and whether it is gzipped.
func encodeExtraction(x *graph.Extraction) ([]byte, bool, error) {
	raw, err := json.Marshal(wireExtraction{Extraction: *x, Text: x.Document.Text})
	if err != nil {
		return nil, false, err
	}
	if len(raw) <= compressAbove {
		return raw, false, nil
	}
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	if _, err := zw.Write(raw); err != nil {
		return nil, false, err
	}
	if err := zw.Close(); err != nil {
		return nil, false, err
	}
	return b.Bytes(), true, nil
}

// maxExtractionBytes bounds a decompressed extraction.
const maxExtractionBytes = 256 << 20

func decodeExtraction(data []byte, gzipped bool) (*graph.Extraction, error) {
	if gzipped {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("extraction: %w", err)
		}
		raw, err := io.ReadAll(io.LimitReader(zr, maxExtractionBytes+1))
		if err != nil {
			return nil, fmt.Errorf("extraction: %w", err)
		}
		if len(raw) > maxExtractionBytes {
			return nil, fmt.Errorf("extraction larger than %d bytes", maxExtractionBytes)
		}
		data = raw
	}
	var w wireExtraction
	if err := json.Unmarshal(data, &w); err != nil {
		return nil, fmt.Errorf("extraction: %w", err)
	}
	x := w.Extraction
	x.Document.Text = w.Text
	x.Document.Hash = graph.ContentHash(w.Text)
	return &x, nil
}
