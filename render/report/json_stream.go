package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/pcaplint/pcaplint/rules"
)

// ConnSpool holds an input's connections in their JSON form outside the
// report, so that an input with millions of connections is printed
// without all of them in memory at once (see File.Spool).
type ConnSpool interface {
	// Len counts the connections.
	Len() int
	// Each calls fn with every connection in ID order.
	Each(fn func(*JSONConn) error) error
}

// The JSON format is encoding/json's indented form of JSONReport. The
// streaming writers below print it piece by piece, each piece encoded at
// the depth it sits at, so that the bytes are those of encoding the whole
// report at once, without holding it: an input's connections are written
// one at a time from its spool, and the summary, which needs every input,
// comes after the files.
const (
	fileIndent = "    "     // an element of "files"
	connIndent = "        " // an element of a file's "connections"
)

// JSONWriter prints the JSON format of lint one input at a time, as each
// is done: the report of many inputs is never held whole.
type JSONWriter struct {
	files   filesWriter
	summary JSONSummary
	// Lang, when set and not English, adds each finding's message in
	// that language (message_localized).
	Lang rules.Lang
}

// NewJSONWriter starts a JSON report on w.
func NewJSONWriter(w io.Writer) *JSONWriter {
	return &JSONWriter{files: filesWriter{w: w}, summary: JSONSummary{Findings: zeroCounts()}}
}

// File prints one input.
func (j *JSONWriter) File(f *File) error {
	jf := newJSONLintFile(f)
	if j.Lang != "" && j.Lang != rules.English {
		for i := range jf.Findings {
			jf.Findings[i].MessageLocalized = f.Findings[i].Localized(j.Lang)
		}
	}
	j.summary.add(&jf)
	return j.files.file(jf, f.Spool)
}

// Close prints the summary and what of r follows the files (the inputs
// an interruption left unread, the skipped files, the shard), and ends
// the report. r's files are not printed: File printed them.
func (j *JSONWriter) Close(r *Report) error {
	tail := &JSONReport{Files: []JSONLintFile{}, Summary: j.summary}
	tail.tail(r)
	tail.Summary.Unread = len(tail.Unread)
	return j.files.close(tail)
}

// filesWriter prints the "files" list of a JSON report element by element.
type filesWriter struct {
	w   io.Writer
	n   int
	err error
}

// emptyFiles is how the list reads before its elements are spliced in.
var emptyFiles = []byte(`"files": []`)

// file prints one element of "files": v, a file object whose connections,
// when spool holds them, are spliced in one by one.
func (fw *filesWriter) file(v any, spool ConnSpool) error {
	body, err := json.MarshalIndent(v, fileIndent, "  ")
	if err != nil {
		return err
	}
	if fw.n == 0 {
		fw.write([]byte("{\n  \"files\": ["))
	} else {
		fw.write([]byte(","))
	}
	fw.n++
	fw.write([]byte("\n" + fileIndent))
	if spool == nil || spool.Len() == 0 {
		fw.write(body)
		return fw.err
	}
	// v was encoded with no connections: "connections": [] is their
	// place, the first such text, as a string value would have its
	// quotes escaped.
	at := bytes.Index(body, []byte(`"connections": []`))
	open := at + len(`"connections": [`)
	fw.write(body[:open])
	first := true
	if err := spool.Each(func(c *JSONConn) error {
		b, err := json.MarshalIndent(c, connIndent, "  ")
		if err != nil {
			return err
		}
		if !first {
			fw.write([]byte(","))
		}
		first = false
		fw.write([]byte("\n" + connIndent))
		fw.write(b)
		return fw.err
	}); err != nil {
		return err
	}
	fw.write([]byte("\n" + fileIndent + "  ]"))
	fw.write(body[open+1:])
	return fw.err
}

// close prints what follows the files: tail is the rest of the report,
// encoded with an empty "files".
func (fw *filesWriter) close(tail any) error {
	b, err := json.MarshalIndent(tail, "", "  ")
	if err != nil {
		return err
	}
	if fw.n > 0 {
		at := bytes.Index(b, emptyFiles) + len(emptyFiles)
		fw.write([]byte("\n  ]"))
		b = b[at:]
	}
	fw.write(b)
	fw.write([]byte("\n"))
	return fw.err
}

func (fw *filesWriter) write(b []byte) {
	if fw.err == nil {
		_, fw.err = fw.w.Write(b)
	}
}
