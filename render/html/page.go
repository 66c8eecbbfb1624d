// Package html writes a report as one self-contained web page: counts
// and bar charts of the findings by severity, rule and file (plain HTML
// and inline SVG, readable without JavaScript), the findings a page at a
// time with filters, a text search and grouping, each linked to its
// connection's diagram and time-sequence graph, the files, and the
// diagrams and graphs as thumbnails side by side. The page fetches
// nothing from the network. Strings from inputs are escaped by
// html/template in the HTML, by appendJSONString in the page's data, and
// the page's script puts them into the document as text only.
package html

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pcaplint/pcaplint/render/palette"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

//go:embed page.tmpl
var pageText string

//go:embed page.css
var pageCSS string

//go:embed page.js
var pageJS string

// page is the template; Write binds t, the translation of its words, to
// the language of each page.
var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"groups": func(id, kind string, gs []group) groupTable { return groupTable{id, kind, gs} },
	"title":  func(s string) string { return strings.ToUpper(s[:1]) + s[1:] },
	"t":      translator(nil),
}).Parse(pageText))

// groupTable is one summary table of the template: its element ID, what
// it groups by (severity, rule or file) and its rows.
type groupTable struct {
	ID, Kind string
	Groups   []group
}

// Options say what the page shows beside the report.
type Options struct {
	// Title heads the page.
	Title string
	// Diagrams maps an input's path and a connection ID to the diagram's
	// URL relative to the page.
	Diagrams map[string]map[int]string
	// Graphs maps them to the connection's time-sequence graph, shown
	// beside its diagram.
	Graphs map[string]map[int]string
	// Lang is the language of the page (English when empty): its
	// headings, labels, buttons and summary, the findings' messages,
	// and what could not be read or checked.
	Lang rules.Lang
}

// view is what the template reads: the counts and tables written as
// HTML. The findings, diagrams and graphs go into the page's data
// (writeData).
type view struct {
	Title          string
	Lang           string // the html element's lang
	Zh             bool
	Words          template.HTML
	Files, Skipped int
	Read, Failed   int
	// Unread counts the files an interruption left unread: the report is
	// incomplete, and the page says so at the top.
	Unread                  int
	Packets, Conns          int64
	Errors, Warnings, Infos int
	Findings                int
	Rules                   []string
	// RuleWidth is the length of the longest rule ID, in characters: the
	// rule column is that wide, so that no ID is broken.
	RuleWidth int
	Summary   summary
	FileRows  []fileRow
	SkipRows  []report.Skip
	CSS       template.CSS
	Palette   template.CSS
	Script    template.JS
}

// paletteCSS declares the severities' colours of render/palette for
// both themes, and writes each severity's marker before its name, so
// that a reader who does not tell the colours apart still tells an
// error ("×") from a warning ("!").
func paletteCSS() template.CSS {
	var b strings.Builder
	fmt.Fprintf(&b, ":root { %s; }\n@media (prefers-color-scheme: dark) { :root { %s; } }\n",
		palette.CSS(palette.Light), palette.CSS(palette.Dark))
	for _, s := range severities {
		if m := palette.CueOf(s).Marker; m != "" {
			fmt.Fprintf(&b, ".sev-%s::before { content: \"%s\\00a0\"; }\n", s, m) // \00a0: a no-break space
		}
	}
	return template.CSS(b.String())
}

type fileRow struct {
	Path, Status, Error string
	Packets             int64
	Conns, Findings     int
}

// Write prints the page of r on w. The findings are written as they are
// read from r, with nothing copied: the page of 100,000 findings costs
// little more memory than the report.
func Write(w io.Writer, r *report.Report, o Options) error {
	v := newView(r, o)
	page, err := page.Clone()
	if err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	page.Funcs(template.FuncMap{"t": translator(words(o.Lang))})
	if err := page.ExecuteTemplate(w, "head", v); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	if _, err := io.WriteString(w, dataOpen); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	if err := writePacked(w, r, v.Rules, &o); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	if _, err := io.WriteString(w, "</script>\n"); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	if err := page.ExecuteTemplate(w, "tail", v); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return nil
}

func newView(r *report.Report, o Options) *view {
	n := r.Counts()
	v := &view{Title: o.Title, Lang: htmlLang(o.Lang), Zh: o.Lang == rules.Chinese, Words: wordsElement(words(o.Lang)), Files: len(r.Files) + len(r.Skipped), Skipped: len(r.Skipped),
		Packets: r.Packets(), Conns: int64(r.Conns()),
		Errors: n[rules.Error], Warnings: n[rules.Warning], Infos: n[rules.Info], SkipRows: r.Skipped,
		Summary: newSummary(r, &o), CSS: template.CSS(pageCSS), Palette: paletteCSS(), Script: template.JS(pageJS)}
	if v.Title == "" {
		v.Title = translator(words(o.Lang))("pcaplint report")
	}
	v.RuleWidth = len("rule")
	for i := range r.Files {
		f := &r.Files[i]
		v.FileRows = append(v.FileRows, newFileRow(f, o.Lang))
		v.Findings += len(f.Findings)
		if f.Err != nil {
			v.Failed++
		}
	}
	v.Read = len(r.Files) - v.Failed
	if o.Lang == rules.Chinese {
		v.SkipRows = make([]report.Skip, len(r.Skipped))
		for i, s := range r.Skipped {
			v.SkipRows[i] = report.Skip{Path: s.Path, Reason: report.ErrorText(s.Reason, o.Lang)}
		}
	}
	for _, u := range r.Interrupted {
		v.FileRows = append(v.FileRows, fileRow{Path: u.Path, Status: "interrupted", Error: report.ErrorText(u.Reason, o.Lang)})
	}
	v.Unread = len(r.Interrupted)
	v.Files += v.Unread
	for _, g := range v.Summary.ByRule {
		v.Rules = append(v.Rules, g.Name)
		v.RuleWidth = max(v.RuleWidth, utf8.RuneCountInString(g.Name))
	}
	slices.Sort(v.Rules)
	return v
}

func newFileRow(f *report.File, l rules.Lang) fileRow {
	row := fileRow{Path: f.Path, Status: "ok", Packets: f.Stats.Records, Conns: len(f.Conns), Findings: len(f.Findings)}
	switch {
	case f.Err != nil:
		row.Status, row.Error = "failed", report.ErrorText(f.Err.Error(), l)
	case f.NothingChecked():
		row.Status = "not-checked"
	case len(f.Findings) > 0:
		row.Status = "findings"
	}
	for _, u := range f.Unchecked {
		row.Error = strings.TrimPrefix(row.Error+"; "+notChecked(l)+" ("+u.Reason+"): "+f.UncheckedText(u, l), "; ")
	}
	if loss := f.CaptureLossTextIn(l); loss != "" {
		row.Error = strings.TrimPrefix(row.Error+"; "+loss, "; ")
	}
	return row
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
