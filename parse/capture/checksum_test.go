package capture

import (
	"encoding/binary"
	"net"
	"net/netip"
	"testing"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// tcpBytes serialises a TCP segment with gopacket's own checksum code.
func tcpBytes(t *testing.T, src, dst net.IP) []byte {
	t.Helper()
	var nl gopacket.NetworkLayer = &layers.IPv4{SrcIP: src, DstIP: dst, Protocol: layers.IPProtocolTCP}
	if src.To4() == nil {
		nl = &layers.IPv6{SrcIP: src, DstIP: dst, NextHeader: layers.IPProtocolTCP}
	}
	seg := &layers.TCP{SrcPort: 40000, DstPort: 80, Seq: 1, Ack: 2, ACK: true, PSH: true, Window: 512}
	if err := seg.SetNetworkLayerForChecksum(nl); err != nil {
		t.Fatal(err)
	}
	buf := gopacket.NewSerializeBuffer()
	if err := gopacket.SerializeLayers(buf, gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}, seg, gopacket.Payload("hello")); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestVerifyChecksums(t *testing.T) {
	for _, fam := range []struct {
		name     string
		src, dst net.IP
	}{{"IPv4", net.IPv4(10, 0, 0, 1), net.IPv4(10, 0, 0, 2)}, {"IPv6", net.ParseIP("2001:db8::1"), net.ParseIP("2001:db8::2")}} {
		src, _ := netip.AddrFromSlice(fam.src)
		dst, _ := netip.AddrFromSlice(fam.dst)
		ip := &ipPacket{src: src.Unmap(), dst: dst.Unmap(), proto: layers.IPProtocolTCP}
		good := tcpBytes(t, fam.src, fam.dst)
		pseudo := foldSum(onesSum(onesSum(onesSum(0, ip.src.AsSlice()), ip.dst.AsSlice()), nil) + uint32(ip.proto) + uint32(len(good)))
		tests := []struct {
			name   string
			mutate func(b []byte)
			bad    bool
			want   tcp.Checksum
		}{
			{"a correct segment is good", func([]byte) {}, false, tcp.ChecksumGood},
			{"a changed payload byte is bad", func(b []byte) { b[len(b)-1] ^= 1 }, false, tcp.ChecksumBadTCP},
			{"a pseudo-header sum only is offloaded, not bad", func(b []byte) { binary.BigEndian.PutUint16(b[16:], pseudo) }, false, tcp.ChecksumUnknown},
			{"a bad IPv4 header wins", func([]byte) {}, true, tcp.ChecksumBadIP},
		}
		for _, tt := range tests {
			t.Run(fam.name+"/"+tt.name, func(t *testing.T) {
				b := append([]byte(nil), good...)
				tt.mutate(b)
				ip.badHeader = tt.bad
				if got := verifyChecksums(ip, b); got != tt.want {
					t.Errorf("got %v, want %v", got, tt.want)
				}
			})
		}
	}
}
