package checks

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

var badChecksum = &rules.Check{
	ID:      "bad-checksum",
	Title:   "A TCP or IP checksum is wrong",
	TitleZh: "TCP 或 IP 校验和错误",
	Hint: rules.Texts{Key: "bad-checksum.hint",
		En: "Read it as: usually checksum offload: the capture saw an outgoing packet before the network card filled in its checksum; on a received packet, corruption on the way.",
		Zh: "解读：通常是校验和卸载所致：抓包时网卡还没有为发出的包填入校验和；如果是收到的包，则说明它在传输中损坏了。"},
	Messages: []*rules.Texts{badTCPChecksumText, badIPChecksumText},
	Default:  rules.Off,
	Doc: `The segment's TCP checksum (or its IPv4 header checksum) does not match its
contents: the receiver drops it. Off by default: a capture taken on the
sending host sees the packet before the NIC computes the checksum
(checksum offload), so wrong checksums on outgoing packets are normal there.
Needs an input that verified checksums (tcpdump -v prints "incorrect").`,
	Triggers:  `10:00:00.000000 IP (tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP (6), length 40) 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], cksum 0x1234 (incorrect -> 0xabcd), ack 1, win 502, length 0`,
	Passes:    `10:00:00.000000 IP (tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP (6), length 40) 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], cksum 0xabcd (correct), ack 1, win 502, length 0`,
	RFC:       "RFC 9293 section 3.1 (checksum), RFC 791 (IP header checksum)",
	Wireshark: "tcp.checksum.status and ip.checksum.status, when checksum validation is enabled (not compared).",
	Requires:  seq,
	SegmentOn: on(hasBadChecksum),
	Segment: func(p *rules.Pass) {
		seg := p.Seg
		if !seg.Has(tcp.KnownChecksum) {
			return
		}
		switch seg.Checksum {
		case tcp.ChecksumBadTCP:
			p.Reportf(badTCPChecksumText, who(p.Conn, p.Dir))
		case tcp.ChecksumBadIP:
			p.Reportf(badIPChecksumText, who(p.Conn, p.Dir))
		}
	},
}

// The messages of bad-checksum, in every language of the reports.
var (
	badTCPChecksumText = &rules.Texts{Key: "bad-checksum.tcp",
		En: "TCP checksum of the segment from %[1]s is wrong",
		Zh: "%[1]s 发出的报文段 TCP 校验和错误"}
	badIPChecksumText = &rules.Texts{Key: "bad-checksum.ip",
		En: "IP header checksum of the packet from %[1]s is wrong",
		Zh: "%[1]s 发出的包 IP 首部校验和错误"}
)
