package tcpdump

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"net/netip"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/pcapgo"
	"github.com/pcaplint/pcaplint/parse/capture"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// The ground truth of the differential test is decoded from the capture's
// bytes by the capture reader (parse/capture), which shares no code with
// this package's text grammar or its hex-dump decoder.

// truth is one TCP packet as the capture holds it.
type truth struct {
	t        time.Time
	src, dst netip.AddrPort
	seq, ack uint32
	flags    tcp.Flags
	win      uint16
	payload  uint32
	opts     tcp.Options
	ifindex  int32 // Linux cooked captures only, else -1
	dir      tcp.Direction
	tunnel   tcp.Tunnel
	// timed is false when the capture holds no time for the packet (a
	// pcapng Simple Packet Block): tcpdump then prints the epoch.
	timed bool
	// record is the packet's index among all records of the capture,
	// TCP or not, as tcpdump numbers them from 0.
	record int
}

// recordTimes are the timestamps of every record of a capture, TCP or not,
// which the -ttt clock counts from (parse/capture returns only the TCP
// ones). They are read with gopacket's pcapgo; nil when it cannot read
// the file.
func recordTimes(data []byte) []time.Time {
	var read func() ([]byte, gopacket.CaptureInfo, error)
	if len(data) >= 4 && binary.LittleEndian.Uint32(data) == 0x0a0d0d0a {
		r, err := pcapgo.NewNgReader(bytes.NewReader(data), pcapgo.NgReaderOptions{WantMixedLinkType: true})
		if err != nil {
			return nil
		}
		read = r.ReadPacketData
	} else {
		r, err := pcapgo.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil
		}
		read = r.ReadPacketData
	}
	var out []time.Time
	for {
		_, ci, err := read()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return nil
			}
			return out
		}
		out = append(out, ci.Timestamp.UTC())
	}
}

// groundTruth decodes the TCP packets of a pcap or pcapng file.
func groundTruth(data []byte) ([]truth, error) {
	r, err := capture.NewReader(bytes.NewReader(data), "truth")
	if err != nil {
		return nil, err
	}
	var out []truth
	var seg tcp.Segment
	for {
		err := r.Next(&seg)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		tr := truth{
			t:   seg.Time.UTC(),
			src: netip.AddrPortFrom(seg.Src.Addr, seg.Src.Port),
			dst: netip.AddrPortFrom(seg.Dst.Addr, seg.Dst.Port),
			seq: seg.Seq, ack: seg.Ack, flags: seg.Flags, win: seg.Window,
			payload: seg.PayloadLen, opts: seg.Options, ifindex: -1, dir: seg.Dir,
			tunnel: seg.Tunnel, timed: seg.Has(tcp.KnownTime), record: seg.Pos.Packet - 1,
		}
		if seg.Dir != tcp.DirUnknown {
			tr.ifindex = seg.Interface
		}
		out = append(out, tr)
	}
}
