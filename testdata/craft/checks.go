package main

import (
	"encoding/binary"
	"time"

	"github.com/google/gopacket/layers"
)

// The check-*.pcap files: one conversation (or two) per check of
// docs/design/checks.md, breaking exactly the rule its name gives. Packet
// numbers in the docs count from 1 over the whole file.

// check is one check-*.pcap file: the check it exercises, the findings
// expected (with packet numbers), and the trace.
type check struct {
	id     string
	expect string
	tr     *trace
}

func checks() []check {
	return []check{
		{"handshake-incomplete", "conn 1: `handshake-incomplete` (SYN never answered, Zeek S0), with `syn-retransmitted` (#2, #3: 1 s and 3 s after #1); conn 2 (port 51002): `handshake-incomplete` (SYN-ACK #5 never acknowledged)", scripted(handshakeIncomplete)},
		{"handshake-bad-ack", "conn 1: `handshake-bad-ack` at #2 (SYN-ACK acks ISN+2), the client resets (#3); conn 2 (port 51002): `handshake-bad-ack` at #6 (client's ACK is server ISN+5), the server resets (#7)", scripted(handshakeBadAck)},
		{"syn-retransmitted", "`syn-retransmitted` at #2: the same SYN 1 s after #1 (connect latency 1 s); then a clean conversation", scripted(synRetransmitted)},
		{"connection-refused", "`connection-refused` at #2 (RST,ACK to the SYN); no `handshake-incomplete`", scripted(connectionRefused)},
		{"handshake-slow", "`handshake-slow` (when enabled): SYN-ACK #2 1.5 s after the SYN", scripted(handshakeSlow)},
		{"seq-gap", "`seq-gap` at #6: 100 client bytes (relative 8:108) never captured; the server's ACK #7 covers them (tshark also calls #7 \"ACKed segment that wasn't captured\"; by docs/design/checks.md it is not `ack-unseen`: #6 moved the client's nxt to 158)", scripted(seqGap)},
		{"ack-unseen", "`ack-unseen` at #4: the server acknowledges the client's 7-byte request, which is not in the capture; then `seq-gap` at #6 (the client's next segment starts 7 bytes beyond what was seen; tshark also flags #8)", scripted(ackUnseen)},
		{"ack-regression", "`ack-regression` at #8: a server ACK with ack 5 after it acknowledged 8", scripted(ackRegression)},
		{"retransmission", "`retransmission` at #7: the 18-byte response again, 200 ms after #6 (its ACK had not come)", scripted(retransmission)},
		{"retransmission-inconsistent", "four connections, each with the server's response resent 200 ms later: port 51000, `retransmission-inconsistent` (and `retransmission`) at #7, the 18 bytes resent with 3 of them changed (the first at relative seq 6); port 51002, the same bytes resent: `retransmission` only (#19); port 51003, 100 bytes resent from relative seq 51, overlapping the first copy by 50 bytes of which 2 differ (relative 60 and 100): `retransmission-inconsistent` (and `retransmission`) at #31; port 51004, a response captured with a snapshot length that kept 20 of its 100 bytes (#42), resent with bytes changed beyond those 20: `retransmission` only (#43), as the cut bytes cannot be compared", scripted(retransmissionInconsistent)},
		{"spurious-retransmission", "`spurious-retransmission` (and `retransmission`) at #8: the response again after the client acknowledged it (#7)", scripted(spuriousRetransmission)},
		{"fast-retransmission", "the server sends 5 × 100 bytes (#6-#10), the first is lost after the capture point; 4 duplicate ACKs with SACK (#11-#14: `duplicate-ack`, threshold 3 reached), then `fast-retransmission` (and `retransmission`) at #15, 1 ms later", scripted(fastRetransmission)},
		{"out-of-order", "`out-of-order` at #7: the server's first 100 bytes arrive 1 ms after the next 100 (#6); #6 starts beyond nxt, so a checker that does not wait may report `seq-gap` there (tshark does: \"previous segment not captured\")", scripted(outOfOrder)},
		{"rst-unexpected", "`rst-unexpected` at #7: the client resets an established connection; the server's 18-byte response (#6) is unacknowledged", scripted(rstUnexpected)},
		{"rst-out-of-window", "`rst-out-of-window` at #6: a RST 1,000,000 beyond the server's next sequence number; the connection is not reset and closes cleanly (tshark takes the RST's seq as the server's next and so calls #7 out-of-order and #11 a retransmission: pcaplint must not)", scripted(rstOutOfWindow)},
		{"rst-after-close", "`rst-after-close` at #12: the client resets after the 4-way close", scripted(rstAfterClose)},
		{"data-after-fin", "`data-after-fin` at #10: 5 client bytes after its FIN (#8)", scripted(dataAfterFIN)},
		{"fin-not-acked", "`fin-not-acked` at #8: the client's FIN is never acknowledged before the capture ends; `teardown-incomplete` too (one side's FIN)", scripted(finNotAcked)},
		{"teardown-incomplete", "`teardown-incomplete`: request and response, then the capture ends with no FIN and no RST (Zeek S1)", scripted(teardownIncomplete)},
		{"zero-window", "`zero-window` at #7 (server window 0 for 600 ms); 1-byte `zero-window-probe` at #8 and #10 (BSD/Windows style, not Linux's); `window-update` at #12; #13 resends the probe byte with the rest", scripted(zeroWindowProbe)},
		{"keep-alive", "`keep-alive` at #8 (0 bytes, seq = nxt-1, Linux style) and #10 (1 byte of garbage at nxt-1, Windows style); their ACKs #9 and #11 are not `duplicate-ack`", scripted(keepAlive)},
		{"syn-with-data", "`syn-with-data` at #1: a TCP Fast Open SYN with a cookie and the 7-byte request; the SYN-ACK acknowledges ISN+8", scripted(synWithData)},
		{"bad-options", "`bad-options`: wscale 15 on the SYN (#1; tshark then scales the client's windows by 2^14); MSS on a data segment (#4); on the server's two 9-byte data segments, an option kind 99 with length 0 (#6) and one whose length 40 runs past the header (#8). A malformed option stops option parsing, not the packet: its payload still counts", scripted(badOptions)},
		{"timestamp-regression", "`timestamp-regression` at #6: the server's TSval goes back by 100", scripted(timestampRegression)},
		{"bad-checksum", "`bad-checksum` (when enabled): wrong TCP checksum at #4, wrong IPv4 header checksum at #6", scripted(badChecksum)},
	}
}

