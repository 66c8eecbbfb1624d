package svg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/png"
	"github.com/pcaplint/pcaplint/render/diagram/typeface"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/ruleset"
)

// textBox is where a drawn text sits, from the SVG alone: its position,
// anchor, font and size, measured with the metrics the layout uses.
type textBox struct {
	text, class              string
	left, right, top, bottom float64
}

// The part of the em a text's ink takes above and below its baseline in
// the Go fonts, rounded in: accents and descenders may touch, letters not.
const ascent, descent = 0.75, 0.2

// picture is the geometry of an SVG that package svg wrote: its texts,
// the boxes texts sit in (headers, state pills, the masks under gap and
// fold texts), and the canvas size.
type picture struct {
	texts, boxes  []textBox
	width, height float64
}

// boxed are the classes of the groups that draw boxes.
var boxed = map[string]bool{"node header": true, "node state": true, "node mask": true}

// geometry reads a picture from an SVG.
func geometry(t *testing.T, b []byte) picture {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var p picture
	var dy []float64     // the translation of each open group
	var classes []string // the class of each open group
	var open *xml.StartElement
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return p
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			a := attrs(e)
			switch e.Name.Local {
			case "svg":
				p.width, p.height = number(a["width"]), number(a["height"])
			case "path", "polygon":
				if len(classes) > 0 && boxed[classes[len(classes)-1]] {
					p.boxes = append(p.boxes, bounds(a["d"]+a["points"], dy[len(dy)-1]))
				}
			case "g":
				classes = append(classes, a["class"])
				y := 0.0
				if tr := a["transform"]; strings.HasPrefix(tr, "translate(0 ") {
					y = number(strings.TrimSuffix(strings.TrimPrefix(tr, "translate(0 "), ")"))
				}
				if len(dy) > 0 {
					y += dy[len(dy)-1]
				}
				dy = append(dy, y)
			case "text":
				c := e.Copy()
				open = &c
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "g":
				dy, classes = dy[:len(dy)-1], classes[:len(classes)-1]
			case "text":
				open = nil
			}
		case xml.CharData:
			if open == nil {
				continue
			}
			a := attrs(*open)
			face := typeface.Regular
			if strings.HasPrefix(a["font-family"], "'Go Mono'") {
				face = typeface.Mono
			}
			size, text := number(a["font-size"]), string(e)
			w := typeface.Width(face, size, text)
			x, y := number(a["x"]), number(a["y"])
			if len(dy) > 0 {
				y += dy[len(dy)-1]
			}
			switch a["text-anchor"] {
			case "middle":
				x -= w / 2
			case "end":
				x -= w
			}
			p.texts = append(p.texts, textBox{text: text, class: classes[len(classes)-1], left: x, right: x + w, top: y - ascent*size, bottom: y + descent*size})
		}
	}
}

