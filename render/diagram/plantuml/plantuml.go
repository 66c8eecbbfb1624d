// Package plantuml writes a diagram as a PlantUML sequence diagram.
package plantuml

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

// Write writes d as PlantUML text.
func Write(w io.Writer, d *diagram.Diagram) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "@startuml\n")
	fmt.Fprintf(bw, "title %s\n", Escape(d.Caption))
	fmt.Fprintf(bw, "skinparam defaultFontName monospaced\n")
	for i, l := range d.Lanes {
		fmt.Fprintf(bw, "participant \"%s\\n%s\" as %s\n", Escape(l.Label()), Escape(l.Role), id(i))
	}
	for i, l := range d.Lanes {
		if l.Initial != "" {
			fmt.Fprintf(bw, "hnote over %s : %s\n", id(i), Escape(l.Initial))
		}
	}
	for i := range d.Rows {
		row(bw, &d.Rows[i], d.Lang)
	}
	fmt.Fprintf(bw, "@enduml\n")
	return bw.Flush()
}

func id(lane int) string { return "P" + strconv.Itoa(lane) }

func row(w *bufio.Writer, r *diagram.Row, l rules.Lang) {
	switch r.Kind {
	case diagram.RowGap:
		fmt.Fprintf(w, "...%s...\n", Escape(r.GapTextIn(l)))
		return
	case diagram.RowFold:
		fmt.Fprintf(w, "== %s ==\n", Escape(r.FoldTextIn("⋯", l)))
		return
	case diagram.RowContinued:
		fmt.Fprintf(w, "== %s ==\n", Escape(r.Label))
		return
	case diagram.RowLost:
		fmt.Fprintf(w, "%s ->x %s : %s\n", id(r.From), id(r.To), Escape(r.Label))
		return
	}
	label := Escape(r.Label)
	for _, t := range r.Tags {
		label += " //(" + Escape(t) + ")//"
	}
	arrow := "->"
	if len(r.Findings) > 0 {
		var rules []string
		for _, m := range r.MarkedRules() {
			rules = append(rules, Escape(m))
		}
		// The worst finding's colour (package palette), a dashed arrow
		// for a warning, and the rule IDs worst first behind their
		// markers ("×" error, "!" warning), as the drawn formats have them.
		sev := r.Severity()
		c := palette.Colour(sev, palette.Light)
		style := "#" + c[1:]
		if palette.CueOf(sev).Dashed {
			style += ",dashed"
		}
		arrow = "-[" + style + "]>"
		label = "<color:" + c + ">" + label + " **" + strings.Join(rules, ", ") + "**</color>"
	}
	fmt.Fprintf(w, "%s %s %s : %s\n", id(r.From), arrow, id(r.To), label)
	for _, m := range r.States {
		fmt.Fprintf(w, "hnote over %s : %s\n", id(m.Lane), Escape(m.State))
	}
}

// Escape makes s plain PlantUML text. Characters that start tags,
// entities or escapes (< > & \), and the double quote, which would end a
// quoted participant name, become numeric character references always;
// those that mark Creole up or open links when doubled (** // __
// -- ~~ "" [[ ]]) become references when doubled. Line breaks become
// spaces; invisible control and format characters go.
func Escape(s string) string {
	rs := []rune(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	for i, r := range rs {
		doubled := (i > 0 && rs[i-1] == r) || (i+1 < len(rs) && rs[i+1] == r)
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
		case strings.ContainsRune(`<>&\"`, r), doubled && strings.ContainsRune(`[]*/_-~="'^`, r):
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
