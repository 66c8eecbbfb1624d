package html

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// The findings and diagrams reach the page as one JSON document,
// gzip-compressed and in base64, in a <script type="application/gzip;base64"
// id="data"> element, which the page's script unpacks (the browser's own
// DecompressionStream) and shows a page of rows at a time: 100,000
// findings as table rows would take the browser many seconds to lay out.
// Packed, the document is 5 to 20 times smaller, and Chromium spent
// 4 times less CPU time on a page of 100,000 findings before its first
// rows than with plain JSON, most of it the HTML parser reading 12 MB of
// script text; base64 is also inert in HTML whatever the findings say.
// The document, written as the report is walked (nothing is copied
// first):
//
//	{"sev": ["error", "warning", "info"],
//	 "rules": ["rst-unexpected", ...],
//	 "files": [{"path": "a.pcap",
//	            "conns": [[id, "client", "server", "diagram URL or empty", "graph URL or empty"], ...],
//	            "findings": [["line 12" or "packet 7", severity index, rule index, "message", conn index], ...]},
//	           ...]}
//
// Only files with findings, diagrams or graphs are listed; conns holds
// the connections their findings name and those with a diagram or a
// time-sequence graph.

// severities are the severity names in the order the page lists them,
// most severe first; a finding names its severity by index.
var severities = rules.Severities

// dataWriter writes the JSON document through one reused buffer.
type dataWriter struct {
	w     *bufio.Writer
	b     []byte
	rules map[string]int
	conns map[int]int
	lang  rules.Lang
	// err is the first write error; writes after it are skipped.
	err error
}

// writePacked writes the JSON document of r (writeData) to w gzipped and
// in base64.
func writePacked(w io.Writer, r *report.Report, ruleIDs []string, o *Options) error {
	b64 := base64.NewEncoder(base64.StdEncoding, w)
	gz, err := gzip.NewWriterLevel(b64, gzip.BestSpeed)
	if err != nil {
		return err
	}
	if err := writeData(gz, r, ruleIDs, o); err != nil {
		return err
	}
	if err := gz.Close(); err != nil {
		return err
	}
	return b64.Close()
}

// writeData writes the JSON document of r, with each connection's
// diagram and graph from o, to w. ruleIDs are the rules of r's findings
// in the order of their indexes.
func writeData(w io.Writer, r *report.Report, ruleIDs []string, o *Options) error {
	d := &dataWriter{w: bufio.NewWriterSize(w, 64<<10), rules: map[string]int{}, conns: map[int]int{}, lang: o.Lang}
	d.b = append(d.b, `{"sev":[`...)
	for i, s := range severities {
		d.b = appendComma(d.b, i)
		d.b = appendJSONString(d.b, s.String())
	}
	d.b = append(d.b, `],"rules":[`...)
	for i, id := range ruleIDs {
		d.rules[id] = i
		d.b = appendComma(d.b, i)
		d.b = appendJSONString(d.b, id)
	}
	d.b = append(d.b, `],"files":[`...)
	n := 0
	for i := range r.Files {
		f := &r.Files[i]
		if !inData(f, o) {
			continue
		}
		d.b = appendComma(d.b, n)
		n++
		d.file(f, o.Diagrams[f.Path], o.Graphs[f.Path])
	}
	d.b = append(d.b, "]}"...)
	if d.err == nil {
		_, d.err = d.w.Write(d.b)
	}
	if d.err != nil {
		return d.err
	}
	return d.w.Flush()
}

// file writes one input's object.
func (d *dataWriter) file(f *report.File, diagrams, graphs map[int]string) {
	d.b = append(d.b, `{"path":`...)
	d.b = appendJSONString(d.b, f.Path)
	d.b = append(d.b, `,"conns":[`...)
	clear(d.conns)
	for j := range f.Findings {
		d.conn(f.Findings[j].Conn, diagrams, graphs)
	}
	for _, c := range f.Conns {
		_, diagram := diagrams[c.ID]
		_, graph := graphs[c.ID]
		if diagram || graph {
			d.conn(c.Ref(), diagrams, graphs)
		}
	}
	d.b = append(d.b, `],"findings":[`...)
	for j := range f.Findings {
		fd := &f.Findings[j]
		d.b = appendComma(d.b, j)
		d.b = append(d.b, '[')
		d.b = appendJSONString(d.b, whereIn(fd.Pos.Line, fd.Pos.Packet, d.lang))
		d.b = append(d.b, ',')
		d.b = strconv.AppendInt(d.b, int64(max(0, slices.Index(severities, fd.Severity))), 10)
		d.b = append(d.b, ',')
		d.b = strconv.AppendInt(d.b, int64(d.rules[fd.Rule]), 10)
		d.b = append(d.b, ',')
		d.b = appendJSONString(d.b, d.message(fd))
		d.b = append(d.b, ',')
		d.b = strconv.AppendInt(d.b, int64(d.conns[fd.Conn.ID]), 10)
		d.b = append(d.b, ']')
		d.flush()
	}
	d.b = append(d.b, "]}"...)
}

// conn writes a connection's row the first time the file names it.
func (d *dataWriter) conn(c rules.ConnRef, diagrams, graphs map[int]string) {
	if _, ok := d.conns[c.ID]; ok {
		return
	}
	d.b = appendComma(d.b, len(d.conns))
	d.conns[c.ID] = len(d.conns)
	d.b = append(d.b, '[')
	d.b = strconv.AppendInt(d.b, int64(c.ID), 10)
	d.b = append(d.b, ',')
	d.b = appendJSONString(d.b, c.Client.String())
	d.b = append(d.b, ',')
	d.b = appendJSONString(d.b, c.Server.String())
	d.b = append(d.b, ',')
	d.b = appendJSONString(d.b, diagrams[c.ID])
	d.b = append(d.b, ',')
	d.b = appendJSONString(d.b, graphs[c.ID])
	d.b = append(d.b, ']')
	d.flush()
}

// flush hands the buffer to the writer once it is large, so that it
// stays small however many findings there are.
func (d *dataWriter) flush() {
	if len(d.b) < 32<<10 {
		return
	}
	if d.err == nil {
		_, d.err = d.w.Write(d.b)
	}
	d.b = d.b[:0]
}

// appendComma separates the i-th element of a JSON array from the one
// before it.
func appendComma(b []byte, i int) []byte {
	if i > 0 {
		return append(b, ',')
	}
	return b
}

// message is a finding's message in the page's language.
func (d *dataWriter) message(fd *rules.Finding) string {
	if d.lang == rules.Chinese {
		return fd.Localized(d.lang)
	}
	return fd.Message
}

// dataOpen starts the element that holds a page's packed data.
const dataOpen = `<script type="application/gzip;base64" id="data">`

// ReadData returns the JSON document of findings and diagrams that a page
// written by Write carries, for tools and tests that read a page back.
func ReadData(page []byte) ([]byte, error) {
	_, rest, ok := bytes.Cut(page, []byte(dataOpen))
	packed, _, closed := bytes.Cut(rest, []byte("</script>"))
	if !ok || !closed {
		return nil, errors.New("html report: no data element on the page")
	}
	zr, err := gzip.NewReader(base64.NewDecoder(base64.StdEncoding, bytes.NewReader(packed)))
	if err != nil {
		return nil, fmt.Errorf("html report: data: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("html report: data: %w", err)
	}
	return b, nil
}