// bounds is the bounding box of the points of an SVG path or polygon,
// moved down by dy.
func bounds(points string, dy float64) textBox {
	f := strings.FieldsFunc(points, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.' || r == '-') })
	b := textBox{left: math.Inf(1), top: math.Inf(1), right: math.Inf(-1), bottom: math.Inf(-1)}
	for i := 0; i+1 < len(f); i += 2 {
		x, y := number(f[i]), number(f[i+1])+dy
		b.left, b.right = min(b.left, x), max(b.right, x)
		b.top, b.bottom = min(b.top, y), max(b.bottom, y)
	}
	return b
}

func attrs(e xml.StartElement) map[string]string {
	m := map[string]string{}
	for _, a := range e.Attr {
		m[a.Name.Local] = a.Value
	}
	return m
}

func number(s string) float64 {
	f, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f
}

// illegible lists what a reader would stumble over in an SVG: texts that
// overlap one another, texts that run into a box they are not inside,
// and texts that leave the canvas.
func illegible(t *testing.T, b []byte) []string {
	t.Helper()
	p := geometry(t, b)
	var bad []string
	for i, a := range p.texts {
		if a.left < -slack || a.top < -slack || a.right > p.width+slack || a.bottom > p.height+slack {
			bad = append(bad, fmt.Sprintf("%q [%.1f,%.1f]-[%.1f,%.1f] leaves the %gx%g canvas", a.text, a.left, a.top, a.right, a.bottom, p.width, p.height))
		}
		for _, o := range p.texts[i+1:] {
			if a.meets(o) {
				bad = append(bad, fmt.Sprintf("%q at (%.1f,%.1f) overlaps %q at (%.1f,%.1f)", a.text, a.left, a.top, o.text, o.left, o.top))
			}
		}
		for _, o := range p.boxes {
			if a.meets(o) && !(inBox[a.class] && o.holds(a)) {
				bad = append(bad, fmt.Sprintf("%q at (%.1f,%.1f) runs into a box at (%.1f,%.1f)-(%.1f,%.1f)", a.text, a.left, a.top, o.left, o.top, o.right, o.bottom))
			}
		}
	}
	return bad
}

// inBox are the classes of the texts written in boxes: a header's host
// and role, a state, a gap's or fold's text.
var inBox = map[string]bool{"node header-text": true, "node role-text": true, "node state-text": true, "node gap-text": true}

// slack forgives the rounding of coordinates to two decimals, and a
// little more.
const slack = 0.5

// meets reports whether two boxes overlap by more than slack.
func (a textBox) meets(o textBox) bool {
	return a.left < o.right-slack && o.left < a.right-slack && a.top < o.bottom-slack && o.top < a.bottom-slack
}

// holds reports whether box a contains box o.
func (a textBox) holds(o textBox) bool {
	return o.left >= a.left-slack && o.right <= a.right+slack && o.top >= a.top-slack && o.bottom <= a.bottom+slack
}

// conversations reads a capture or log through the default rule set and
// returns its conversations with their findings; a file pcaplint cannot
// read to the end still gives what was read before the break.
func conversations(t *testing.T, path string) []*diagram.Conversation {
	t.Helper()
	all := checks.All()
	cfg, ok := ruleset.Builtin(ruleset.Default, all)
	if !ok {
		t.Fatal("no default rule set")
	}
	eng, err := rules.NewEngine(all, cfg)
	if err != nil {
		t.Fatal(err)
	}
	coll := &diagram.Collector{}
	src, closer, err := parse.OpenFile(path, parse.Options{})
	if err != nil {
		return nil
	}
	defer closer.Close()
	tr := rules.NewTracker(eng, coll)
	_ = parse.Each(src, func(s *tcp.Segment) { tr.Add(s) })
	tr.Flush()
	convs := coll.Conversations()
	diagram.Attach(convs, eng.Findings())
	return convs
}

// sample picks the connections of a capture to draw alone: the one with
// the most findings, which has the most to say, and the one with the
// most segments, which folds; a capture of hundreds stays quick.
func sample(convs []*diagram.Conversation) []*diagram.Conversation {
	most := func(key func(*diagram.Conversation) int) *diagram.Conversation {
		return slices.MaxFunc(convs, func(a, b *diagram.Conversation) int { return key(a) - key(b) })
	}
	out := []*diagram.Conversation{most(func(c *diagram.Conversation) int { return len(c.Findings) })}
	if c := most(func(c *diagram.Conversation) int { return len(c.Segs) }); c != out[0] {
		out = append(out, c)
	}
	return out
}

// TestEveryTestdataDiagramIsLegible draws the connections of every capture
// and log in testdata/captures, alone (sample's two) and merged (the
// first four), and checks from the SVG's geometry
// that no two texts overlap, none runs into a header or a state pill
// it is not written in, and none leaves the canvas. The themes share
// one layout: each file is drawn in one, alternately, and the first
// diagram of every tenth file in both, which must place every text alike.
// One file's diagram goes through the PNG rasteriser too.
func TestEveryTestdataDiagramIsLegible(t *testing.T) {
	files, err := filepath.Glob("../../../testdata/captures/*/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no captures found: %v", err)
	}
	drawn := 0
	for i, path := range files {
		if strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".sh") || strings.HasSuffix(path, ".tsv") {
			continue
		}
		convs := conversations(t, path)
		if len(convs) == 0 {
			continue
		}
		theme := []Theme{Light, Dark}[i%2]
		groups := [][]*diagram.Conversation{}
		for _, c := range sample(convs) {
			groups = append(groups, []*diagram.Conversation{c})
		}
		if len(convs) > 1 {
			groups = append(groups, convs[:min(len(convs), 4)])
		}
		for j, g := range groups {
			d := diagram.Build(g, diagram.Options{})
			s := diagram.Lay(d, diagram.LayoutOptions{})
			b, err := Render(s, theme, d.Caption)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			drawn++
			for _, msg := range illegible(t, b) {
				t.Errorf("%s, %s: %s", filepath.Base(path), d.Caption, msg)
			}
			if j == 0 && i%10 == 0 {
				other, err := Render(s, Light+Dark-theme, d.Caption)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(geometry(t, b).texts, geometry(t, other).texts) {
					t.Errorf("%s: the light and dark themes place texts differently", path)
				}
			}
			if drawn == 1 {
				if err := png.Write(io.Discard, b, png.DefaultMaxPixels); err != nil {
					t.Errorf("%s: the PNG does not draw: %v", path, err)
				}
			}
		}
	}
	if drawn < 100 {
		t.Errorf("only %d diagrams drawn from %d files", drawn, len(files))
	}
	if _, err := os.Stat("../../../testdata/captures/real/seed-tutorial.txt"); err != nil {
		t.Errorf("the tutorial's log is missing: %v", err)
	}
}
