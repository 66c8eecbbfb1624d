package ruleset

import (
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// EndpointEnv is one end of a connection as custom rules see it:
// conn.client.host, conn.server.port. In a message template it prints as
// "host:port".
type EndpointEnv struct {
	// Host is the address, or the host name of name-resolved text logs.
	Host string `expr:"host"`
	Port int    `expr:"port"`

	text string
}

// String renders the endpoint as "host:port" ("[::1]:443" for IPv6).
func (e EndpointEnv) String() string { return e.text }

// ConnEnv is a connection as custom rules see it, under the name conn. For
// connection rules it describes the whole connection at its end; for
// segment rules, the connection as it was before the segment.
type ConnEnv struct {
	ID            int           `expr:"id"`
	Client        EndpointEnv   `expr:"client"`
	Server        EndpointEnv   `expr:"server"`
	Packets       int64         `expr:"packets"`
	ClientPackets int64         `expr:"client_packets"`
	ServerPackets int64         `expr:"server_packets"`
	Bytes         int64         `expr:"bytes"` // payload bytes, both ways
	ClientBytes   int64         `expr:"client_bytes"`
	ServerBytes   int64         `expr:"server_bytes"`
	Start         time.Time     `expr:"start"`
	End           time.Time     `expr:"end"`
	Duration      time.Duration `expr:"duration"`
	// HandshakeRTT is SYN to the ACK completing the handshake; zero when
	// the handshake was not seen whole.
	HandshakeRTT time.Duration `expr:"handshake_rtt"`
	// State is Zeek's conn_state (S0, SF, REJ, RSTO, …).
	State string `expr:"state"`
	// History is Zeek's history string (ShADadFf…).
	History string `expr:"history"`
	// ClientState and ServerState are the RFC 9293 states of the two
	// endpoints ("ESTABLISHED", "TIME_WAIT", …).
	ClientState string `expr:"client_state"`
	ServerState string `expr:"server_state"`
	Established bool   `expr:"established"`
	Closed      bool   `expr:"closed"` // both FINs, or a RST
	Midstream   bool   `expr:"midstream"`
	Reused      bool   `expr:"reused"`
	Reset       bool   `expr:"reset"` // either side sent a RST
}

// ConnRuleEnv is the environment of rules with "on: connection".
type ConnRuleEnv struct {
	Conn ConnEnv `expr:"conn"`
	evalBudget
}

// SegmentEnv is the environment of rules with "on: segment": the segment's
// fields at the top level, its connection under conn.
type SegmentEnv struct {
	Conn ConnEnv `expr:"conn"`
	evalBudget
	// From is the sender's role, "client" or "server".
	From string `expr:"from"`
	// Flags are tcpdump's flag letters ("S.", "FP.", "none").
	Flags string `expr:"flags"`
	Syn   bool   `expr:"syn"`
	Ack   bool   `expr:"ack"`
	Fin   bool   `expr:"fin"`
	Rst   bool   `expr:"rst"`
	Psh   bool   `expr:"psh"`
	Urg   bool   `expr:"urg"`
	// Seq and AckNum are the raw numbers; RelSeq and RelAck are relative to
	// the sender's and the receiver's ISN when their SYNs were seen (else
	// equal to the raw numbers), as tcpdump prints them without -S.
	Seq    uint32 `expr:"seq"`
	AckNum uint32 `expr:"ack_num"`
	RelSeq uint32 `expr:"rel_seq"`
	RelAck uint32 `expr:"rel_ack"`
	// Window is the raw window field; ScaledWindow applies the window
	// scale when both SYNs carried one (RFC 7323 section 2.2).
	Window       int       `expr:"window"`
	ScaledWindow int       `expr:"scaled_window"`
	Len          int       `expr:"len"` // payload bytes
	Time         time.Time `expr:"time"`
	// Packet is the packet number in a capture, Line the line of text
	// input; the other is zero.
	Packet int `expr:"packet"`
	Line   int `expr:"line"`
}

func newEndpointEnv(e tcp.Endpoint) EndpointEnv {
	return EndpointEnv{Host: e.Host(), Port: int(e.Port), text: e.String()}
}

func newConnEnv(c *rules.Conn) ConnEnv {
	cl, sv := c.Side(rules.FromClient), c.Side(rules.FromServer)
	return ConnEnv{
		ID: c.ID, Client: newEndpointEnv(c.Client), Server: newEndpointEnv(c.Server),
		Packets: c.Packets(), ClientPackets: cl.Packets, ServerPackets: sv.Packets,
		Bytes: c.Bytes(), ClientBytes: cl.Bytes, ServerBytes: sv.Bytes,
		Start: c.Start, End: c.End, Duration: c.Duration(), HandshakeRTT: c.HandshakeRTT(),
		State: c.ZeekState(), History: c.History(),
		ClientState: cl.State.String(), ServerState: sv.State.String(),
		Established: c.Established(), Closed: c.Closed(), Midstream: c.Midstream,
		Reused: c.Reused, Reset: cl.RST || sv.RST,
	}
}

func newSegmentEnv(c *rules.Conn, d rules.Dir, seg *tcp.Segment) SegmentEnv {
	snd, rcv := c.Side(d), c.Side(d.Peer())
	f := seg.Flags
	env := SegmentEnv{
		Conn: newConnEnv(c), From: d.String(), Flags: f.String(),
		Syn: f.Has(tcp.SYN), Ack: f.Has(tcp.ACK), Fin: f.Has(tcp.FIN), Rst: f.Has(tcp.RST),
		Psh: f.Has(tcp.PSH), Urg: f.Has(tcp.URG),
		Seq: seg.Seq, AckNum: seg.Ack, RelSeq: seg.Seq, RelAck: seg.Ack,
		Window: int(seg.Window), ScaledWindow: int(seg.Window), Len: int(seg.PayloadLen),
		Time: seg.Time, Packet: seg.Pos.Packet, Line: seg.Pos.Line,
	}
	switch {
	case f.Has(tcp.SYN):
		env.RelSeq = 0
	case snd.HasISN:
		env.RelSeq = seg.Seq - snd.ISN
	}
	if rcv.HasISN {
		env.RelAck = seg.Ack - rcv.ISN
	}
	if !f.Has(tcp.SYN) && snd.WScale >= 0 && rcv.WScale >= 0 {
		env.ScaledWindow = int(seg.Window) << snd.WScale
	}
	return env
}
