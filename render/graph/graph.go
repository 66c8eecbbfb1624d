package graph

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
	"github.com/pcaplint/pcaplint/rules"
)

// Kind is which graph to draw.
type Kind uint8

// The graphs.
const (
	// TSG is the time-sequence graph: data ticks, ACK and window lines.
	TSG Kind = iota
	// Throughput is bytes per interval, goodput and resent, with a moving
	// average.
	Throughput
	// RTT is the round-trip time samples with their min, median and p95.
	RTT
	// Window is the advertised receive window and the bytes in flight.
	Window
)

// Kinds names the graphs as the command line does.
var Kinds = []string{"tsg", "throughput", "rtt", "window"}

// ParseKind reads a graph's name.
func ParseKind(s string) (Kind, error) {
	if i := slices.Index(Kinds, s); i >= 0 {
		return Kind(i), nil
	}
	return 0, fmt.Errorf("unknown graph %q (want %s)", s, strings.Join(Kinds, ", "))
}

// String is the kind's name.
func (k Kind) String() string { return Kinds[k] }

// Width is a graph's width in pixels: legible on a page, in a pull
// request, and on a laptop screen.
const Width = 800

// Layout of a panel, in pixels.
const (
	marginLeft   = 64
	marginRight  = 24
	panelTitle   = 22 // the panel's heading line
	axisTitle    = 16 // the y axis's title above the plot
	plotHeight   = 300
	xAxisHeight  = 38 // tick labels and the x axis's title
	panelGap     = 18
	legendLine   = 17
	legendSwatch = 14
)

// Options are what a graph is drawn with.
type Options struct {
	Kind  Kind
	Theme svg.Theme
	// Findings are the findings about the connection (rules.Engine's,
	// filtered by connection); Draw places each on its segment. One that
	// sums up a rule's findings beyond its limit (Finding.NotShown) is
	// said under the legend instead.
	Findings []rules.Finding
	// Dirs picks the panels: DirsAuto draws each direction that sent at
	// least a twentieth of the bytes the busier one sent.
	Dirs Dirs
	// Lang is the language of the caption, axes, legend and notes, and of
	// the findings' messages (English when empty).
	Lang rules.Lang
}

// Dirs says which directions of data get a panel.
type Dirs uint8

// Which directions to draw.
const (
	DirsAuto Dirs = iota
	DirsClient
	DirsServer
	DirsBoth
)

// DirNames names Dirs as the command line does.
var DirNames = []string{"auto", "client", "server", "both"}

// ParseDirs reads "auto", "client", "server" or "both".
func ParseDirs(s string) (Dirs, error) {
	if i := slices.Index(DirNames, s); i >= 0 {
		return Dirs(i), nil
	}
	return 0, fmt.Errorf("unknown direction %q (want %s)", s, strings.Join(DirNames, ", "))
}

// timeAxis is the x axis: time since the connection's first segment, in
// the unit its span reads best in.
type timeAxis struct {
	unit time.Duration
	name string
}

func timeAxisFor(span time.Duration) timeAxis {
	switch {
	case span < 2*time.Millisecond:
		return timeAxis{time.Microsecond, "µs"}
	case span < 10*time.Second:
		return timeAxis{time.Millisecond, "ms"}
	}
	return timeAxis{time.Second, "s"}
}

// Draw draws conversation cv's graph as SVG.
func Draw(cv *Conversation, opts Options) ([]byte, error) {
	c := &canvas{theme: opts.Theme, pal: paletteFor(opts.Theme)}
	g := &drawing{canvas: c, cv: cv, opts: opts, findings: placeFindings(cv, opts.Findings)}
	caption := g.sprintf("%s of connection %d, %s to %s", g.tr(kindTitle[opts.Kind]), cv.Conn.ID, cv.Conn.Client, cv.Conn.Server)
	y := 8.0
	c.label(Width/2, y+titleSize, caption, titleSize, centre, roleInk)
	y += titleSize + 12
	g.dirs = g.directions()
	for i, d := range g.dirs {
		y = g.panel(d, y, i == 0) + panelGap
	}
	g.missingNotes()
	g.notShownNotes()
	y = g.legend(y)
	return c.document(Width, y+8, caption)
}

// kindTitle names each graph in its caption.
var kindTitle = [...]string{
	TSG: "Time-sequence graph", Throughput: "Throughput", RTT: "Round-trip time", Window: "Window and bytes in flight",
}

// drawing is one graph being drawn.
type drawing struct {
	*canvas
	cv       *Conversation
	opts     Options
	findings []placed
	// rttUnit is the RTT graph's y unit.
	rttUnit timeAxis
	// dirs are the directions drawn, a panel each.
	dirs []rules.Dir
	// seen lists the legend's entries, in the order first drawn.
	seen []legendEntry
	// notes are lines under the legend: what was aggregated, what the
	// input hid.
	notes []string
}

// directions are the directions that carried data, client first; a
// connection without data gets its client's direction, said empty.
func (g *drawing) directions() []rules.Dir {
	switch g.opts.Dirs {
	case DirsClient:
		return []rules.Dir{rules.FromClient}
	case DirsServer:
		return []rules.Dir{rules.FromServer}
	case DirsBoth:
		return []rules.Dir{rules.FromClient, rules.FromServer}
	}
	bytes := func(d rules.Dir) int64 { return g.cv.Dirs[d].NewBytes + g.cv.Dirs[d].ReBytes }
	most := max(bytes(rules.FromClient), bytes(rules.FromServer))
	var ds []rules.Dir
	for _, d := range []rules.Dir{rules.FromClient, rules.FromServer} {
		switch {
		case g.cv.Dirs[d].Segs > 0 && bytes(d)*20 >= most:
			ds = append(ds, d)
		case g.cv.Dirs[d].Segs > 0:
			g.note(g.sprintf("The %s sent only %s in %s: not drawn (--dir %s or both draws it).",
				g.dir(d), g.count(bytes(d), "byte"), g.count(g.cv.Dirs[d].Segs, "segment"), d))
		}
	}
	if len(ds) == 0 {
		g.note("No data was sent either way: there is nothing to draw.")
		ds = append(ds, rules.FromClient)
	}
	return ds
}

