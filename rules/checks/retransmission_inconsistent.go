package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var retransmissionInconsistent = &rules.Check{
	ID:      "retransmission-inconsistent",
	Title:   "A retransmission whose bytes differ from the original's",
	TitleZh: "重传的字节与最初发送的不同",
	Hint: rules.Texts{Key: "retransmission-inconsistent.hint",
		En: "Read it as: the same sequence numbers carried other bytes the second time; something on the path rewrote or injected data.",
		Zh: "解读：同样的序列号第二次携带了不同的字节；路径上有设备改写或注入了数据。"},
	Messages: []*rules.Texts{inconsistentText},
	Default:  rules.Warning,
	Doc: `A segment resends bytes its sender already sent, and some of them
differ from what the capture saw the first time. Every octet of a TCP
stream has one sequence number, so a retransmission carries the same
bytes: different ones mean a middlebox rewrote the data, a packet was
injected into the connection, or one of the two copies was corrupted on
the way. The receiver keeps whichever copy it got first, and a monitor
that reassembles the other reads a different stream (Zeek raises
` + "`Retransmission_Inconsistency`" + `). The message gives the overlapped bytes,
how many of them differ, and the sequence number (absolute and relative)
of the first that differs.

Only bytes the input carries are compared: a capture's payload, or
tcpdump text printed with a hex dump (` + "`-x`, `-xx`, `-X`, `-XX`" + `). Bytes a
snapshot length cut off are never compared, nor text without a dump:
` + "`-A`" + ` prints unprintable bytes as dots and drops a CR before a LF, so it
cannot tell bytes apart. Keep-alives and zero-window probes, whose byte
may be garbage (RFC 9293 section 3.8.4), are not compared.

Param ` + "`max-bytes`" + ` (default 16384) bounds the bytes kept per direction:
the first ones above the peer's cumulative ACK, those a retransmission
resends; bytes leave as the ACK passes them. A retransmission of bytes
beyond the bound, or of bytes already acknowledged (spurious), is not
compared. 0 turns the comparison off.`,
	Triggers: inconsistentFirst + `
10:00:00.210000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:5, ack 1, win 502, length 4
	0x0000:  4500 002c 0002 0000 4006 66cc 0a00 0001
	0x0010:  0a00 0002 9c40 0050 0000 0001 0000 0001
	0x0020:  5018 01f6 0000 0000 6279 6521`,
	Passes: inconsistentFirst + `
10:00:00.210000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:5, ack 1, win 502, length 4
	0x0000:  4500 002c 0002 0000 4006 66cc 0a00 0001
	0x0010:  0a00 0002 9c40 0050 0000 0001 0000 0001
	0x0020:  5018 01f6 0000 0000 6869 2121`,
	RFC:       "RFC 9293 section 3.4 (every octet has one sequence number) and section 3.10.7.4 (a receiver keeps the first copy of a byte)",
	Wireshark: `none: Wireshark flags the segment tcp.analysis.retransmission whatever its bytes (its reassembly may warn of overlapping data that differs, as Zeek's Retransmission_Inconsistency does). Where this check reports, pcaplint also reports the retransmission itself.`,
	Params:    []*rules.Param{inconsistentMaxBytes},
	Requires:  seq,
	// The bytes are read unless max-bytes turns the comparison off.
	ReadsPayload: func(p *rules.Pass) bool { return p.Param(inconsistentMaxBytes).Int() > 0 },
	Segment: onSegment(func(p *rules.Pass, st *connState) {
		seg, d := p.Seg, p.Dir
		if !seg.Has(tcp.KnownSeq | tcp.KnownFlags) {
			return
		}
		kept := keptBytes.Peek(p.Conn)
		if seg.Flags&tcp.ACK != 0 && seg.Has(tcp.KnownAck) && kept != nil {
			if s := kept.sent[d.Peer()]; s != nil {
				// Once everything kept is acknowledged the store is empty,
				// and an empty store compares as none: give it back, so
				// that memory follows the connections with data in flight,
				// not every connection still open.
				if s.ack(seg.Ack); len(s.kept()) == 0 {
					s.release()
					kept.sent[d.Peer()] = nil
				}
			}
		}
		if len(seg.Payload) == 0 || seg.Flags&tcp.RST != 0 || st.v.class&(isKeepAlive|isZeroWindowProbe) != 0 {
			return
		}
		seq, data := seg.Seq, seg.Payload
		if seg.Flags&tcp.SYN != 0 {
			seq++ // a Fast Open SYN's data follows the SYN's own number
		}
		if peer := &p.Conn.Sides[d.Peer()]; peer.HasAck && tcp.SeqLess(seq, peer.MaxAck) {
			n := min(peer.MaxAck-seq, uint32(len(data)))
			seq, data = seq+n, data[n:]
		}
		if len(data) == 0 {
			return
		}
		if kept == nil { // the connection's first payload
			limit := p.Param(inconsistentMaxBytes).Int()
			if limit <= 0 {
				return // the check is off
			}
			kept = keptBytes.Of(p.Conn)
			kept.limit = limit
		}
		s := kept.sent[d]
		if s == nil {
			s = newSentBytes()
			kept.sent[d] = s
		}
		if overlap, differ, first := s.compare(seq, data); differ > 0 {
			p.Reportf(inconsistentText, who(p.Conn, d), st.what(d, seg), differ, byteCount(uint32(overlap)), st.seqOf(d, first))
		}
		s.add(seq, data, kept.limit)
	}),
}

// keptState is retransmission-inconsistent's state of a connection, taken
// at its first payload: the bytes each direction sent and its peer has not
// acknowledged, a store taken from sentBytesFree at the direction's first
// payload and given back once all is acknowledged, and how many bytes a
// store keeps (max-bytes).
type keptState struct {
	sent  [2]*sentBytes
	limit int
}

// Reset gives the stores back to sentBytesFree.
func (k *keptState) Reset() {
	for _, s := range k.sent {
		if s != nil {
			s.release()
		}
	}
	*k = keptState{}
}

var keptBytes = rules.NewCheckState[keptState]("retransmission-inconsistent")

// inconsistentText is the message of retransmission-inconsistent, in every
// language of the reports.
var inconsistentText = &rules.Texts{Key: "retransmission-inconsistent",
	En: "%[1]s resends %[2]s with other bytes than it first sent: %[3]d of the %[4]s sent before differ, the first at seq %[5]s",
	Zh: "%[1]s 重传了%[2]s，但字节与最初发送的不同：之前发送的 %[4]s 中有 %[3]d 个不同，第一个位于 seq %[5]s"}

// inconsistentFirst is the first copy of the bytes in the check's examples:
// "hi!!", with tcpdump -x's dump of the packet.
const inconsistentFirst = `10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:5, ack 1, win 502, length 4
	0x0000:  4500 002c 0001 0000 4006 66cd 0a00 0001
	0x0010:  0a00 0002 9c40 0050 0000 0001 0000 0001
	0x0020:  5018 01f6 0000 0000 6869 2121`

// inconsistentMaxBytes is retransmission-inconsistent's max-bytes.
var inconsistentMaxBytes = &rules.Param{Name: "max-bytes", Default: rules.BytesValue(16384),
	Min: rules.BytesValue(0), Max: rules.BytesValue(16 << 20),
	Doc: "unacknowledged bytes kept per direction to compare retransmissions with (0: off)"}
