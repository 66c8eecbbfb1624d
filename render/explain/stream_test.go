package explain

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// TestEachSegmentIsExplainedAsItIsAdded is what makes a live pipe work:
// the explanation of a segment is written before the next one is read.
func TestEachSegmentIsExplainedAsItIsAdded(t *testing.T) {
	segs := seedSegments()
	lines := seedLines(t)
	var out bytes.Buffer
	src := &watched{Source: parse.Segments(segs, lines), next: func(i int) {
		if i > 0 && !strings.Contains(out.String(), lines[i-1]+"\n  ") {
			t.Fatalf("before segment %d is read the output lacks the explanation of the one before:\n%s", i+1, out.String())
		}
		if strings.Contains(out.String(), "Summary") {
			t.Error("a summary was written before the end of the input")
		}
	}}
	if _, err := Run(context.Background(), &out, src, Options{}); err != nil {
		t.Fatal(err)
	}
	if src.n != len(segs)+1 || !strings.Contains(out.String(), lines[len(lines)-1]+"\n  ") {
		t.Errorf("%d reads of %d segments and the end:\n%s", src.n, len(segs), out.String())
	}
}

// watched calls next(i) before the source is asked for its (i+1)th
// segment.
type watched struct {
	parse.Source
	next func(i int)
	n    int
}

func (w *watched) Next(seg *tcp.Segment) error {
	w.next(w.n)
	w.n++
	return w.Source.Next(seg)
}

// PacketLine passes on the source's lines.
func (w *watched) PacketLine() string {
	return w.Source.(interface{ PacketLine() string }).PacketLine()
}

// twoConnections interleaves the handshakes of two clients of one server.
func twoConnections(t *testing.T) []tcp.Segment {
	a := craft(t, "two.pcap", handshake)
	b := craft(t, "two.pcap", handshake)
	var segs []tcp.Segment
	for i := range a {
		if b[i].Src.Port == 51000 {
			b[i].Src.Port = 51001
		} else {
			b[i].Dst.Port = 51001
		}
		segs = append(segs, a[i], b[i])
	}
	for i := range segs {
		segs[i].Pos.Packet = i + 1
	}
	return segs
}

func TestSeveralConnectionsAreTaggedAndFiltered(t *testing.T) {
	segs := twoConnections(t)
	out := explainAll(t, segs, nil, Options{})
	if !strings.Contains(out, "[connection 2]") || !strings.Contains(out, "Connection 2: the client 192.0.2.10:51001") {
		t.Errorf("the second connection is not named:\n%s", out)
	}
	only := explainAll(t, segs, nil, Options{Conn: 2})
	if strings.Contains(only, "51000") || !strings.Contains(only, "Handshake 3/3") {
		t.Errorf("--conn 2 shows more than connection 2:\n%s", only)
	}
}

func TestMidstreamConnectionNamesItsRoles(t *testing.T) {
	segs := craft(t, "midstream.pcap", []pkt{
		{us: 0, server: true, flags: "P.", seq: 7000, ack: 3000, win: 500, data: 50},
		{us: 200, flags: ".", seq: 3000, ack: 7050, win: 800},
	})
	out := explainAll(t, segs, nil, Options{})
	assertNotes(t, out, map[int][]string{
		1: {"No handshake in the log", "The server is 192.0.2.80:8080, because port 8080",
			"absolute 7000–7049 (without the handshake", "Window field 500: without the handshake the scale factor is unknown"},
		2: {"acknowledges the server's bytes up to absolute ack 7050", "acknowledges packet 1 (50 bytes)"},
		3: {"Connection 1: the client 192.0.2.10:51000 and the server 192.0.2.80:8080; it was already open", "Zeek state OTH"},
	})
}

// lateCheck reports, at the first data segment, a finding about the
// connection's first segment, and at the end one about its last: the two
// ways a check reaches a verdict after its segment was explained.
var (
	aboutSYNText = &rules.Texts{Key: "late.syn", En: "about the SYN", Zh: "关于 SYN 包"}
	aboutEndText = &rules.Texts{Key: "late.end", En: "about the end", Zh: "关于连接结束"}
)

var lateCheck = &rules.Check{
	ID: "late", Title: "verdicts reached later", Default: rules.Warning,
	Segment: func(p *rules.Pass) {
		if p.Seg.PayloadLen > 0 {
			p.Report(p.Conn.FirstPos, p.Conn.Start, rules.Say(aboutSYNText))
		}
	},
	End: func(p *rules.Pass) { p.Reportf(aboutEndText) },
}

func TestFindingsReachedLaterNameTheirSegment(t *testing.T) {
	segs := craft(t, "late.pcap", append(handshake[:3:3],
		pkt{us: 1000, flags: "P.", seq: 1001, ack: 5001, win: 502, data: 10}))
	out := explainAll(t, segs, nil, Options{Checks: []*rules.Check{lateCheck}})
	assertNotes(t, out, map[int][]string{
		4: {"Finding about packet 1, reached only now: late (warning): about the SYN"},
		5: {"Findings: late ×2", "Found when the connection ended, about packet 4: late (warning): about the end"},
	})
	if strings.Count(out, "about the SYN") != 1 {
		t.Errorf("the earlier finding is shown more than once:\n%s", out)
	}
}