// note adds a line under the legend, once, in the graph's language.
func (g *drawing) note(s string) {
	s = g.tr(s)
	if !slices.Contains(g.notes, s) {
		g.notes = append(g.notes, s)
	}
}

// plot is a panel's drawing area and its scales.
type plot struct {
	x, y   scale
	top    float64
	bottom float64
	left   float64
	right  float64
	// breaks are the idle periods cut out of the time axis, each drawn
	// breakWidth pixels wide.
	breaks []Break
	unit   time.Duration
}

// breakWidth is how wide a cut idle period is drawn.
const breakWidth = 14

// px is the pixel of offset off on the cut time axis.
func (p *plot) px(off time.Duration) float64 {
	x := p.x.at(float64(off) / float64(p.unit))
	for _, b := range p.breaks {
		if b.At < off {
			x += breakWidth
		}
	}
	return x
}

// panel draws direction d's panel from y down and returns its bottom.
func (g *drawing) panel(d rules.Dir, y float64, first bool) float64 {
	conn := g.cv.Conn
	from, to := conn.Client, conn.Server
	if d == rules.FromServer {
		from, to = to, from
	}
	t := g.cv.Dirs[d]
	head := g.sprintf("Data from %s %s to %s: %s in %s", g.dir(d), from, to, g.count(t.NewBytes+t.ReBytes, "byte"), g.count(t.Segs, "segment"))
	if t.ReBytes > 0 {
		head += g.sprintf(", %s resent or out of order", diagram.Thousands(t.ReBytes))
	}
	g.label(marginLeft, y+titleSize, head, fontSize+1, left, roleInk)
	y += panelTitle
	p := plot{left: marginLeft, right: Width - marginRight, top: y + axisTitle, bottom: y + axisTitle + plotHeight, breaks: g.cv.Grid.Breaks}
	span := g.cv.Grid.End()
	ta := timeAxisFor(span)
	p.unit = ta.unit
	p.x = niceScale(0, float64(span)/float64(ta.unit), p.left, p.right-breakWidth*float64(len(p.breaks)), plain, 16, true)
	lo, hi, yname, yfmt := g.valueRange(d)
	p.y = niceScale(lo, hi, p.bottom, p.top, yfmt, 6, false)
	g.label(marginLeft-8, y+fontSize, g.tr(yname), fontSize, left, roleMuted)
	g.axes(&p, ta)
	onTime := func(*placed) (float64, bool) { return 0, false }
	switch g.opts.Kind {
	case TSG:
		g.tsg(d, &p, ta)
		g.marks(d, &p, ta, first, func(pl *placed) (float64, bool) {
			return p.y.at(float64(pl.lo+pl.hi) / 2), true
		})
		return p.bottom + xAxisHeight
	case Throughput:
		g.throughput(d, &p, ta)
	case RTT:
		g.rtt(d, &p, ta)
	case Window:
		g.window(d, &p, ta)
	}
	g.marks(d, &p, ta, first, onTime)
	return p.bottom + xAxisHeight
}

// axes draws the grid, the axes, their ticks and labels.
func (g *drawing) axes(p *plot, ta timeAxis) {
	for _, v := range p.y.ticks() {
		py := p.y.at(v)
		g.line(p.left, py, p.right, py, roleGrid, 0.5, "")
		g.label(p.left-6, py+fontSize*0.35, p.y.format(v, p.y.step), fontSize, right, roleMuted)
	}
	g.timeTicks(p)
	g.line(p.left, p.bottom, p.right, p.bottom, roleAxis, 1, "")
	g.line(p.left, p.top, p.left, p.bottom, roleAxis, 1, "")
	g.label((p.left+p.right)/2, p.bottom+32, g.sprintf("time since the connection's first segment (%s)", ta.name), fontSize, centre, roleMuted)
}

// colX is the pixel of the start of column idx, and the column's width.
func (g *drawing) colX(p *plot, _ timeAxis, idx int64) (x, w float64) {
	width := g.cv.Grid.Width
	x = p.px(time.Duration(idx) * width)
	return x, max(p.px(time.Duration(idx+1)*width)-x, 0)
}

// timeX is the pixel of an offset on the cut time axis.
func (p *plot) timeX(_ timeAxis, at time.Duration) float64 { return p.px(at) }

// missingNotes says what the input hid (tcpdump text leaves fields out)
// and what the graph therefore does not draw.
func (g *drawing) missingNotes() {
	m := g.cv.Missing
	say := func(n int64, format string) {
		if n > 0 {
			g.note(g.sprintf(format, diagram.Thousands(n)))
		}
	}
	say(m.Time, "%s segments had no time (tcpdump -t) and are not drawn.")
	say(m.Seq, "%s data segments had no sequence number in the input and are not drawn.")
	say(m.Ack, "%s ACK segments showed no acknowledgement number: the ACK line, windows and RTT samples leave them out.")
	say(m.Window, "%s segments showed no window: the window lines leave them out.")
	if m.Options > 0 && (g.opts.Kind == TSG || g.opts.Kind == RTT) {
		say(m.Options, "%s segments showed no TCP options: their SACK blocks and timestamps are unknown and not drawn.")
	}
}

// count writes n things, in the plural unless n is 1.
func count(n int64, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return diagram.Thousands(n) + " " + thing + "s"
}
