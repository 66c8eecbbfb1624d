package capture

import (
	"encoding/binary"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// onesSum adds b to sum as 16-bit big-endian words, the Internet checksum's
// one's complement sum before folding (RFC 1071).
func onesSum(sum uint32, b []byte) uint32 {
	for len(b) >= 2 {
		sum += uint32(binary.BigEndian.Uint16(b))
		b = b[2:]
	}
	if len(b) == 1 {
		sum += uint32(b[0]) << 8
	}
	return sum
}

// foldSum folds the carries of a one's complement sum into 16 bits.
func foldSum(sum uint32) uint16 {
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	return uint16(sum)
}

// verifyChecksums checks the TCP checksum of segment (header and payload,
// whole) over the pseudo-header of ip (RFC 9293 section 3.1, RFC 8200
// section 8.1), and the IPv4 header checksum. A capture taken on the
// sending host shows outgoing packets before the NIC fills the checksum in,
// so a bad verdict there is normal.
func verifyChecksums(ip *ipPacket, segment []byte) tcp.Checksum {
	if ip.badHeader {
		return tcp.ChecksumBadIP
	}
	var sum uint32
	if ip.src.Is4() {
		s, d := ip.src.As4(), ip.dst.As4()
		sum = onesSum(sum, s[:])
		sum = onesSum(sum, d[:])
	} else {
		s, d := ip.src.As16(), ip.dst.As16()
		sum = onesSum(sum, s[:])
		sum = onesSum(sum, d[:])
	}
	sum += uint32(ip.proto) + uint32(len(segment))
	pseudo := foldSum(sum)
	if foldSum(onesSum(sum, segment)) == 0xffff {
		return tcp.ChecksumGood
	}
	if len(segment) >= 18 && binary.BigEndian.Uint16(segment[16:18]) == pseudo {
		// Checksum offload (Linux CHECKSUM_PARTIAL): the field holds only
		// the pseudo-header sum, for the NIC to complete. Not wrong, just
		// not computed yet.
		return tcp.ChecksumUnknown
	}
	return tcp.ChecksumBadTCP
}
