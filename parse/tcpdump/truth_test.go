package tcpdump

import (
	"bytes"
	"errors"
	"io"
	"net/netip"
	"time"

	pcapread "github.com/pcaplint/pcaplint/parse/capture"
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
}

// groundTruth decodes the TCP packets of a pcap or pcapng file.
func groundTruth(data []byte) ([]truth, error) {
	r, err := pcapread.NewReader(bytes.NewReader(data), "truth")
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
		}
		if seg.Dir != tcp.DirUnknown {
			tr.ifindex = seg.Interface
		}
		out = append(out, tr)
	}
}