// scripted is a trace of one conversation between client4 and server4
// with the standard ISNs, played by script (which may add more).
func scripted(script func(tr *trace, c *conv)) *trace {
	tr := newTrace()
	script(tr, tr.newConv(client4, server4, isnClient, isnServer))
	return tr
}

// client4b is a second client endpoint, for files with two connections.
var client4b = client4.withPort(51002)

// uncaptured runs f and removes what it sent from the capture: the packets
// were sent but the capture point never saw them.
func (c *conv) uncaptured(f func()) {
	n, p := len(c.tr.pkts), c.packets
	f()
	c.tr.pkts, c.packets = c.tr.pkts[:n], p
}

func handshakeIncomplete(tr *trace, a *conv) {
	syn1 := a.cli.nxt
	a.send(true, syn, nil)
	for _, d := range []time.Duration{time.Second, 2 * time.Second} {
		tr.wait(d)
		a.rewind(a.cli, syn1, func() { a.send(true, syn, nil) })
	}
	b := tr.newConv(client4b, server4, isnClient+0x1000, isnServer+0x1000)
	b.send(true, syn, nil)
	b.send(false, syn|ack, nil)
}

func handshakeBadAck(tr *trace, a *conv) {
	a.send(true, syn, nil)
	a.rewind(a.cli, a.cli.nxt+1, func() { a.send(false, syn|ack, nil) })
	a.rewind(a.cli, a.cli.nxt+1, func() { a.send(true, rst, nil) }) // RFC 9293 3.10.7.3: <SEQ=SEG.ACK><CTL=RST>

	b := tr.newConv(client4b, server4, isnClient+0x1000, isnServer+0x1000)
	b.send(true, syn, nil)
	b.send(false, syn|ack, nil)
	bad := b.srv.nxt + 4
	b.rewind(b.srv, bad, func() { b.send(true, ack, nil) })
	b.rewind(b.srv, bad, func() { b.send(false, rst, nil) })
}

func synRetransmitted(tr *trace, c *conv) {
	c.send(true, syn, nil)
	tr.wait(time.Second)
	c.rewind(c.cli, isnClient, func() { c.send(true, syn, nil) })
	c.send(false, syn|ack, nil)
	c.send(true, ack, nil)
	c.exchange()
	c.closeBy(true)
}

func connectionRefused(tr *trace, c *conv) {
	c.srv.nxt, c.srv.win = 0, 0 // as Linux sends it
	c.send(true, syn, nil)
	c.send(false, rst|ack, nil)
}

func handshakeSlow(tr *trace, c *conv) {
	c.send(true, syn, nil)
	tr.wait(1500 * time.Millisecond)
	c.send(false, syn|ack, nil)
	c.send(true, ack, nil)
	c.exchange()
	c.closeBy(true)
}

