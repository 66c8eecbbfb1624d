package stats_test

import (
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/internal/oracle"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/stats"
)

const testdata = "../../testdata"

// agreementCaptures are the real recordings the statistics are compared
// on: the lossy downloads of testdata/record/lossy.sh before and after the
// drop, with and without timestamps, its downloads captured before
// segmentation offload and after receive offload, and loopback
// conversations. Not
// ipv6.pcap: tcptrace prints an IPv6 address as ":0001".
var agreementCaptures = []string{
	"captures/real/lossy-1pct.sender.pcap", "captures/real/lossy-1pct.receiver.pcap",
	"captures/real/lossy-3pct.sender.pcap", "captures/real/lossy-3pct.receiver.pcap",
	"captures/real/lossy-3pct-nots.sender.pcap", "captures/real/lossy-3pct-nots.receiver.pcap",
	"captures/real/bulk.pcap", "captures/real/loss.pcap", "captures/real/zero-window.pcap",
	"captures/real/parallel.pcap", "captures/real/clean.pcap", "captures/real/half-close.pcap",
	"captures/real/keepalive.pcap",
	"captures/real/offload.sender.pcap", "captures/real/offload-gro.receiver.pcap",
}

// measured is what pcaplint measured of one connection.
type measured struct {
	client, server tcp.Endpoint
	sum            stats.Summary
	// byAck are the RTT samples by ACK of each direction, by the ACK's
	// packet number.
	byAck [2]map[int]time.Duration
	used  bool
}

// collector keeps the Summary of each connection as it ends.
type collector struct {
	o     *stats.Observer
	conns []*measured
	byID  map[int]*measured
}

func (c *collector) of(conn *rules.Conn) *measured {
	m := c.byID[conn.ID]
	if m == nil {
		m = &measured{client: conn.Client, server: conn.Server, byAck: [2]map[int]time.Duration{{}, {}}}
		c.byID[conn.ID] = m
		c.conns = append(c.conns, m)
	}
	return m
}

func (c *collector) Segment(conn *rules.Conn, _ rules.Dir, _ *tcp.Segment, _ bool) { c.of(conn) }
func (c *collector) End(conn *rules.Conn, _ rules.EndReason) {
	c.of(conn).sum, _ = c.o.Summary(conn)
}

// measure reads a capture with the sequence analysis, the statistics and
// an RTT observer.
func measure(t *testing.T, path string) []*measured {
	t.Helper()
	src, f, err := parse.OpenFile(path, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	eng, err := rules.NewEngine(checks.SequenceOnly(), nil)
	if err != nil {
		t.Fatal(err)
	}
	col := &collector{o: stats.NewObserver(), byID: map[int]*measured{}}
	rtt := &stats.RTTObserver{Sample: func(conn *rules.Conn, s stats.RTTSample) {
		if s.Source == stats.ByAck {
			col.of(conn).byAck[s.Dir][s.Pos.Packet] = s.RTT
		}
	}}
	tr := rules.NewTracker(col, eng, col.o, rtt)
	if err := parse.Each(src, func(seg *tcp.Segment) { tr.Add(seg) }); err != nil {
		t.Fatal(err)
	}
	tr.Flush()
	return col.conns
}

// tcptraceDir is one direction of a connection as tcptrace reports it.
type tcptraceDir struct {
	unique, dataBytes, rexmtBytes int64
	throughput                    float64 // -1 when tcptrace says NA
	rttSamples                    int64
	rttMin, rttMax, rttAvg        float64 // ms
}

// tcptraceConn is a connection of tcptrace's CSV report: host a, host b,
// and its directions a2b and b2a.
type tcptraceConn struct {
	a, b string
	dirs [2]tcptraceDir
}

// parseTcptrace reads tcptrace -l -r --csv.
func parseTcptrace(t *testing.T, out string) []tcptraceConn {
	t.Helper()
	var header []string
	var conns []tcptraceConn
	for line := range strings.Lines(out) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(strings.TrimSuffix(line, ","), ",")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if header == nil {
			header = cells
			continue
		}
		get := func(name string) string {
			i := slices.Index(header, name)
			if i < 0 || i >= len(cells) {
				t.Fatalf("tcptrace's CSV has no %s in %q", name, line)
			}
			return cells[i]
		}
		num := func(name string) float64 {
			v, err := strconv.ParseFloat(get(name), 64)
			if err != nil {
				if get(name) == "NA" {
					return -1
				}
				t.Fatalf("tcptrace's %s: %v", name, err)
			}
			return v
		}
		c := tcptraceConn{a: get("host_a") + ":" + get("port_a"), b: get("host_b") + ":" + get("port_b")}
		for i, dir := range []string{"a2b", "b2a"} {
			c.dirs[i] = tcptraceDir{unique: int64(num("unique_bytes_sent_" + dir)), dataBytes: int64(num("actual_data_bytes_" + dir)),
				rexmtBytes: int64(num("rexmt_data_bytes_" + dir)), throughput: num("throughput_" + dir),
				rttSamples: int64(num("RTT_samples_" + dir)), rttMin: num("RTT_min_" + dir), rttMax: num("RTT_max_" + dir), rttAvg: num("RTT_avg_" + dir)}
		}
		conns = append(conns, c)
	}
	return conns
}

