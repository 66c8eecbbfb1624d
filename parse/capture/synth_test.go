package capture

import (
	"bytes"
	"net"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

// synthCapture writes a pcap of n segments: conns connections, each a
// handshake followed by data and ACKs, interleaved.
func synthCapture(tb testing.TB, conns, perConn int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	w := pcapgo.NewWriter(&buf)
	if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		tb.Fatal(err)
	}
	payload := bytes.Repeat([]byte("x"), 100)
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	sb := gopacket.NewSerializeBuffer()
	t0 := time.Unix(1700000000, 0)
	for i := 0; i < perConn; i++ {
		for c := 0; c < conns; c++ {
			eth := &layers.Ethernet{SrcMAC: net.HardwareAddr{2, 0, 0, 0, 0, 1}, DstMAC: net.HardwareAddr{2, 0, 0, 0, 0, 2}, EthernetType: layers.EthernetTypeIPv4}
			ip := &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolTCP, SrcIP: net.IP{10, 0, 0, 1}, DstIP: net.IP{10, 0, 0, 2}}
			tc := &layers.TCP{SrcPort: layers.TCPPort(40000 + c), DstPort: 80, Window: 512}
			fromServer := i%2 == 1
			if fromServer {
				ip.SrcIP, ip.DstIP = ip.DstIP, ip.SrcIP
				tc.SrcPort, tc.DstPort = tc.DstPort, tc.SrcPort
			}
			var data []byte
			switch {
			case i == 0:
				tc.SYN, tc.Seq = true, 1000
			case i == 1:
				tc.SYN, tc.ACK, tc.Seq, tc.Ack = true, true, 5000, 1001
			default:
				tc.ACK = true
				k := uint32(i / 2)
				if fromServer {
					tc.Seq, tc.Ack = 5001, 1001+k*100
				} else {
					tc.Seq, tc.Ack = 1001+(k-1)*100, 5001
					data = payload
				}
			}
			tc.Options = []layers.TCPOption{{OptionType: layers.TCPOptionKindTimestamps, OptionLength: 10, OptionData: make([]byte, 8)}}
			tc.SetNetworkLayerForChecksum(ip)
			if err := gopacket.SerializeLayers(sb, opts, eth, ip, tc, gopacket.Payload(data)); err != nil {
				tb.Fatal(err)
			}
			ci := gopacket.CaptureInfo{Timestamp: t0.Add(time.Duration(i*conns+c) * time.Microsecond), CaptureLength: len(sb.Bytes()), Length: len(sb.Bytes())}
			if err := w.WritePacket(ci, sb.Bytes()); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return buf.Bytes()
}
