package main

import (
	"errors"
	"io"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

// connCollector keeps every connection the tracker ends, in ID order.
type connCollector struct{ conns []*rules.Conn }

func (c *connCollector) Segment(*rules.Conn, rules.Dir, *tcp.Segment, bool) {}
func (c *connCollector) End(conn *rules.Conn, _ rules.EndReason)            { c.conns = append(c.conns, conn) }

// readConns reads one input through the tracker, which also feeds the
// extra observers. The returned File carries the input error, if any,
// beside everything read before it.
func readConns(path string, opts parse.Options, extra ...rules.Observer) report.File {
	f := report.File{Path: path}
	src, closer, err := parse.OpenFile(path, opts)
	if err != nil {
		f.Err = err
		return f
	}
	defer closer.Close()
	col := &connCollector{}
	tr := rules.NewTracker(append([]rules.Observer{col}, extra...)...)
	var seg tcp.Segment
	for {
		err := src.Next(&seg)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			f.Err = err
			break
		}
		tr.Add(&seg)
	}
	tr.Flush()
	f.Conns = sortedConns(col.conns)
	f.Stats = *src.Stats()
	f.Copies, f.Evicted = tr.Copies(), tr.Evicted()
	return f
}
