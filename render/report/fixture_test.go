package report

import (
	"errors"
	"net/netip"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var t0 = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

func ep(addr string, port uint16) tcp.Endpoint {
	return tcp.Endpoint{Addr: netip.MustParseAddr(addr), Port: port}
}

func conn(id int, client, server tcp.Endpoint, packets int64) *rules.Conn {
	c := &rules.Conn{ID: id, Client: client, Server: server, Start: t0, End: t0.Add(1500 * time.Millisecond)}
	c.Sides[0].Packets, c.Sides[1].Packets = packets/2+packets%2, packets/2
	return c
}

func finding(c *rules.Conn, rule string, sev rules.Severity, pos tcp.Pos, msg string) rules.Finding {
	return rules.Finding{Rule: rule, Severity: sev, Message: msg, Pos: pos, Time: t0, Conn: c.Ref()}
}

// sampleChecks document a few rules for SARIF.
func sampleChecks() []*rules.Check {
	return []*rules.Check{
		{ID: "seq-gap", Title: "A segment starts beyond the bytes sent so far", Default: rules.Warning,
			Doc: "Fires when `nxt < seq`: the bytes in between were lost or not captured."},
		{ID: "rst-unexpected", Title: "A RST ends an established connection", Default: rules.Warning},
		{ID: "bad-checksum", Title: "A checksum is wrong", Default: rules.Off},
	}
}

// sampleReport has a text input whose capture lost packets, a capture with
// a custom rule's finding,
// a capture that could not be read, and inputs that could not be checked:
// a tcpdump -q log and a capture without TCP.
func sampleReport() *Report {
	c1 := conn(1, ep("10.0.0.1", 40000), ep("10.0.0.2", 80), 11)
	c2 := conn(1, ep("2001:db8::1", 5000), ep("2001:db8::2", 443), 4)
	c3 := conn(2, ep("192.0.2.1", 1234), ep("192.0.2.9", 22), 2)
	text, capture := "logs/trace.txt", "captures/web.pcap"
	return &Report{Files: []File{
		{Path: text, Conns: []*rules.Conn{c1}, Stats: tcp.Stats{Lines: 30, Records: 11, TCP: 11, KernelDrops: 3, DropReports: 1},
			Loss: rules.CaptureLoss{Acks: 8, GapAcks: 1, GapBytes: 1448},
			Findings: []rules.Finding{
				finding(c1, "seq-gap", rules.Warning, tcp.Pos{File: text, Line: 12, Col: 1}, "1448 bytes not captured (seq 1449-2897)"),
				finding(c1, "retransmission", rules.Info, tcp.Pos{File: text, Line: 15}, "bytes 1449-2897 sent again after 200ms"),
				finding(c1, "rst-unexpected", rules.Error, tcp.Pos{File: text, Line: 20}, "server reset the connection with 0/120 bytes unacknowledged"),
			}},
		{Path: capture, Conns: []*rules.Conn{c2, c3}, Stats: tcp.Stats{Records: 7, TCP: 6, UDP: 1},
			Findings: []rules.Finding{
				finding(c2, "api-slow", rules.Info, tcp.Pos{File: capture, Packet: 4, Offset: 412}, "handshake took 300ms"),
				finding(c3, "rst-unexpected", rules.Warning, tcp.Pos{File: capture, Packet: 7, Offset: 800}, "client reset the connection"),
			}},
		{Path: "captures/cut.pcap", Err: errors.New("captures/cut.pcap:#3 (offset 200): record truncated")},
		unchecked("logs/quiet.txt", tcp.Stats{Lines: 4, Records: 4, TCP: 4}, 4),
		unchecked("captures/dns.pcap", tcp.Stats{Records: 9, UDP: 8, ARP: 1}, 0),
	}}
}

// unchecked is an input whose stats and flagless segments Assess judges.
func unchecked(path string, st tcp.Stats, flagless int64) File {
	f := File{Path: path, Stats: st}
	f.Assess(flagless, 0)
	return f
}