func seqGap(tr *trace, c *conv) {
	c.handshake()
	c.data(true, 7)
	c.uncaptured(func() { c.send(true, psh|ack, pattern(100)) })
	c.data(true, 50)
	c.data(false, 18)
	c.closeBy(true)
}

func ackUnseen(tr *trace, c *conv) {
	c.handshake()
	c.uncaptured(func() { c.send(true, psh|ack, pattern(7)) })
	c.send(false, ack, nil)
	c.data(false, 18)
	c.closeBy(true)
}

func ackRegression(tr *trace, c *conv) {
	c.handshake()
	c.exchange()
	c.rewind(c.cli, c.cli.nxt-3, func() { c.send(false, ack, nil) })
	c.closeBy(true)
}

func retransmission(tr *trace, c *conv) {
	c.handshake()
	c.data(true, 7)
	seq := c.srv.nxt
	c.send(false, psh|ack, pattern(18))
	tr.wait(200 * time.Millisecond)
	c.rewind(c.srv, seq, func() { c.send(false, psh|ack, pattern(18)) })
	c.send(true, ack, nil)
	c.closeBy(true)
}

// retransmissionInconsistent resends a response with other bytes (port
// 51000), the same bytes (51002), partly overlapping with other bytes in
// the overlap (51003), and after a snapshot length cut the first copy
// (51004); see checks().
func retransmissionInconsistent(tr *trace, a *conv) {
	changed := func(n int, at ...int) []byte {
		b := pattern(n)
		for _, i := range at {
			b[i] ^= 0x20
		}
		return b
	}
	resend := func(c *conv, first, again []byte, from uint32, cut int) {
		c.handshake()
		c.data(true, 7)
		seq := c.srv.nxt
		c.send(false, psh|ack, first)
		if cut > 0 {
			// Ethernet 14, IPv4 20, TCP 32 (NOP, NOP, timestamps), then cut bytes.
			c.tr.pkts[len(c.tr.pkts)-1].caplen = 14 + 20 + 32 + cut
		}
		tr.wait(200 * time.Millisecond)
		end := c.srv.nxt
		c.srv.nxt = seq + from
		c.send(false, psh|ack, again)
		c.srv.nxt = max(c.srv.nxt, end) // no wrap: the ISNs are far from it
		c.send(true, ack, nil)
		c.closeBy(true)
	}
	resend(a, pattern(18), changed(18, 5, 6, 7), 0, 0)
	resend(tr.newConv(client4b, server4, isnClient+0x1000, isnServer+0x1000), pattern(18), pattern(18), 0, 0)
	resend(tr.newConv(client4.withPort(51003), server4, isnClient+0x2000, isnServer+0x2000), pattern(100), changed(150, 59, 99)[50:], 50, 0)
	resend(tr.newConv(client4.withPort(51004), server4, isnClient+0x3000, isnServer+0x3000), pattern(100), changed(100, 49), 0, 20)
}

func spuriousRetransmission(tr *trace, c *conv) {
	c.handshake()
	c.data(true, 7)
	seq := c.srv.nxt
	c.data(false, 18)
	tr.wait(200 * time.Millisecond)
	c.rewind(c.srv, seq, func() { c.send(false, psh|ack, pattern(18)) })
	c.closeBy(true)
}

// sackOption is a SACK option with one block, preceded by two NOPs.
func sackOption(left, right uint32) []layers.TCPOption {
	b := binary.BigEndian.AppendUint32(nil, left)
	b = binary.BigEndian.AppendUint32(b, right)
	nop := layers.TCPOption{OptionType: layers.TCPOptionKindNop}
	return []layers.TCPOption{nop, nop, tcpOption(layers.TCPOptionKindSACK, b...)}
}

func fastRetransmission(tr *trace, c *conv) {
	c.handshake()
	c.data(true, 7)
	lost := c.srv.nxt
	for range 5 {
		c.send(false, ack, pattern(100))
	}
	end := c.srv.nxt
	for i := range 4 {
		c.nextExtra = sackOption(lost+100, lost+200+100*uint32(i))
		c.rewind(c.srv, lost, func() { c.send(true, ack, nil) })
	}
	c.rewind(c.srv, lost, func() { c.send(false, ack, pattern(100)) })
	c.rewind(c.srv, end, func() { c.send(true, ack, nil) })
	c.closeBy(true)
}

func outOfOrder(tr *trace, c *conv) {
	c.handshake()
	c.data(true, 7)
	first := c.srv.nxt
	c.rewind(c.srv, first+100, func() { c.send(false, ack, pattern(100)) })
	c.rewind(c.srv, first, func() { c.send(false, ack, pattern(100)) })
	c.srv.nxt = first + 200
	c.send(true, ack, nil)
	c.closeBy(true)
}

