package explain

import (
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// pkt is one crafted segment between the client 192.0.2.10:51000 and the
// server 192.0.2.80:8080.
type pkt struct {
	us       int  // microseconds after the first packet
	server   bool // sent by the server
	flags    string
	seq, ack uint32
	win      uint16
	data     int
	wscale   int // window scale option on a SYN; 0 for none
}

// craft writes packets as an Ethernet pcap, the way a capture on the
// client would hold them, and reads them back through parse.Open, so that
// the test sees exactly what the command sees.
func craft(t *testing.T, name string, pkts []pkt) []tcp.Segment {
	t.Helper()
	var buf bytes.Buffer
	w := pcapgo.NewWriter(&buf)
	if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	sb := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	t0 := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	for _, p := range pkts {
		eth := &layers.Ethernet{SrcMAC: net.HardwareAddr{2, 0, 0, 0, 0, 1}, DstMAC: net.HardwareAddr{2, 0, 0, 0, 0, 2}, EthernetType: layers.EthernetTypeIPv4}
		ip := &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolTCP, SrcIP: net.IP{192, 0, 2, 10}, DstIP: net.IP{192, 0, 2, 80}}
		tc := &layers.TCP{SrcPort: 51000, DstPort: 8080, Seq: p.seq, Ack: p.ack, Window: p.win}
		if p.server {
			ip.SrcIP, ip.DstIP = ip.DstIP, ip.SrcIP
			tc.SrcPort, tc.DstPort = tc.DstPort, tc.SrcPort
		}
		setFlags(tc, p.flags)
		if tc.SYN {
			tc.Options = append(tc.Options, layers.TCPOption{OptionType: layers.TCPOptionKindMSS, OptionLength: 4, OptionData: []byte{0x05, 0xb4}})
			if p.wscale > 0 {
				tc.Options = append(tc.Options, layers.TCPOption{OptionType: layers.TCPOptionKindNop},
					layers.TCPOption{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{byte(p.wscale)}})
			}
		}
		tc.SetNetworkLayerForChecksum(ip)
		if err := gopacket.SerializeLayers(sb, opts, eth, ip, tc, gopacket.Payload(bytes.Repeat([]byte("x"), p.data))); err != nil {
			t.Fatal(err)
		}
		ci := gopacket.CaptureInfo{Timestamp: t0.Add(time.Duration(p.us) * time.Microsecond), CaptureLength: len(sb.Bytes()), Length: len(sb.Bytes())}
		if err := w.WritePacket(ci, sb.Bytes()); err != nil {
			t.Fatal(err)
		}
	}
	return readSegments(t, bytes.NewReader(buf.Bytes()), name)
}

// setFlags sets the TCP flags from tcpdump's letters.
func setFlags(tc *layers.TCP, letters string) {
	for _, l := range letters {
		switch l {
		case 'S':
			tc.SYN = true
		case '.':
			tc.ACK = true
		case 'P':
			tc.PSH = true
		case 'F':
			tc.FIN = true
		case 'R':
			tc.RST = true
		}
	}
}

// readSegments reads every segment of an input.
func readSegments(t *testing.T, r io.Reader, name string) []tcp.Segment {
	t.Helper()
	src, err := parse.Open(r, name, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var segs []tcp.Segment
	for {
		var seg tcp.Segment
		err := src.Next(&seg)
		if errors.Is(err, io.EOF) {
			return segs
		}
		if err != nil {
			t.Fatal(err)
		}
		segs = append(segs, seg)
	}
}

// readCapture reads a capture of the repository's testdata, its segments
// named by the file's base name.
func readCapture(t *testing.T, path string) []tcp.Segment {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return readSegments(t, f, filepath.Base(path))
}
