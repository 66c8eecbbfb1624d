package drawing_test

import (
	"bytes"
	"context"
	"fmt"
	"log"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/drawing"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

const capture = "../../testdata/captures/real/rst-abort.txt"

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
	rec := &diagram.Recorder{}
	res := pipeline.File(context.Background(), capture, pipeline.Options{
		NewEngine: func() (*rules.Engine, error) { return rules.NewEngine(checks.All(), nil) },
		Observers: func(int) []rules.Observer { return []rules.Observer{rec} },
	})
	if res.Err != nil {
		log.Fatal(res.Err)
	}
	convs := rec.Conversations()
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
	rec := &graph.Recorder{Gap: diagram.DefaultGap}
	res := pipeline.File(context.Background(), capture, pipeline.Options{
		NewEngine: func() (*rules.Engine, error) { return rules.NewEngine(checks.All(), nil) },
		Observers: func(int) []rules.Observer { return []rules.Observer{rec} },
	})
	if res.Err != nil {
		log.Fatal(res.Err)
	}
	b, err := drawing.PNG.Graph(rec.Conversations()[0], graph.Options{Kind: graph.TSG}, drawing.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%q\n", b[1:4])
	// Output:
	// "PNG"
}
