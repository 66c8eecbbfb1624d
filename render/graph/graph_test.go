package graph_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/internal/english"
	"github.com/pcaplint/pcaplint/internal/golden"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	diagrampng "github.com/pcaplint/pcaplint/render/diagram/png"
	"github.com/pcaplint/pcaplint/render/diagram/svg"
	"github.com/pcaplint/pcaplint/render/graph"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/stats"
)

// collect reads a capture or log with every check at its default severity
// and returns the graph data of its connections and the findings.
func collect(t *testing.T, path string, gap time.Duration) ([]*graph.Conversation, []rules.Finding) {
	t.Helper()
	coll := &graph.Collector{Gap: gap}
	findings := replay(t, path, coll)
	return coll.Conversations(), findings
}

// replay reads a capture or log into coll with every check at its default
// severity and returns the findings.
func replay(t *testing.T, path string, coll *graph.Collector) []rules.Finding {
	t.Helper()
	eng, err := rules.NewEngine(checks.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	eng.OnKeep = coll.Finding
	feed(t, path, coll, eng)
	coll.Flush()
	return eng.Findings()
}

// writeLog writes a tcpdump log to a temporary file and returns its path.
func writeLog(t *testing.T, log string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tcpdump.txt")
	if err := os.WriteFile(path, []byte(log), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// gallery is the graphs the README and docs/graphs.md show, and the
// golden files the tests keep them to: real recordings of the cases a
// reader must recognise at a glance.
var gallery = []struct {
	name, path string
	gap        time.Duration
	kinds      []graph.Kind
}{
	// Slow start into a 20 Mbit/s bottleneck, its queue overflowing, and
	// the SACK recovery (testdata/record/lossy.sh shaped-20mbit).
	{"slow-start-sack", "testdata/shaped-20mbit.sender.pcap", time.Second, []graph.Kind{graph.TSG, graph.Throughput, graph.RTT, graph.Window}},
	// 3 % of the data dropped by a router, seen at the sender: fast
	// retransmissions and recovery.
	{"loss-recovery", "../../testdata/captures/real/lossy-3pct.sender.pcap", 50 * time.Millisecond, []graph.Kind{graph.TSG}},
	// A receiver that stops reading: the window closes, probes, reopens.
	{"zero-window", "../../testdata/captures/real/zero-window.pcap", time.Second, []graph.Kind{graph.TSG, graph.Window}},
	// Loopback losses repaired with SACK, drawn from tcpdump -n text.
	{"sack-text", "../../testdata/captures/real/loss.txt", time.Second, []graph.Kind{graph.TSG}},
}

// TestGallery draws each case in light and dark, compares the SVGs with
// testdata/, and the auto-themed SVG and the PNGs of the time-sequence
// graphs with docs/graphs.
func TestGallery(t *testing.T) {
	for _, c := range gallery {
		t.Run(c.name, func(t *testing.T) {
			convs, fs := collect(t, c.path, c.gap)
			if len(convs) != 1 {
				t.Fatalf("%d connections, want 1", len(convs))
			}
			for _, k := range c.kinds {
				base := c.name + "-" + k.String()
				for _, theme := range []svg.Theme{svg.Light, svg.Dark, svg.Auto} {
					b, err := graph.Draw(convs[0], graph.Options{Kind: k, Theme: theme, Findings: fs})
					if err != nil {
						t.Fatal(err)
					}
					switch theme {
					case svg.Auto:
						golden.At(t, "../../docs/graphs", base+".svg", b)
					case svg.Light:
						golden.At(t, "testdata", base+"-light.svg", b)
					case svg.Dark:
						golden.At(t, "testdata", base+"-dark.svg", b)
					}
					if theme == svg.Auto || k != graph.TSG {
						continue
					}
					var out bytes.Buffer
					if err := diagrampng.Write(&out, b, diagrampng.DefaultMaxPixels); err != nil {
						t.Fatal(err)
					}
					img, err := png.Decode(bytes.NewReader(out.Bytes()))
					if err != nil {
						t.Fatal(err)
					}
					if w := img.Bounds().Dx(); w != graph.Width*diagrampng.Scale {
						t.Errorf("PNG is %d pixels wide, want %d", w, graph.Width*diagrampng.Scale)
					}
					name := base + ".png"
					if theme == svg.Dark {
						name = base + "-dark.png"
					}
					golden.At(t, "../../docs/graphs", name, out.Bytes())
				}
			}
		})
	}
}

// TestTextSaysWhatItHides draws the same transfer from tcpdump -n text
// as from the capture: the text shows no sequence number on pure ACKs,
// which the graph does not need, and everything else it draws.
func TestTextSaysWhatItHides(t *testing.T) {
	pcap, _ := collect(t, "testdata/shaped-20mbit.sender.pcap", time.Second)
	text, _ := collect(t, "testdata/shaped-20mbit.sender.txt", time.Second)
	a, b := pcap[0].Dirs, text[0].Dirs
	for d := range a {
		if a[d].Segs != b[d].Segs || a[d].NewBytes != b[d].NewBytes || a[d].ReBytes != b[d].ReBytes || a[d].Top != b[d].Top || a[d].Edge != b[d].Edge {
			t.Errorf("direction %d: capture %+v, text %+v", d, a[d], b[d])
		}
	}
	if m := text[0].Missing; m.Seq != 0 || m.Ack != 0 || m.Time != 0 {
		t.Errorf("the text hid %+v", m)
	}
}

// TestLogWithoutTimesSaysSo draws a log printed with tcpdump -t: nothing
// can be placed in time, and the graph says why instead of drawing.
func TestLogWithoutTimesSaysSo(t *testing.T) {
	log := `IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 100, win 64240, length 0
IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 300, ack 101, win 65160, length 0
IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0
`
	convs, _ := collect(t, writeLog(t, log), time.Second)
	if len(convs) != 1 {
		t.Fatalf("%d connections", len(convs))
	}
	b, err := graph.Draw(convs[0], graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"3 segments had no time (tcpdump -t)", "No data was sent either way"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the graph does not say %q", want)
		}
	}
}

// TestHostileNamesAreEscaped draws a connection between hosts whose names
// (as tcpdump text printed them) are markup: the SVG stays well-formed and
// shows the names as text.
func TestHostileNamesAreEscaped(t *testing.T) {
	log := `12:00:00.000000 IP <script>&"'.40000 > ]]></svg>.80: Flags [S], seq 100, win 64240, length 0
12:00:00.000100 IP ]]></svg>.80 > <script>&"'.40000: Flags [S.], seq 300, ack 101, win 65160, length 0
12:00:00.000200 IP <script>&"'.40000 > ]]></svg>.80: Flags [P.], seq 1:11, ack 1, win 502, length 10
12:00:00.000300 IP ]]></svg>.80 > <script>&"'.40000: Flags [.], ack 11, win 509, length 0
`
	convs, fs := collect(t, writeLog(t, log), time.Second)
	if len(convs) != 1 {
		t.Fatalf("%d connections", len(convs))
	}
	for _, k := range []graph.Kind{graph.TSG, graph.Throughput, graph.RTT, graph.Window} {
		b, err := graph.Draw(convs[0], graph.Options{Kind: k, Findings: fs})
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: not well-formed: %v", k, err)
			}
		}
		if bytes.Contains(b, []byte("<script>")) || !bytes.Contains(b, []byte("&lt;script&gt;")) {
			t.Errorf("%s: the host name is not escaped", k)
		}
	}
}

