package tcpdump

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"net/netip"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// The ground truth of the differential test is decoded from the pcap bytes
// with gopacket, independently of this package's own hex-dump decoder.
// When the capture reader (parse/capture) lands on main, it can take this
// file's place.

// truth is one TCP packet as the capture holds it.
type truth struct {
	t        time.Time
	src, dst netip.AddrPort
	seq, ack uint32
	flags    tcp.Flags
	win      uint16
	payload  uint32
	opts     tcp.Options
	ifindex  int32 // SLL2 only, else -1
	dir      tcp.Direction
}

const linkTypeSLL2 = 276

// groundTruth decodes the TCP packets of a pcap or pcapng file.
func groundTruth(data []byte) ([]truth, error) {
	type source interface {
		ReadPacketData() ([]byte, gopacket.CaptureInfo, error)
	}
	var src source
	var lt int
	if r, err := pcapgo.NewReader(bytes.NewReader(data)); err == nil {
		// gopacket 1.1.19 keeps link types in a byte; SLL2 (276) needs
		// the header's full field.
		src, lt = r, int(binary.LittleEndian.Uint32(data[20:]))
		if binary.LittleEndian.Uint32(data) != 0xa1b2c3d4 && binary.LittleEndian.Uint32(data) != 0xa1b23c4d {
			lt = int(binary.BigEndian.Uint32(data[20:]))
		}
	} else if r, err2 := pcapgo.NewNgReader(bytes.NewReader(data), pcapgo.DefaultNgReaderOptions); err2 == nil {
		src, lt = r, int(r.LinkType())
		if lt == linkTypeSLL2&0xff {
			lt = linkTypeSLL2
		}
	} else {
		return nil, err
	}
	var out []truth
	for {
		b, ci, err := src.ReadPacketData()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		if tr, ok := decodeTruth(b, lt); ok {
			tr.t = ci.Timestamp.UTC()
			out = append(out, tr)
		}
	}
}

func decodeTruth(b []byte, lt int) (truth, bool) {
	tr := truth{ifindex: -1}
	var p gopacket.Packet
	switch lt {
	case linkTypeSLL2:
		if len(b) < 20 {
			return tr, false
		}
		tr.ifindex = int32(binary.BigEndian.Uint32(b[4:]))
		tr.dir = sllDirection(b[10])
		p = byVersion(b[20:])
	case int(layers.LinkTypeLinuxSLL):
		tr.dir = sllDirection(b[1])
		p = gopacket.NewPacket(b, layers.LayerTypeLinuxSLL, gopacket.Default)
	case int(layers.LinkTypeRaw), int(layers.LinkTypeIPv4), int(layers.LinkTypeIPv6):
		p = byVersion(b)
	default:
		p = gopacket.NewPacket(b, layers.LinkType(lt), gopacket.Default)
	}
	if p == nil {
		return tr, false
	}
	t, _ := p.Layer(layers.LayerTypeTCP).(*layers.TCP)
	if t == nil {
		return tr, false
	}
	var ipPayload int
	switch ip := p.NetworkLayer().(type) {
	case *layers.IPv4:
		tr.src = netip.AddrPortFrom(netip.AddrFrom4([4]byte(ip.SrcIP.To4())), uint16(t.SrcPort))
		tr.dst = netip.AddrPortFrom(netip.AddrFrom4([4]byte(ip.DstIP.To4())), uint16(t.DstPort))
		ipPayload = int(ip.Length) - int(ip.IHL)*4
	case *layers.IPv6:
		tr.src = netip.AddrPortFrom(netip.AddrFrom16([16]byte(ip.SrcIP.To16())), uint16(t.SrcPort))
		tr.dst = netip.AddrPortFrom(netip.AddrFrom16([16]byte(ip.DstIP.To16())), uint16(t.DstPort))
		ipPayload = int(ip.Length)
	default:
		return tr, false
	}
	tr.seq, tr.ack, tr.win = t.Seq, t.Ack, t.Window
	tr.payload = uint32(ipPayload - int(t.DataOffset)*4)
	for _, f := range []struct {
		on  bool
		bit tcp.Flags
	}{{t.FIN, tcp.FIN}, {t.SYN, tcp.SYN}, {t.RST, tcp.RST}, {t.PSH, tcp.PSH}, {t.ACK, tcp.ACK}, {t.URG, tcp.URG}, {t.ECE, tcp.ECE}, {t.CWR, tcp.CWR}, {t.NS, tcp.AE}} {
		if f.on {
			tr.flags |= f.bit
		}
	}
	for _, o := range t.Options {
		switch o.OptionType {
		case layers.TCPOptionKindMSS:
			tr.opts.Has |= tcp.OptMSS
			tr.opts.MSS = binary.BigEndian.Uint16(o.OptionData)
		case layers.TCPOptionKindWindowScale:
			tr.opts.Has |= tcp.OptWScale
			tr.opts.WScale = o.OptionData[0]
		case layers.TCPOptionKindSACKPermitted:
			tr.opts.Has |= tcp.OptSACKPermitted
		case layers.TCPOptionKindTimestamps:
			tr.opts.Has |= tcp.OptTimestamp
			tr.opts.TSVal = binary.BigEndian.Uint32(o.OptionData)
			tr.opts.TSEcr = binary.BigEndian.Uint32(o.OptionData[4:])
		case layers.TCPOptionKindSACK:
			for d := o.OptionData; len(d) >= 8; d = d[8:] {
				tr.opts.AddSACK(binary.BigEndian.Uint32(d), binary.BigEndian.Uint32(d[4:]))
			}
		case layers.TCPOptionKindNop:
			tr.opts.Has |= tcp.OptNOP
		case layers.TCPOptionKindEndList:
			tr.opts.Has |= tcp.OptEOL
		}
	}
	return tr, true
}

func byVersion(b []byte) gopacket.Packet {
	if len(b) == 0 {
		return nil
	}
	switch b[0] >> 4 {
	case 4:
		return gopacket.NewPacket(b, layers.LayerTypeIPv4, gopacket.Default)
	case 6:
		return gopacket.NewPacket(b, layers.LayerTypeIPv6, gopacket.Default)
	}
	return nil
}

// sllDirection maps a Linux packet type to a Direction.
func sllDirection(pkttype byte) tcp.Direction {
	switch pkttype {
	case 0:
		return tcp.DirIn
	case 1:
		return tcp.DirBroadcast
	case 2:
		return tcp.DirMulticast
	case 3:
		return tcp.DirOther
	case 4:
		return tcp.DirOut
	}
	return tcp.DirUnknown
}
