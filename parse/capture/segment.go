package capture

import (
	"encoding/binary"

	"github.com/google/gopacket/layers"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// segment decodes the TCP header carried by ip into seg.
func (d *decoder) segment(ip *ipPacket, seg *tcp.Segment) verdict {
	b := ip.payload
	if len(b) < 20 {
		if ip.declared < 20 {
			return d.malformed("TCP header length 20 exceeds the %d bytes the IP header declares", ip.declared)
		}
		return d.malformed("TCP header cut short: %d of 20 bytes captured", len(b))
	}
	err := d.tcp.DecodeFromBytes(b, noFeedback)
	t := &d.tcp
	hdrLen := int(t.DataOffset) * 4
	if t.DataOffset < 5 {
		return d.malformed("TCP header length %d is less than 20 bytes", hdrLen)
	}
	if hdrLen > ip.declared {
		return d.malformed("TCP header length %d exceeds the %d bytes the IP header declares", hdrLen, ip.declared)
	}
	seg.Src = tcp.Endpoint{Addr: ip.src, Port: uint16(t.SrcPort)}
	seg.Dst = tcp.Endpoint{Addr: ip.dst, Port: uint16(t.DstPort)}
	seg.Seq, seg.Ack = t.Seq, t.Ack
	seg.Window, seg.Urgent = t.Window, t.Urgent
	seg.Flags = tcp.Flags(b[13])
	if b[12]&1 != 0 {
		seg.Flags |= tcp.AE
	}
	seg.PayloadLen = uint32(ip.declared - hdrLen)
	seg.TTL, seg.IPID = ip.ttl, ip.id
	seg.Truncated = len(b) < ip.declared
	seg.Payload = nil
	if hdrLen < len(b) {
		seg.Payload = b[hdrLen:min(len(b), ip.declared)]
	}
	seg.Known = tcp.KnownAll &^ tcp.KnownChecksum
	if ip.src.Is4() {
		seg.Known |= tcp.KnownIPID
	}
	seg.Options = tcp.Options{}
	switch {
	case err == nil:
		fillOptions(&seg.Options, t.Options)
	case hdrLen > len(b):
		// Options cut off by the snapshot length: the fixed header is good.
		seg.Known &^= tcp.KnownOptions
	default:
		// A lying option length: keep what came before it.
		fillOptions(&seg.Options, t.Options)
		seg.Options.Has |= tcp.OptMalformed
	}
	seg.Checksum = tcp.ChecksumUnknown
	if d.checksums {
		d.verifyChecksums(ip, seg)
	}
	return isTCP
}

// fillOptions converts gopacket's option list into tcp.Options, checking
// each option's length against its kind (RFC 9293 section 3.2, RFC 7323,
// RFC 2018, RFC 7413).
func fillOptions(o *tcp.Options, opts []layers.TCPOption) {
	for i := range opts {
		opt := &opts[i]
		data := opt.OptionData
		switch opt.OptionType {
		case layers.TCPOptionKindEndList:
			o.Has |= tcp.OptEOL
		case layers.TCPOptionKindNop:
			o.Has |= tcp.OptNOP
		case layers.TCPOptionKindMSS:
			if len(data) != 2 {
				o.Has |= tcp.OptMalformed
				continue
			}
			o.Has |= tcp.OptMSS
			o.MSS = binary.BigEndian.Uint16(data)
		case layers.TCPOptionKindWindowScale:
			if len(data) != 1 {
				o.Has |= tcp.OptMalformed
				continue
			}
			o.Has |= tcp.OptWScale
			o.WScale = data[0]
		case layers.TCPOptionKindSACKPermitted:
			if len(data) != 0 {
				o.Has |= tcp.OptMalformed
			}
			o.Has |= tcp.OptSACKPermitted
		case layers.TCPOptionKindSACK:
			if len(data) == 0 || len(data)%8 != 0 {
				o.Has |= tcp.OptMalformed
				continue
			}
			for j := 0; j+8 <= len(data); j += 8 {
				o.AddSACK(binary.BigEndian.Uint32(data[j:]), binary.BigEndian.Uint32(data[j+4:]))
			}
		case layers.TCPOptionKindTimestamps:
			if len(data) != 8 {
				o.Has |= tcp.OptMalformed
				continue
			}
			o.Has |= tcp.OptTimestamp
			o.TSVal = binary.BigEndian.Uint32(data[0:4])
			o.TSEcr = binary.BigEndian.Uint32(data[4:8])
		case 34: // TCP Fast Open cookie (RFC 7413)
			o.Has |= tcp.OptTFO
			o.TFOCookieLen = uint8(len(data))
		case 254: // RFC 6994 experimental: 0xF989 is the pre-standard TFO
			if len(data) >= 2 && binary.BigEndian.Uint16(data) == 0xf989 {
				o.Has |= tcp.OptTFO
				o.TFOCookieLen = uint8(len(data) - 2)
				continue
			}
			o.AddUnknown(uint8(opt.OptionType), opt.OptionLength)
		case 30:
			o.Has |= tcp.OptMPTCP
		case 19:
			o.Has |= tcp.OptMD5
		case 29:
			o.Has |= tcp.OptAO
		case 28:
			o.Has |= tcp.OptUserTimeout
		default:
			o.AddUnknown(uint8(opt.OptionType), opt.OptionLength)
		}
	}
}