// TestCollectorHandsOverEachConnectionAsItEnds draws every connection of a
// few inputs twice: from the Collector that keeps them all, with the
// engine's findings, and from one that hands each to Done as it ends,
// with the findings it gathered; the graphs must be the same, and the
// second Collector must keep nothing.
func TestCollectorHandsOverEachConnectionAsItEnds(t *testing.T) {
	for _, path := range []string{
		"../../testdata/captures/real/parallel.pcap",
		"../../testdata/captures/real/loss.txt",
		"../../testdata/captures/real/rst-abort.pcap",
		"../../testdata/captures/real/zero-window.pcap",
	} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			convs, findings := collect(t, path, time.Second)
			want := map[int][]byte{}
			for _, cv := range convs {
				var fs []rules.Finding
				for _, f := range findings {
					if f.Conn.ID == cv.Conn.ID {
						fs = append(fs, f)
					}
				}
				b, err := graph.Draw(cv, graph.Options{Findings: fs})
				if err != nil {
					t.Fatal(err)
				}
				want[cv.Conn.ID] = b
			}

			got := map[int][]byte{}
			coll := &graph.Collector{Gap: time.Second}
			coll.Done = func(cv *graph.Conversation, fs []rules.Finding) {
				if _, ok := got[cv.Conn.ID]; ok {
					t.Errorf("connection %d handed over twice", cv.Conn.ID)
				}
				b, err := graph.Draw(cv, graph.Options{Findings: fs})
				if err != nil {
					t.Fatal(err)
				}
				got[cv.Conn.ID] = b
			}
			replay(t, path, coll)
			if len(got) != len(want) || len(coll.Conversations()) != 0 {
				t.Fatalf("%d connections handed over, %d kept, want %d and none", len(got), len(coll.Conversations()), len(want))
			}
			for id, b := range want {
				if !bytes.Equal(got[id], b) {
					t.Errorf("connection %d: the graph drawn as it ended differs from the one drawn at the end", id)
				}
			}
		})
	}
}

