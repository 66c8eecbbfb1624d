package drawing_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

const capture = "../../testdata/captures/real/rst-abort.txt"

// read reads the capture through the default checks, with coll beside
// them.
func read(coll rules.Observer) pipeline.Result {
	res := pipeline.File(context.Background(), capture, pipeline.Options{
		Checks:    checks.All(),
		Observers: func(int) []rules.Observer { return []rules.Observer{coll} },
	})
	if res.Err != nil {
		log.Fatal(res.Err)
	}
	return res
}

// Pick a diagram's format as the command line does: --format when given,
// else -o's extension, else SVG.
func ExampleRegistry_Choose() {
	for _, o := range []struct{ format, output string }{{"", "conn.puml"}, {"", "conn.gv"}, {"", ""}, {"mermaid", "conn.svg"}, {"", "conn.jpg"}} {
		f, err := drawing.Diagrams.Choose(o.format, o.output)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(f.Name, f.Ext(), f.MediaType)
	}
	fmt.Println(drawing.Graphs.List())
	// Output:
	// plantuml .puml text/plain; charset=utf-8
	// dot .dot text/vnd.graphviz
	// svg .svg image/svg+xml
	// mermaid .mmd text/plain; charset=utf-8
	// -o conn.jpg: pcaplint does not write .jpg files: name the file .svg, .png, .dot (or .gv), .mmd (or .mermaid) or .puml (or .plantuml, .pu), or give --format
	// svg or png
}

// Draw the first connection of a log as a PlantUML sequence diagram.
func ExampleFormat_Diagram() {
	coll := &diagram.Collector{}
	res := read(coll)
	convs := coll.Conversations()
	diagram.Attach(convs, res.Findings)
	b, err := drawing.PlantUML.Diagram(diagram.Build(convs[:1], diagram.Options{}), drawing.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s", b[:bytes.IndexByte(b, '\n')+1])
	// Output:
	// @startuml
}

// Draw a connection's time-sequence graph as a PNG.
func ExampleFormat_Graph() {
	coll := &graph.Collector{Gap: diagram.DefaultGap}
	read(coll)
	b, err := drawing.PNG.Graph(coll.Conversations()[0], graph.Options{Kind: graph.TSG}, drawing.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%q\n", b[1:4])
	// Output:
	// "PNG"
}

// Write one diagram per connection into a directory, as diagram -o DIR/
// does.
func ExampleWriteDiagrams() {
	coll := &diagram.Collector{}
	res := read(coll)
	convs := coll.Conversations()
	diagram.Attach(convs, res.Findings)
	dir, err := os.MkdirTemp("", "diagrams")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	out := drawing.Output{Path: dir + "/", Stderr: os.Stderr}
	if err := drawing.WriteDiagrams(out, drawing.Mermaid, [][]*diagram.Conversation{convs}, diagram.Options{}, drawing.Options{}); err != nil {
		log.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	fmt.Println(filepath.Base(names[0]))
	// Output:
	// 1-127.0.0.1_40200-127.0.0.1_9102.mmd
}

// Write a connection's throughput graph to standard output.
func ExampleWriteGraphs() {
	coll := &graph.Collector{Gap: diagram.DefaultGap}
	res := read(coll)
	var b bytes.Buffer
	opts := graph.Options{Kind: graph.Throughput}
	if err := drawing.WriteGraphs(drawing.Output{Stdout: &b}, drawing.SVG, coll.Conversations(), res.Findings, opts, drawing.Options{}); err != nil {
		log.Fatal(err)
	}
	fmt.Println(bytes.Contains(b.Bytes(), []byte("<svg")))
	// Output:
	// true
}

// Find what a batch drew into a directory, as lint --merge does for the
// shards' diagrams.
func ExampleFound() {
	conn := &rules.Conn{ID: 1}
	fmt.Println(drawing.DiagramFile("captures/a b.pcap", conn))
	fmt.Println(drawing.GraphFile("captures/a b.pcap", conn))
	d, g := drawing.Found(os.TempDir(), "captures/a b.pcap", []*rules.Conn{conn})
	fmt.Println(len(d), len(g))
	// Output:
	// captures/a_b.pcap-5aaa16d4/1-0-0.svg
	// captures/a_b.pcap-5aaa16d4/1-0-0.tsg.svg
	// 0 0
}

// Select the connections to draw with a scope, as rule files write them.
func ExampleSelect() {
	keep, err := drawing.Select(nil, "host 127.0.0.1 and port 9102", os.Stderr)
	if err != nil {
		log.Fatal(err)
	}
	rec := &diagram.Collector{Keep: keep}
	read(rec)
	fmt.Println(len(rec.Conversations()), "connection")
	_, err = drawing.Select(nil, "host 127.0.0.1 and prot 9102", os.Stderr)
	fmt.Println(err)
	// Output:
	// 1 connection
	// --filter: column 20: scope "host 127.0.0.1 and prot 9102": unknown selector "prot" (want host, net or port) (did you mean port?)
}