// parseTsharkRTT reads frame number and ack_rtt (in nanoseconds) of each
// line of tshark -T fields -e frame.number -e tcp.stream -e
// tcp.analysis.ack_rtt.
func parseTsharkRTT(t *testing.T, out string) map[int]time.Duration {
	t.Helper()
	rtt := map[int]time.Duration{}
	for line := range strings.Lines(out) {
		f := strings.Split(strings.TrimSpace(line), "\t")
		if len(f) != 3 {
			continue
		}
		frame, err1 := strconv.Atoi(f[0])
		sec, frac, _ := strings.Cut(f[2], ".")
		frac = (frac + "000000000")[:9]
		s, err2 := strconv.ParseInt(sec, 10, 64)
		ns, err3 := strconv.ParseInt(frac, 10, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatalf("tshark's line %q", line)
		}
		rtt[frame] = time.Duration(s)*time.Second + time.Duration(ns)
	}
	return rtt
}

// within reports whether got is within abs + rel·want of want.
func within(got, want, abs, rel float64) bool {
	return math.Abs(got-want) <= abs+rel*math.Abs(want)
}

// msOf is a duration in milliseconds.
func msOf(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// TestStatsAgreeWithTcptraceAndTshark compares the statistics of every
// connection and direction of the agreement captures with tcptrace -l -r
// and with Wireshark's ack_rtt, within the tolerances docs/stats.md
// states.
func TestStatsAgreeWithTcptraceAndTshark(t *testing.T) {
	var recordings []string
	for _, name := range agreementCaptures {
		path := testdata + "/" + name
		recordings = append(recordings, testdata+"/oracle/tcptrace/"+name+".txt", testdata+"/oracle/tshark-rtt/"+name+".txt")
		t.Run(name, func(t *testing.T) {
			ours := measure(t, path)
			tt := oracle.Tcptrace(t, testdata, path)
			if tt.Fail != "" {
				t.Fatalf("tcptrace failed: %s", tt.Fail)
			}
			ts := oracle.TsharkRTT(t, testdata, path)
			if ts.Fail != "" {
				t.Fatalf("tshark failed: %s", ts.Fail)
			}
			ackRTT := parseTsharkRTT(t, ts.Out)
			for _, tc := range parseTcptrace(t, tt.Out) {
				m := match(ours, tc)
				if m == nil {
					t.Errorf("tcptrace's connection %s - %s is none of pcaplint's", tc.a, tc.b)
					continue
				}
				for i, want := range tc.dirs {
					d := rules.FromClient
					if (i == 0) != (m.client.String() == tc.a) {
						d = rules.FromServer
					}
					compareDir(t, tc.a+" - "+tc.b+" "+d.String(), &m.sum.Dirs[d], m.byAck[d], want, ackRTT)
				}
			}
		})
	}
	oracle.CheckNoneLeft(t, testdata+"/oracle/tcptrace", recordings)
	oracle.CheckNoneLeft(t, testdata+"/oracle/tshark-rtt", recordings)
}

// match is the first connection of ours between tcptrace's hosts a and b
// not matched yet.
func match(ours []*measured, tc tcptraceConn) *measured {
	for _, m := range ours {
		c, s := m.client.String(), m.server.String()
		if !m.used && (c == tc.a && s == tc.b || c == tc.b && s == tc.a) {
			m.used = true
			return m
		}
	}
	return nil
}

// compareDir compares one direction with tcptrace's figures and each
// sample by ACK with tshark's ack_rtt of the same packet.
func compareDir(t *testing.T, what string, got *stats.Figures, byAck map[int]time.Duration, want tcptraceDir, ackRTT map[int]time.Duration) {
	t.Helper()
	if got.UniqueBytes != want.unique || got.Bytes-got.UniqueBytes != want.rexmtBytes || got.Bytes != want.dataBytes {
		t.Errorf("%s: bytes %d, unique %d, seen twice %d; tcptrace %d, %d, %d", what, got.Bytes, got.UniqueBytes,
			got.Bytes-got.UniqueBytes, want.dataBytes, want.unique, want.rexmtBytes)
	}
	if got.RetransBytes < want.rexmtBytes {
		t.Errorf("%s: %d bytes retransmitted, fewer than tcptrace's %d seen twice", what, got.RetransBytes, want.rexmtBytes)
	}
	if want.throughput >= 0 && !within(got.GoodputBps, want.throughput, 1, 0.01) {
		t.Errorf("%s: goodput %.1f B/s, tcptrace %.0f", what, got.GoodputBps, want.throughput)
	}
	if n := int64(len(byAck)); n != want.rttSamples {
		t.Errorf("%s: %d RTT samples by ACK, tcptrace %d", what, n, want.rttSamples)
	}
	var q stats.Quantiles
	var theirs []time.Duration
	for frame, rtt := range byAck {
		q.Add(rtt)
		if w, ok := ackRTT[frame]; !ok || w != rtt {
			t.Errorf("%s: packet %d: RTT %v, tshark's ack_rtt %v (%v)", what, frame, rtt, w, ok)
		}
		theirs = append(theirs, ackRTT[frame])
	}
	if q.Count() == 0 {
		return
	}
	for _, c := range []struct {
		name string
		got  time.Duration
		want float64
	}{{"min", q.Min(), want.rttMin}, {"max", q.Max(), want.rttMax}, {"avg", q.Mean(), want.rttAvg}} {
		if !within(msOf(c.got), c.want, 0.05, 0.01) {
			t.Errorf("%s: RTT %s %.3f ms, tcptrace %.1f ms", what, c.name, msOf(c.got), c.want)
		}
	}
	slices.Sort(theirs)
	for _, p := range []float64{0.5, 0.95} {
		w := theirs[int(math.Ceil(p*float64(len(theirs))))-1]
		if g := q.Quantile(p); !within(float64(g), float64(w), 0, 0.01) {
			t.Errorf("%s: RTT p%.0f %v, tshark's on the same packets %v", what, p*100, g, w)
		}
	}
}

// TestStatsOfTextAsOfCapture: the tcpdump text of each agreement capture
// (tcpdump -n, and -n -v where recorded) gives the statistics of the
// capture, connection by connection.
func TestStatsOfTextAsOfCapture(t *testing.T) {
	for _, name := range agreementCaptures {
		base := strings.TrimSuffix(testdata+"/"+name, ".pcap")
		for _, text := range []string{base + ".txt", base + ".n-v.txt"} {
			if _, err := os.Stat(text); err != nil {
				continue
			}
			t.Run(text, func(t *testing.T) {
				want, got := measure(t, base+".pcap"), measure(t, text)
				if len(got) != len(want) {
					t.Fatalf("%d connections, the capture %d", len(got), len(want))
				}
				for i := range got {
					if got[i].sum != want[i].sum {
						t.Errorf("connection %d: %+v\nthe capture's %+v", i+1, got[i].sum, want[i].sum)
					}
				}
			})
		}
	}
}