// TestCappedRulesAreCountedApart draws a lossy transfer with the rule set
// keeping 2 findings of a rule: the legend counts the 2 marks, a note
// counts the rest, and the resent bytes in the heading are those
// conns --stats calls retransmitted (rules/stats), not the findings'.
// On the 1,000,000-segment bench capture the legend said ×1001 (1,000
// kept and the summary) beside 2,013 fast retransmissions, which read as
// resent bytes twice too high; tshark counts 2,013 retransmissions,
// 2,914,824 bytes, as the heading does.
func TestCappedRulesAreCountedApart(t *testing.T) {
	const path = "../../testdata/captures/real/lossy-3pct.sender.pcap"
	// Every finding, and conns --stats' figures.
	all, err := rules.NewEngine(checks.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	all.MaxPerRule = -1
	st := stats.NewObserver()
	var sums []stats.Summary
	feed(t, path, all, endFunc(func(c *rules.Conn) {
		if s, ok := st.Summary(c); ok {
			sums = append(sums, s)
		}
	}), st)
	total := map[string]int{}
	for _, f := range all.Findings() {
		total[f.Rule]++
	}
	// The graph, with 2 findings of a rule kept.
	capped, err := rules.NewEngine(checks.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	capped.MaxPerRule = 2
	coll := &graph.Collector{Gap: 50 * time.Millisecond}
	capped.OnKeep = coll.Finding
	feed(t, path, coll, capped)
	fs := capped.Findings()
	cv := coll.Conversations()[0]
	b, err := graph.Draw(cv, graph.Options{Findings: fs})
	if err != nil {
		t.Fatal(err)
	}
	svg := string(b)
	n := 0
	for _, f := range fs {
		if f.NotShown() == 0 {
			continue
		}
		n++
		if f.NotShown() != total[f.Rule]-2 {
			t.Errorf("%s: the summary stands for %d findings, want %d", f.Rule, f.NotShown(), total[f.Rule]-2)
		}
		note := fmt.Sprintf("%d more %s findings in the input", total[f.Rule]-2, f.Rule)
		if !strings.Contains(svg, note) || !strings.Contains(svg, " "+f.Rule+" ×2<") {
			t.Errorf("%s: the graph lacks %q or a legend of 2 marks", f.Rule, note)
		}
	}
	if n == 0 || total["fast-retransmission"] <= 2 {
		t.Fatalf("%d rules beyond the limit, %d fast retransmissions: the capture no longer tests the limit", n, total["fast-retransmission"])
	}
	if len(sums) != 1 {
		t.Fatalf("%d connections measured, want 1", len(sums))
	}
	for d, fig := range sums[0].Dirs {
		if got := cv.Dirs[d].ReBytes; got != fig.RetransBytes {
			t.Errorf("%s: %d bytes resent in the graph, %d retransmitted in conns --stats", rules.Dir(d), got, fig.RetransBytes)
		}
	}
	if sums[0].Dirs[rules.FromClient].RetransBytes+sums[0].Dirs[rules.FromServer].RetransBytes == 0 {
		t.Error("nothing retransmitted: the capture no longer tests the resent bytes")
	}
}

// feed reads a capture or log through a tracker with the observers obs.
func feed(t *testing.T, path string, obs ...rules.Observer) {
	t.Helper()
	tr := rules.NewTracker(obs...)
	src, closer, err := parse.OpenFile(path, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	if err := parse.Each(src, func(seg *tcp.Segment) { tr.Add(seg) }); err != nil {
		t.Fatal(err)
	}
	tr.Flush()
}

// endFunc is an observer that calls its function when a connection ends.
type endFunc func(c *rules.Conn)

func (f endFunc) Segment(*rules.Conn, rules.Dir, *tcp.Segment, bool) {}
func (f endFunc) End(c *rules.Conn, _ rules.EndReason)               { f(c) }

// TestGraphInChinese draws every kind of graph of the gallery's
// recordings with Lang zh, and of a log that hides times, and wants no
// English sentence in any text or tooltip: caption, axes, legend, notes
// and the findings' messages.
func TestGraphInChinese(t *testing.T) {
	texts := regexp.MustCompile(`<text[^>]*>([^<]*)</text>|<title>([^<]*)</title>`)
	for _, c := range gallery[1:] {
		convs, fs := collect(t, c.path, c.gap)
		for _, k := range []graph.Kind{graph.TSG, graph.Throughput, graph.RTT, graph.Window} {
			b, err := graph.Draw(convs[0], graph.Options{Kind: k, Theme: svg.Auto, Findings: fs, Lang: rules.Chinese, Dirs: graph.DirsBoth})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, m := range texts.FindAllStringSubmatch(string(b), -1) {
				s := html.UnescapeString(m[1] + m[2])
				n++
				if e := english.Sentence(s); e != "" {
					t.Errorf("%s %s: English %q in %q", c.name, k, e, s)
				}
			}
			if n < 10 || !strings.Contains(string(b), "连接 1 的") {
				t.Errorf("%s %s: %d texts, caption not in Chinese", c.name, k, n)
			}
		}
	}
}
