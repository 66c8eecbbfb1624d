package capture

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Frames on which gopacket's layer decoders read out of bounds: each must
// be a malformed packet with a reason of ours, not a recovered panic.
func TestFramesThatBreakGopacketAreMalformedPackets(t *testing.T) {
	tests := []struct {
		name string
		link linkType
		hex  string
		want string
	}{
		{"SLL address length beyond the header", linkLinuxSLL,
			"000000003039303030303030303030303030", "address length 12345 exceeds 8"},
		{"enhanced GRE with the acknowledgment bit and no room for it", linkEthernet,
			"30303030303030303030303008004530303030300000302f3030303030303030303002fb3030", "GRE header cut short"},
		{"Geneve header of 7 bytes", linkEthernet,
			"3030303030303030303030300800453030303030000030113030303030303030303030301" +
				"7c13030303000303030303030", "Geneve header cut short"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			frame, err := hex.DecodeString(tt.hex)
			if err != nil {
				t.Fatal(err)
			}
			var d decoder
			var seg tcp.Segment
			v := d.decode(&record{Data: frame, LinkType: tt.link}, &seg)
			if v != isMalformed || !strings.Contains(d.problem, tt.want) {
				t.Errorf("verdict %d, problem %q; want malformed with %q", v, d.problem, tt.want)
			}
		})
	}
}

// A reused decoder must not keep what earlier packets carried: Geneve
// options once piled up in gopacket's reused layer.
func TestDecodingGeneveWithOptionsAllocatesNothing(t *testing.T) {
	frame := ethernetIPv4UDP(6081, geneveWithOption())
	var d decoder
	var seg tcp.Segment
	rec := record{Data: frame, LinkType: linkEthernet}
	allocs := testing.AllocsPerRun(1000, func() { d.decode(&rec, &seg) })
	if allocs != 0 {
		t.Errorf("%.1f allocations per Geneve packet, want 0", allocs)
	}
}

// geneveWithOption is a Geneve header with one 8-byte option, carrying an
// Ethernet frame that is too short to matter.
func geneveWithOption() []byte {
	h, _ := hex.DecodeString("02006558" + "00002a00" + "01020300" + "aabbccdd")
	return append(h, make([]byte, 14)...)
}

// ethernetIPv4UDP wraps payload in Ethernet, IPv4 and UDP to dstPort, with
// lengths right and checksums zero.
func ethernetIPv4UDP(dstPort uint16, payload []byte) []byte {
	b := make([]byte, 14, 14+28+len(payload))
	b[12], b[13] = 0x08, 0x00
	ipLen := 28 + len(payload)
	b = append(b, 0x45, 0, byte(ipLen>>8), byte(ipLen), 0, 0, 0, 0, 64, 17, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2)
	udpLen := 8 + len(payload)
	b = append(b, 0xc3, 0xcb, byte(dstPort>>8), byte(dstPort), byte(udpLen>>8), byte(udpLen), 0, 0)
	return append(b, payload...)
}

// An IPv4 total length of 0 leaves the length to the capture; a record
// whose original length lies cannot make the payload wrap or exceed what
// a record may hold.
func TestGSOLengthFromALyingOriginalLength(t *testing.T) {
	frame, _ := hex.DecodeString("020000000002" + "020000000001" + "0800" + // Ethernet
		"45000000" + "00014000" + "40060000" + "c0000201" + "c6336402" + // IPv4, total length 0
		"c7380050" + "10000000" + "20000000" + "501801f6" + "00000000") // TCP, PSH ACK
	for _, orig := range []int{len(frame), len(frame) + 1000, 1 << 31, -5} {
		var d decoder
		var seg tcp.Segment
		v := d.decode(&record{Data: frame, OrigLen: orig, LinkType: linkEthernet}, &seg)
		if v != isTCP {
			t.Fatalf("original length %d: verdict %d (%s)", orig, v, d.problem)
		}
		want := uint32(min(max(orig-len(frame), 0), maxRecordLen))
		if seg.PayloadLen != want {
			t.Errorf("original length %d: payload %d, want %d", orig, seg.PayloadLen, want)
		}
	}
}
