// Package html writes a report as one self-contained web page: files,
// connections and findings, filterable by rule and severity with a little
// inline JavaScript, each finding linked to its diagram. The page fetches
// nothing from the network; every string from an input is escaped by
// html/template.
package html

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

//go:embed page.tmpl
var pageText string

var page = template.Must(template.New("page").Parse(pageText))

// Options say what the page shows beside the report.
type Options struct {
	// Title heads the page.
	Title string
	// Diagrams maps an input's path and a connection ID to the diagram's
	// URL relative to the page.
	Diagrams map[string]map[int]string
}

// view is what the template reads.
type view struct {
	Title                   string
	Files, Skipped          int
	Read, Failed            int
	Packets, Conns          int64
	Errors, Warnings, Infos int
	Rules                   []string
	FileRows                []fileRow
	Findings                []findingRow
	SkipRows                []report.Skip
	Figures                 []figure
}

type fileRow struct {
	Path, Status, Error string
	Packets             int64
	Conns, Findings     int
}

type findingRow struct {
	File, Where, Severity, Rule, Message, Conn, Diagram string
}

type figure struct {
	File, Conn, Src string
}

// Write prints the page of r on w.
func Write(w io.Writer, r *report.Report, o Options) error {
	if err := page.Execute(w, newView(r, o)); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return nil
}

func newView(r *report.Report, o Options) *view {
	n := r.Counts()
	v := &view{Title: o.Title, Files: len(r.Files) + len(r.Skipped), Skipped: len(r.Skipped),
		Packets: r.Packets(), Conns: int64(r.Conns()),
		Errors: n[rules.Error], Warnings: n[rules.Warning], Infos: n[rules.Info], SkipRows: r.Skipped}
	if v.Title == "" {
		v.Title = "pcaplint report"
	}
	for i := range r.Files {
		f := &r.Files[i]
		v.FileRows = append(v.FileRows, newFileRow(f))
		if f.Err != nil {
			v.Failed++
		}
		links := o.Diagrams[f.Path]
		for j := range f.Findings {
			v.Findings = append(v.Findings, newFindingRow(f, &f.Findings[j], links))
		}
		for _, c := range f.Conns {
			if src, ok := links[c.ID]; ok {
				v.Figures = append(v.Figures, figure{File: f.Path, Conn: connName(c.ID, c.Client.String(), c.Server.String()), Src: src})
			}
		}
	}
	v.Read = len(r.Files) - v.Failed
	for _, fd := range v.Findings {
		if !slices.Contains(v.Rules, fd.Rule) {
			v.Rules = append(v.Rules, fd.Rule)
		}
	}
	slices.Sort(v.Rules)
	return v
}

func newFileRow(f *report.File) fileRow {
	row := fileRow{Path: f.Path, Status: "ok", Packets: f.Stats.Records, Conns: len(f.Conns), Findings: len(f.Findings)}
	switch {
	case f.Err != nil:
		row.Status, row.Error = "failed", f.Err.Error()
	case f.NothingChecked():
		row.Status = "not-checked"
	case len(f.Findings) > 0:
		row.Status = "findings"
	}
	for _, u := range f.Unchecked {
		row.Error = strings.TrimPrefix(row.Error+"; not checked ("+u.Reason+"): "+u.Message, "; ")
	}
	if loss := f.CaptureLossText(); loss != "" {
		row.Error = strings.TrimPrefix(row.Error+"; "+loss, "; ")
	}
	return row
}

func newFindingRow(f *report.File, fd *rules.Finding, links map[int]string) findingRow {
	where := ""
	switch {
	case fd.Pos.Line > 0:
		where = fmt.Sprintf("line %d", fd.Pos.Line)
	case fd.Pos.Packet > 0:
		where = fmt.Sprintf("packet %d", fd.Pos.Packet)
	}
	return findingRow{File: f.Path, Where: where, Severity: fd.Severity.String(), Rule: fd.Rule, Message: fd.Message,
		Conn: connName(fd.Conn.ID, fd.Conn.Client.String(), fd.Conn.Server.String()), Diagram: links[fd.Conn.ID]}
}

func connName(id int, client, server string) string {
	return fmt.Sprintf("#%d %s → %s", id, client, server)
}

// RelativeURL turns a slash-separated path relative to the page into a
// URL path, escaping each segment.
func RelativeURL(rel string) string {
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		if p != ".." {
			parts[i] = url.PathEscape(p)
		}
	}
	return strings.Join(parts, "/")
}
