package parse

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// tcpFrame builds an Ethernet, IPv4 and TCP frame by hand, so that every
// field can lie: flags is the 13th TCP byte, offWords the data offset,
// ipLen the IPv4 total length (-1: the right one).
type tcpFrame struct {
	flags    byte
	ae       bool // AccECN's AE bit, the low bit of byte 12
	offWords int  // TCP data offset in 32-bit words (-1: from the options)
	options  []byte
	payload  int
	ipLen    int
	ipv6     bool
}

func (f tcpFrame) bytes() []byte {
	off := f.offWords
	if off < 0 {
		off = 5 + (len(f.options)+3)/4
	}
	th := make([]byte, 20, 20+len(f.options)+3)
	binary.BigEndian.PutUint16(th[0:], 51000)
	binary.BigEndian.PutUint16(th[2:], 80)
	binary.BigEndian.PutUint32(th[4:], 0x10000000)
	binary.BigEndian.PutUint32(th[8:], 0x20000000)
	th[12] = byte(off << 4)
	if f.ae {
		th[12] |= 1
	}
	th[13] = f.flags
	binary.BigEndian.PutUint16(th[14:], 502)
	th = append(th, f.options...)
	for len(th)%4 != 0 {
		th = append(th, 0)
	}
	seg := append(th, bytes.Repeat([]byte{'x'}, f.payload)...)
	eth := []byte{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00}
	if f.ipv6 {
		eth[12], eth[13] = 0x86, 0xdd
		ip := make([]byte, 40)
		ip[0] = 0x60
		if f.ipLen < 0 {
			binary.BigEndian.PutUint16(ip[4:], uint16(len(seg)))
		} else {
			binary.BigEndian.PutUint16(ip[4:], uint16(f.ipLen))
		}
		ip[6], ip[7] = 6, 64
		ip[8], ip[9], ip[23] = 0x20, 0x01, 1
		ip[24], ip[25], ip[39] = 0x20, 0x01, 2
		return append(append(eth, ip...), seg...)
	}
	ip := []byte{0x45, 0, 0, 0, 0, 1, 0x40, 0, 64, 6, 0, 0, 192, 0, 2, 1, 198, 51, 100, 2}
	n := 20 + len(seg)
	if f.ipLen >= 0 {
		n = f.ipLen
	}
	binary.BigEndian.PutUint16(ip[2:], uint16(n))
	return append(append(eth, ip...), seg...)
}

// Flag bytes (RFC 9293 section 3.1, RFC 3168).
const (
	fFIN, fSYN, fRST, fPSH, fACK, fURG, fECE, fCWR = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80
)

// malformedCases are TCP segments that real stacks, middleboxes and
// scanners emit, or that lie about their lengths. want is what the capture
// reader makes of each: a segment whose check passes, or a malformed
// packet whose problem contains the text.
var malformedCases = []struct {
	name      string
	frame     tcpFrame
	malformed string
	check     func(s *tcp.Segment) bool
}{
	{"all flags set (a Christmas tree scan)", tcpFrame{flags: 0xff, ae: true, offWords: -1, ipLen: -1}, "",
		func(s *tcp.Segment) bool {
			return s.Flags.Has(tcp.FIN | tcp.SYN | tcp.RST | tcp.PSH | tcp.ACK | tcp.URG | tcp.ECE | tcp.CWR | tcp.AE)
		}},
	{"SYN and FIN together", tcpFrame{flags: fSYN | fFIN, offWords: -1, ipLen: -1}, "",
		func(s *tcp.Segment) bool { return s.Flags == tcp.SYN|tcp.FIN && s.Len() == 2 }},
	{"SYN and RST together", tcpFrame{flags: fSYN | fRST, offWords: -1, ipLen: -1}, "",
		func(s *tcp.Segment) bool { return s.Flags == tcp.SYN|tcp.RST }},
	{"RST carrying a diagnostic payload (RFC 9293 section 3.5.3)", tcpFrame{flags: fRST | fACK, offWords: -1, payload: 23, ipLen: -1}, "",
		func(s *tcp.Segment) bool { return s.Flags == tcp.RST|tcp.ACK && s.PayloadLen == 23 }},
	{"data offset 0", tcpFrame{flags: fACK, offWords: 0, ipLen: -1}, "TCP header length 0 is less than 20", nil},
	{"data offset 4", tcpFrame{flags: fACK, offWords: 4, ipLen: -1}, "TCP header length 16 is less than 20", nil},
	{"data offset 15 beyond the IP length", tcpFrame{flags: fACK, offWords: 15, ipLen: -1}, "TCP header length 60 exceeds", nil},
	{"an option running past the header", tcpFrame{flags: fACK, offWords: -1, options: []byte{1, 1, 99, 40}, ipLen: -1}, "",
		func(s *tcp.Segment) bool { return s.Options.Has&tcp.OptMalformed != 0 }},
	{"an option of length 0", tcpFrame{flags: fACK, offWords: -1, options: []byte{99, 0, 0, 0}, ipLen: -1}, "",
		func(s *tcp.Segment) bool { return s.Options.Has&tcp.OptMalformed != 0 }},
	{"IPv4 total length 0: captured before segmentation offload", tcpFrame{flags: fPSH | fACK, offWords: -1, payload: 3000, ipLen: 0}, "",
		func(s *tcp.Segment) bool { return s.PayloadLen == 3000 && s.Truncated }}, // cut to 200 bytes
	{"IPv4 total length 0: a BIG TCP packet over 64 KiB", tcpFrame{flags: fPSH | fACK, offWords: -1, payload: 70000, ipLen: 0}, "",
		func(s *tcp.Segment) bool { return s.PayloadLen == 70000 }},
	{"IPv6 payload length 0 without a jumbo option: BIG TCP", tcpFrame{flags: fPSH | fACK, offWords: -1, payload: 70000, ipLen: 0, ipv6: true}, "",
		func(s *tcp.Segment) bool { return s.PayloadLen == 70000 }},
	{"IPv4 total length shorter than the headers", tcpFrame{flags: fACK, offWords: -1, ipLen: 30}, "exceeds the 10 bytes the IP header declares", nil},
	{"IPv4 total length beyond the frame (cut by the capture)", tcpFrame{flags: fACK, offWords: -1, payload: 10, ipLen: 1500}, "",
		func(s *tcp.Segment) bool { return s.PayloadLen == 1460 && s.Truncated }},
	{"MPTCP MP_CAPABLE on a SYN (RFC 8684)", tcpFrame{flags: fSYN, offWords: -1, options: []byte{30, 12, 0x01, 0x81, 1, 2, 3, 4, 5, 6, 7, 8}, ipLen: -1}, "",
		func(s *tcp.Segment) bool { return s.Options.Has&tcp.OptMPTCP != 0 }},
	{"MPTCP DSS on data", tcpFrame{flags: fACK | fPSH, offWords: -1, options: []byte{30, 8, 0x20, 0x01, 0, 0, 0, 1}, payload: 10, ipLen: -1}, "",
		func(s *tcp.Segment) bool { return s.Options.Has&tcp.OptMPTCP != 0 && s.PayloadLen == 10 }},
	{"AccECN SYN: AE, CWR and ECE (RFC 9768)", tcpFrame{flags: fSYN | fECE | fCWR, ae: true, offWords: -1, ipLen: -1}, "",
		func(s *tcp.Segment) bool { return s.Flags == tcp.SYN|tcp.ECE|tcp.CWR|tcp.AE }},
	{"AccECN option (kind 172) on an ACK", tcpFrame{flags: fACK | fECE, offWords: -1, options: []byte{172, 11, 0, 0, 1, 0, 0, 2, 0, 0, 3}, ipLen: -1}, "",
		func(s *tcp.Segment) bool { return s.Flags == tcp.ACK|tcp.ECE && s.Options.Has&tcp.OptMalformed == 0 }},
}

