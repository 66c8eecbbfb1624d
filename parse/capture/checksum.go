package capture

import (
	"encoding/binary"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// verifyChecksums sets seg.Checksum from the IPv4 header checksum and the
// TCP checksum (RFC 9293 section 3.1, over the pseudo-header). Only whole
// segments can be verified; truncated ones stay ChecksumUnknown.
func (d *decoder) verifyChecksums(ip *ipPacket, seg *tcp.Segment) {
	if seg.Truncated {
		return
	}
	seg.Known |= tcp.KnownChecksum
	if ip.src.Is4() && ip.headerLen > 0 {
		if fold(sum(d.ip4.Contents[:ip.headerLen], 0)) != 0xffff {
			seg.Checksum = tcp.ChecksumBadIP
			return
		}
	}
	segment := ip.payload[:ip.declared]
	var acc uint32
	if ip.src.Is4() {
		s, t := ip.src.As4(), ip.dst.As4()
		acc = sum(s[:], acc)
		acc = sum(t[:], acc)
	} else {
		s, t := ip.src.As16(), ip.dst.As16()
		acc = sum(s[:], acc)
		acc = sum(t[:], acc)
	}
	acc += 6 + uint32(len(segment))>>16 + uint32(len(segment))&0xffff
	pseudo := fold(acc)
	switch {
	case fold(sum(segment, acc)) == 0xffff:
		seg.Checksum = tcp.ChecksumGood
	case len(segment) >= 18 && binary.BigEndian.Uint16(segment[16:18]) == pseudo:
		// Checksum offload (Linux CHECKSUM_PARTIAL): the field holds only
		// the pseudo-header sum, for the NIC to complete. It is not wrong,
		// just not computed yet; tcpdump -v calls it "incorrect".
		seg.Checksum = tcp.ChecksumUnknown
		seg.Known &^= tcp.KnownChecksum
	default:
		seg.Checksum = tcp.ChecksumBadTCP
	}
}

// sum adds b to the ones' complement accumulator acc, 16 bits at a time.
func sum(b []byte, acc uint32) uint32 {
	for len(b) >= 2 {
		acc += uint32(binary.BigEndian.Uint16(b))
		b = b[2:]
		if acc > 0xffff0000 {
			acc = acc&0xffff + acc>>16
		}
	}
	if len(b) == 1 {
		acc += uint32(b[0]) << 8
	}
	return acc
}

func fold(acc uint32) uint16 {
	for acc > 0xffff {
		acc = acc&0xffff + acc>>16
	}
	return uint16(acc)
}
