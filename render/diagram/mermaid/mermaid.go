// Package mermaid writes a diagram as a Mermaid sequenceDiagram, for
// Markdown that GitHub renders.
package mermaid

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/palette"
	"github.com/pcaplint/pcaplint/rules"
)

// Write writes d as Mermaid text.
func Write(w io.Writer, d *diagram.Diagram) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "sequenceDiagram\n")
	fmt.Fprintf(bw, "    %%%% %s\n", Escape(d.Caption))
	for i, l := range d.Lanes {
		fmt.Fprintf(bw, "    participant %s as %s\n", id(i), Escape(l.Label()+" ("+l.Role+")"))
	}
	for i, l := range d.Lanes {
		if l.Initial != "" {
			fmt.Fprintf(bw, "    Note over %s: %s\n", id(i), Escape(l.Initial))
		}
	}
	span := id(0)
	if len(d.Lanes) > 1 {
		span += "," + id(len(d.Lanes)-1)
	}
	for i := range d.Rows {
		row(bw, &d.Rows[i], span, d.Lang)
	}
	return bw.Flush()
}

func id(lane int) string { return fmt.Sprintf("P%d", lane) }

func row(w *bufio.Writer, r *diagram.Row, span string, l rules.Lang) {
	switch r.Kind {
	case diagram.RowGap:
		fmt.Fprintf(w, "    Note over %s: %s\n", span, Escape(r.GapTextIn(l)))
		return
	case diagram.RowContinued:
		fmt.Fprintf(w, "    Note over %s: %s\n", span, Escape(r.Label))
		return
	case diagram.RowFold:
		fmt.Fprintf(w, "    Note over %s: %s\n", span, Escape(r.FoldTextIn("⋯", l)))
		return
	case diagram.RowLost:
		fmt.Fprintf(w, "    %s--x%s: %s\n", id(r.From), id(r.To), Escape(r.Label))
		return
	}
	label := r.Label
	for _, t := range r.Tags {
		label += " (" + t + ")"
	}
	if len(r.Findings) > 0 {
		// Worst first, marked "×" (error) or "!" (warning) as the drawn
		// formats have them, so that the severity reads without colour.
		label += " ⚠ " + strings.Join(r.MarkedRules(), ", ")
		fmt.Fprintf(w, "    rect %s\n", tint(r.Severity()))
	}
	fmt.Fprintf(w, "    %s->>%s: %s\n", id(r.From), id(r.To), Escape(label))
	if len(r.Findings) > 0 {
		fmt.Fprintf(w, "    end\n")
	}
	for _, m := range r.States {
		fmt.Fprintf(w, "    Note over %s: %s\n", id(m.Lane), Escape(m.State))
	}
}

// tint is the background of a row with findings: the worst finding's
// colour (package palette), faint.
func tint(sev rules.Severity) string {
	var rgb [3]uint64
	c := palette.Colour(sev, palette.Light)
	for i := range rgb {
		rgb[i], _ = strconv.ParseUint(c[1+2*i:3+2*i], 16, 8)
	}
	return fmt.Sprintf("rgba(%d, %d, %d, 0.15)", rgb[0], rgb[1], rgb[2])
}

// Escape makes s safe as Mermaid message or participant text: the
// characters Mermaid reads as syntax or markup become its entity codes
// ("#59;" for ";", which would end the statement), line breaks become
// spaces, and invisible control and format characters go.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '#':
			b.WriteString("#35;")
		case r == ';':
			b.WriteString("#59;")
		case r == '<':
			b.WriteString("#lt;")
		case r == '>':
			b.WriteString("#gt;")
		case r == '&':
			b.WriteString("#amp;")
		case r == '"':
			b.WriteString("#quot;")
		case r == '%':
			b.WriteString("#37;")
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
