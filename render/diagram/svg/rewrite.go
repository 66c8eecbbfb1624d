package svg

import (
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/typeface"
)

// kept lists the elements and attributes the final SVG may hold. Anything
// else Graphviz writes is dropped, so the output is the same small, static
// vocabulary whatever the input said: no scripts, links or references.
var kept = map[string]map[string]bool{
	"g":        set("id", "class", "transform"),
	"path":     set("fill", "stroke", "stroke-width", "stroke-dasharray", "d"),
	"polygon":  set("fill", "stroke", "stroke-width", "stroke-dasharray", "points"),
	"polyline": set("fill", "stroke", "stroke-width", "stroke-dasharray", "points"),
	"ellipse":  set("fill", "stroke", "stroke-width", "cx", "cy", "rx", "ry"),
	"text":     set("x", "y", "text-anchor", "font-family", "font-size", "fill"),
}

func set(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// rewriter turns Graphviz's SVG into pcaplint's: titles from the scene,
// text placed exactly where the layout put it, and only kept elements.
type rewriter struct {
	scene *diagram.Scene
}

// item returns the scene item an SVG id names ("i12", "i12x1").
func (r *rewriter) item(id string) *diagram.Item {
	if !strings.HasPrefix(id, "i") {
		return nil
	}
	digits := id[1:]
	if i := strings.IndexByte(digits, 'x'); i >= 0 {
		digits = digits[:i]
	}
	i, err := strconv.Atoi(digits)
	if err != nil || i < 0 || i >= len(r.scene.Items) {
		return nil
	}
	return &r.scene.Items[i]
}

// clean rewrites the children of n and returns what remains of them.
func (r *rewriter) clean(children []*node, it *diagram.Item) []*node {
	var out []*node
	for _, c := range children {
		if c.Name == "" {
			if strings.TrimSpace(c.Text) != "" {
				out = append(out, c)
			}
			continue
		}
		if c.Name == "a" { // Graphviz wraps tooltips in links: keep the drawing only
			out = append(out, r.clean(c.Children, it)...)
			continue
		}
		attrs, ok := kept[c.Name]
		if !ok || (c.Name == "polygon" && it == nil) { // the page background
			continue
		}
		cur, own := it, false
		if c.Name == "g" {
			if found := r.item(c.attr("id")); found != nil {
				cur, own = found, true
			}
		}
		c.Children = r.clean(c.Children, cur)
		if c.Name == "text" && (strings.TrimSpace(c.text()) == "" || !r.placeText(c, cur)) {
			continue
		}
		if c.Name == "g" && len(c.Children) == 0 {
			continue
		}
		filterAttrs(c, attrs)
		if c.Name == "g" && !own && it != nil {
			out = append(out, c.Children...) // Graphviz's wrapper of a tooltip link
			continue
		}
		if own && cur.Title != "" {
			c.Children = append([]*node{{Name: "title", Children: []*node{{Text: cur.Title}}}}, c.Children...)
		}
		out = append(out, c)
	}
	return out
}

func filterAttrs(n *node, allowed map[string]bool) {
	attrs := n.Attrs[:0]
	for _, a := range n.Attrs {
		if a.Name.Space == "" && allowed[a.Name.Local] {
			attrs = append(attrs, a)
		}
	}
	n.Attrs = attrs
}

// placeText anchors a text where the layout put it, so that it stays
// aligned when a viewer substitutes the font, and names the font stack.
// The text itself comes from the scene, not from Graphviz's rendering of
// it.
func (r *rewriter) placeText(t *node, it *diagram.Item) bool {
	if it == nil || it.Kind != diagram.KindText {
		return false
	}
	t.set("x", num(it.X1))
	t.set("y", num(it.Y1-r.scene.Height))
	t.set("text-anchor", it.Anchor.String())
	t.set("font-family", it.Face.Stack())
	t.set("font-size", num(it.Size))
	t.Children = []*node{{Text: it.Text}}
	return true
}

// num renders a coordinate with two decimals at most.
func num(f float64) string {
	return strconv.FormatFloat(float64(int64(f*100+sign(f)*0.5))/100, 'f', -1, 64)
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// fontText gathers the texts set in face f, to subset it.
func fontText(s *diagram.Scene, f typeface.Face) string {
	var b strings.Builder
	for _, it := range s.Items {
		if it.Kind == diagram.KindText && it.Face == f {
			b.WriteString(it.Text)
		}
	}
	return b.String()
}
