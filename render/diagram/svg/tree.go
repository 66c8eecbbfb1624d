package svg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// node is an element of the SVG tree, or a text run when Name is empty.
type node struct {
	Name     string
	Attrs    []xml.Attr
	Children []*node
	Text     string
}

// attr returns the value of the attribute named name.
func (n *node) attr(name string) string {
	for _, a := range n.Attrs {
		if qname(a.Name) == name {
			return a.Value
		}
	}
	return ""
}

// set sets attribute name, adding it when missing.
func (n *node) set(name, value string) {
	for i, a := range n.Attrs {
		if qname(a.Name) == name {
			n.Attrs[i].Value = value
			return
		}
	}
	n.Attrs = append(n.Attrs, xml.Attr{Name: xml.Name{Local: name}, Value: value})
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// text concatenates the text runs directly under n.
func (n *node) text() string {
	var b strings.Builder
	for _, c := range n.Children {
		if c.Name == "" {
			b.WriteString(c.Text)
		}
	}
	return b.String()
}

// parseTree reads an XML document into a tree of its elements and text,
// dropping comments, processing instructions and directives.
func parseTree(b []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{Name: qname(t.Name), Attrs: t.Copy().Attr}
			top.Children = append(top.Children, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) == 1 {
				return nil, fmt.Errorf("unbalanced </%s>", qname(t.Name))
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.Children = append(top.Children, &node{Text: string(t)})
		}
	}
	for _, c := range root.Children {
		if c.Name != "" {
			return c, nil
		}
	}
	return nil, errors.New("no root element")
}

// write serialises n. Attribute values and text are escaped, so nothing
// in them can open an element or an attribute.
func (n *node) write(w *bytes.Buffer) {
	if n.Name == "" {
		escape(w, n.Text, false)
		return
	}
	w.WriteString("<" + n.Name)
	for _, a := range n.Attrs {
		w.WriteString(" " + qname(a.Name) + `="`)
		escape(w, a.Value, true)
		w.WriteString(`"`)
	}
	if len(n.Children) == 0 {
		w.WriteString("/>")
		return
	}
	w.WriteString(">")
	for _, c := range n.Children {
		c.write(w)
	}
	w.WriteString("</" + n.Name + ">")
}

// escape writes s as XML character data, or as an attribute value when
// attr. Characters XML 1.0 cannot hold become U+FFFD.
func escape(w *bytes.Buffer, s string, attr bool) {
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '&':
			w.WriteString("&amp;")
		case r == '<':
			w.WriteString("&lt;")
		case r == '>':
			w.WriteString("&gt;")
		case attr && r == '"':
			w.WriteString("&quot;")
		case attr && (r == '\n' || r == '\t' || r == '\r'):
			w.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		case !xmlChar(r):
			w.WriteRune('\uFFFD')
		default:
			w.WriteRune(r)
		}
	}
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}