// writeMalformedCapture writes every case as one packet of a pcap, cut to
// 200 bytes as tcpdump -s 200 would.
func writeMalformedCapture(t *testing.T, path string) {
	t.Helper()
	var buf bytes.Buffer
	w := pcapgo.NewWriter(&buf)
	if err := w.WriteFileHeader(200, layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	for i, c := range malformedCases {
		frame := c.frame.bytes()
		data := frame[:min(len(frame), 200)]
		ci := gopacket.CaptureInfo{Timestamp: t0.Add(time.Duration(i) * time.Millisecond), CaptureLength: len(data), Length: len(frame)}
		if err := w.WritePacket(ci, data); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// readEverything reads a file to its end, which must be clean.
func readEverything(t *testing.T, path string) ([]tcp.Segment, *tcp.Stats) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	segs, stats, err := readCut(t, path, data)
	if !errors.Is(err, io.EOF) {
		t.Fatalf("%s: %v", path, err)
	}
	return segs, stats
}

func TestOddAndLyingTCPFromACapture(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd.pcap")
	writeMalformedCapture(t, path)
	segs, stats := readEverything(t, path)
	byPacket := map[int]*tcp.Segment{}
	for i := range segs {
		byPacket[segs[i].Pos.Packet] = &segs[i]
	}
	problems := map[int]string{}
	for _, p := range stats.Problems {
		problems[p.Pos.Packet] = p.Msg
	}
	for i, c := range malformedCases {
		t.Run(c.name, func(t *testing.T) {
			seg, msg := byPacket[i+1], problems[i+1]
			switch {
			case c.malformed != "" && !strings.Contains(msg, c.malformed):
				t.Errorf("problem %q, segment %v; want a malformed packet with %q", msg, seg != nil, c.malformed)
			case c.malformed == "" && seg == nil:
				t.Errorf("no segment; problem %q", msg)
			case c.malformed == "" && !c.check(seg):
				t.Errorf("segment %+v", *seg)
			}
		})
	}
	if stats.Records != int64(len(malformedCases)) || stats.TCP+stats.Malformed != stats.Records {
		t.Errorf("stats %+v: every packet must be a segment or a malformed packet", stats)
	}
}

// tcpdump's rendering of the same packets: every line is a segment or a
// problem on record, and reading never stops.
func TestOddAndLyingTCPFromTcpdumpText(t *testing.T) {
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("tcpdump is not installed")
	}
	dir := t.TempDir()
	capPath := filepath.Join(dir, "odd.pcap")
	writeMalformedCapture(t, capPath)
	for _, args := range [][]string{{"-n"}, {"-n", "-v"}, {"-n", "-S", "-vv"}, {"-n", "-x"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			cmd := exec.Command("tcpdump", append(args, "-r", capPath)...)
			cmd.Env = append(os.Environ(), "TZ=UTC")
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("tcpdump: %v", err)
			}
			txt := filepath.Join(dir, "odd.txt")
			if err := os.WriteFile(txt, out, 0o644); err != nil {
				t.Fatal(err)
			}
			segs, stats := readEverything(t, txt)
			if len(segs)+len(stats.Problems) != len(malformedCases) || stats.OtherIP != 0 {
				t.Errorf("%d segments and %d problems from %d packets (stats %+v):\n%s", len(segs), len(stats.Problems), len(malformedCases), *stats, out)
			}
		})
	}
}
