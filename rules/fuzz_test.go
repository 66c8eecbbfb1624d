package rules_test

import (
	"encoding/binary"
	"net/netip"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/checks"
)

// fuzzEndpoints are the few endpoints fuzzed segments travel between, so
// that segments meet on the same connections often.
var fuzzEndpoints = [4]tcp.Endpoint{
	{Addr: netip.MustParseAddr("10.0.0.1"), Port: 40000},
	{Addr: netip.MustParseAddr("10.0.0.2"), Port: 80},
	{Addr: netip.MustParseAddr("10.0.0.1"), Port: 40001},
	{Addr: netip.MustParseAddr("2001:db8::2"), Port: 443},
}

// fuzzSegLen is how many fuzz bytes make one segment.
const fuzzSegLen = 9

// fuzzSegment decodes b (fuzzSegLen bytes) into the i-th segment, at or
// after t: endpoints, flags, sequence numbers near a per-endpoint base,
// payload, window, interface and which fields are known.
func fuzzSegment(b []byte, i int, t time.Time) tcp.Segment {
	src := int(b[0] & 3)
	dst := int(b[0]>>2) & 3
	if dst == src {
		dst = (src + 1) % 4
	}
	known := tcp.KnownAll
	if b[0]&0x10 != 0 { // as tcpdump -q or a pure ACK without -vv shows it
		known &^= tcp.Known(b[8]) & (tcp.KnownSeq | tcp.KnownAck | tcp.KnownFlags | tcp.KnownWindow)
	}
	return tcp.Segment{
		Time:       t,
		Src:        fuzzEndpoints[src],
		Dst:        fuzzEndpoints[dst],
		Flags:      tcp.Flags(b[1]),
		Seq:        uint32(src)<<28 + uint32(binary.BigEndian.Uint16(b[2:4]))*8,
		Ack:        uint32(dst)<<28 + uint32(binary.BigEndian.Uint16(b[4:6]))*8,
		PayloadLen: uint32(b[6]) * 4,
		Window:     uint16(b[7]) << 6,
		Interface:  int32(b[0]>>5&1) - 1 + int32(b[0]>>6&1),
		Known:      known,
		Pos:        tcp.Pos{File: "fuzz", Packet: i + 1, Offset: int64(24 + i*fuzzSegLen)},
	}
}

// connLedger checks that every segment lands in one connection and every
// connection ends once.
type connLedger struct {
	t        *testing.T
	segments int64
	ended    map[*rules.Conn]bool
	live     map[*rules.Conn]bool
	ids      map[int]bool
}

func (l *connLedger) Segment(c *rules.Conn, _ rules.Dir, seg *tcp.Segment, isNew bool) {
	l.segments++
	if isNew {
		if l.ids[c.ID] {
			l.t.Fatalf("connection ID %d opened twice", c.ID)
		}
		l.ids[c.ID] = true
		l.live[c] = true
	}
	if !l.live[c] || l.ended[c] {
		l.t.Fatalf("segment #%d on connection %d that is not live", seg.Pos.Packet, c.ID)
	}
}

func (l *connLedger) End(c *rules.Conn, _ rules.EndReason) {
	if l.ended[c] || !l.live[c] {
		l.t.Fatalf("connection %d ended twice, or before it opened", c.ID)
	}
	l.ended[c] = true
	delete(l.live, c)
}

// FuzzTracker feeds arbitrary segment sequences over a few endpoints to the
// tracker and every check: no panic; every segment but a copy on another
// interface lands in exactly one connection and counts in its packets;
// every connection ends once; findings sit on segments of the input.
func FuzzTracker(f *testing.F) {
	f.Add(uint8(0), []byte{
		0x04, byte(tcp.SYN), 0, 1, 0, 0, 0, 0xff, 0,
		0x01, byte(tcp.SYN | tcp.ACK), 0, 1, 0, 1, 0, 0xff, 0,
		0x04, byte(tcp.ACK), 0, 2, 0, 2, 0, 0xff, 0,
		0x04, byte(tcp.PSH | tcp.ACK), 0, 2, 0, 2, 2, 0xff, 0,
		0x01, byte(tcp.ACK), 0, 2, 0, 3, 0, 0xff, 0,
		0x04, byte(tcp.FIN | tcp.ACK), 0, 3, 0, 2, 0, 0xff, 0,
		0x01, byte(tcp.RST), 0, 2, 0, 0, 1, 0, 0,
	})
	f.Add(uint8(1), []byte{0x24, byte(tcp.SYN), 0, 1, 0, 0, 0, 1, 0, 0x44, byte(tcp.SYN), 0, 1, 0, 0, 0, 1, 0, 0x13, 0xff, 0xff, 0xff, 0, 0, 0xff, 0, 0xff})
	f.Fuzz(func(t *testing.T, maxConns uint8, data []byte) {
		cfg := &rules.Config{Rules: map[string]rules.RuleConfig{}}
		for _, c := range checks.All() {
			if c.Default == rules.Off {
				cfg.Rules[c.ID] = rules.RuleConfig{Severity: rules.Info}
			}
		}
		eng, err := rules.NewEngine(append(checks.All(), checks.Limits()...), cfg)
		if err != nil {
			t.Fatal(err)
		}
		eng.MaxPerRule = 4
		ledger := &connLedger{t: t, ended: map[*rules.Conn]bool{}, live: map[*rules.Conn]bool{}, ids: map[int]bool{}}
		tr := rules.NewTracker(ledger, eng)
		tr.MaxConns = int(maxConns%4) + 1
		now := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
		n := 0
		for ; len(data) >= fuzzSegLen; data = data[fuzzSegLen:] {
			now = now.Add(time.Duration(data[8]) * time.Millisecond)
			seg := fuzzSegment(data, n, now)
			tr.Add(&seg)
			n++
		}
		tr.Flush()
		if len(ledger.live) != 0 {
			t.Fatalf("%d connections never ended", len(ledger.live))
		}
		var packets int64
		for c := range ledger.ended {
			packets += c.Packets()
		}
		if packets != ledger.segments || packets != int64(n)-tr.Copies() {
			t.Fatalf("connections hold %d packets, observers saw %d, the input had %d of which %d copies",
				packets, ledger.segments, n, tr.Copies())
		}
		for _, fd := range eng.Findings() {
			if fd.Pos.File != "fuzz" || fd.Pos.Packet < 1 || fd.Pos.Packet > n || !ledger.ids[fd.Conn.ID] {
				t.Fatalf("finding %s %q at %v on connection %d, of %d packets", fd.Rule, fd.Message, fd.Pos, fd.Conn.ID, n)
			}
		}
	})
}