func rstUnexpected(tr *trace, c *conv) {
	c.handshake()
	c.data(true, 7)
	c.send(false, psh|ack, pattern(18))
	c.rewind(c.srv, c.srv.nxt-18, func() { c.send(true, rst|ack, nil) })
}

func rstOutOfWindow(tr *trace, c *conv) {
	c.handshake()
	c.data(true, 7)
	c.rewind(c.srv, c.srv.nxt+1_000_000, func() { c.send(false, rst, nil) })
	c.data(false, 18)
	c.closeBy(true)
}

func rstAfterClose(tr *trace, c *conv) {
	c.full()
	c.send(true, rst, nil)
}

func dataAfterFIN(tr *trace, c *conv) {
	c.handshake()
	c.exchange()
	c.send(true, fin|ack, nil)
	c.send(false, ack, nil)
	c.data(true, 5)
	c.send(false, fin|ack, nil)
	c.send(true, ack, nil)
}

func finNotAcked(tr *trace, c *conv) {
	c.handshake()
	c.exchange()
	c.send(true, fin|ack, nil)
}

func teardownIncomplete(tr *trace, c *conv) {
	c.handshake()
	c.exchange()
}

func zeroWindowProbe(tr *trace, c *conv) {
	c.handshake()
	c.data(true, 7)
	c.send(true, ack, pattern(100))
	c.srv.win = 0
	c.send(false, ack, nil)
	for range 2 {
		tr.wait(200 * time.Millisecond)
		probe := c.cli.nxt
		c.send(true, ack, pattern(1))
		c.cli.nxt = probe // not accepted: the window is closed
		c.send(false, ack, nil)
	}
	tr.wait(200 * time.Millisecond)
	c.srv.win = window
	c.send(false, ack, nil)
	c.data(true, 100)
	c.closeBy(true)
}

func keepAlive(tr *trace, c *conv) {
	c.handshake()
	c.exchange()
	for _, n := range []int{0, 1} {
		tr.wait(time.Second)
		c.rewind(c.cli, c.cli.nxt-1, func() { c.send(true, ack, make([]byte, n)) })
		c.send(false, ack, nil)
	}
	c.closeBy(true)
}

func synWithData(tr *trace, c *conv) {
	c.synOptions = []layers.TCPOption{tcpOption(34, 0xc0, 0x0c, 0x1e, 0x5a, 0x11, 0x22, 0x33, 0x44)}
	c.send(true, syn, pattern(7))
	c.send(false, syn|ack, nil)
	c.send(true, ack, nil)
	c.data(false, 18)
	c.closeBy(true)
}

func badOptions(tr *trace, c *conv) {
	c.send(true, syn, nil)
	// The SYN's wscale is its last option: make it 15.
	patchTCP(tr.pkts[0].l3, func(tcp []byte) { tcp[20+19] = 15 })
	c.send(false, syn|ack, nil)
	c.send(true, ack, nil)
	c.nextExtra = []layers.TCPOption{tcpOption(layers.TCPOptionKindMSS, 0x05, 0xb4)}
	c.data(true, 7)
	for _, length := range []byte{0, 40} {
		c.nextExtra = []layers.TCPOption{tcpOption(99, 0xbe, 0xef)}
		c.data(false, 9)
		// After NOP, NOP, timestamps (12 bytes) comes kind 99: lie about its length.
		patchTCP(tr.pkts[len(tr.pkts)-2].l3, func(tcp []byte) { tcp[20+13] = length })
	}
	c.closeBy(true)
}

func timestampRegression(tr *trace, c *conv) {
	c.handshake()
	c.data(true, 7)
	c.srv.tsval -= 101 // send adds 1
	c.data(false, 18)
	c.closeBy(true)
}

func badChecksum(tr *trace, c *conv) {
	c.full()
	tr.pkts[3].l3[20+16] ^= 0xff // TCP checksum of #4
	tr.pkts[5].l3[10] ^= 0xff    // IPv4 header checksum of #6
}

// patchTCP edits the TCP header of an IPv4 packet (20-byte IP header) and
// recomputes its checksum, so that only the edit is wrong.
func patchTCP(l3 []byte, edit func(tcp []byte)) {
	tcp := l3[20:]
	edit(tcp)
	binary.BigEndian.PutUint16(tcp[16:], 0)
	pseudo := append(append([]byte{}, l3[12:20]...), 0, byte(layers.IPProtocolTCP))
	pseudo = binary.BigEndian.AppendUint16(pseudo, uint16(len(tcp)))
	binary.BigEndian.PutUint16(tcp[16:], checksum(pseudo, tcp))
}
