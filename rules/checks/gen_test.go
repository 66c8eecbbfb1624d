package checks

import (
	"bytes"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

var gen = flag.Bool("gen", false, "regenerate the captures under testdata/checks and their tcpdump renderings")

// genEpoch is when every generated capture starts.
var genEpoch = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// genPacket is one packet of a generated capture.
type genPacket struct {
	at                      time.Time
	src, dst                genEnd
	syn, ack, fin, rst, psh bool
	seq, ackNo              uint32
	win                     uint16
	payload                 int
	fill                    byte // the payload's every byte (0: 'x')
	opts                    []layers.TCPOption
	badSum                  bool
	zeroWin                 bool   // send window 0 instead of the side's window
	ipid                    uint16 // IP ID; 0: the packet's number in the capture
}

type genEnd struct {
	ip   net.IP
	port uint16
}

// capture is a generated capture under construction: packets in order, and
// a clock.
type capture struct {
	now     time.Time
	step    time.Duration // clock advance after each packet
	packets []genPacket
}

func newCapture() *capture { return &capture{now: genEpoch, step: 10 * time.Millisecond} }

// wait advances the clock.
func (c *capture) wait(d time.Duration) { c.now = c.now.Add(d) }

// conn is a generated TCP conversation: it keeps both sides' next sequence
// numbers so that scenarios only say what happens.
type conn struct {
	c        *capture
	end      [2]genEnd // client, server
	nxt      [2]uint32
	win      [2]uint16
	synOpts  [2][]layers.TCPOption
	ts       bool
	tsval    [2]uint32
	lastSent [2]genPacket
}

const client, server = 0, 1

func (c *capture) conn(cport uint16, cisn, sisn uint32) *conn {
	cv := &conn{c: c,
		end: [2]genEnd{{net.IPv4(10, 0, 0, 1).To4(), cport}, {net.IPv4(10, 0, 0, 2).To4(), 9502}},
		nxt: [2]uint32{cisn, sisn}, win: [2]uint16{65535, 65535}}
	for d := range cv.synOpts {
		cv.synOpts[d] = []layers.TCPOption{
			{OptionType: layers.TCPOptionKindMSS, OptionLength: 4, OptionData: []byte{0x05, 0xb4}},
			nop, nop,
			{OptionType: layers.TCPOptionKindSACKPermitted, OptionLength: 2},
			nop,
			{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{0}},
		}
	}
	return cv
}

// emit sends a segment from d with explicit numbers and advances the clock.
func (cv *conn) emit(d int, p genPacket) genPacket {
	p.at, p.src, p.dst = cv.c.now, cv.end[d], cv.end[1-d]
	if p.win == 0 && !p.rst && !p.zeroWin {
		p.win = cv.win[d]
	}
	cv.lastSent[d] = p
	if cv.ts && !p.rst {
		cv.tsval[d] += 10
		ts := make([]byte, 8)
		put32(ts, cv.tsval[d])
		put32(ts[4:], cv.tsval[1-d])
		p.opts = append(p.opts[:len(p.opts):len(p.opts)], nop, nop, layers.TCPOption{OptionType: layers.TCPOptionKindTimestamps, OptionLength: 10, OptionData: ts})
	}
	cv.c.packets = append(cv.c.packets, p)
	cv.c.now = cv.c.now.Add(cv.c.step)
	return p
}

// swapLast makes the last two packets ones the network swapped: each gets
// the other's send-order stamps (options, so TSval, and IP ID), so that
// the later in the capture is the earlier sent.
func (c *capture) swapLast() {
	n := len(c.packets)
	p, q := &c.packets[n-2], &c.packets[n-1]
	p.opts, q.opts = q.opts, p.opts
	p.ipid, q.ipid = uint16(n), uint16(n-1)
}

// nop is the one-byte padding option.
var nop = layers.TCPOption{OptionType: layers.TCPOptionKindNop, OptionLength: 1}

func put32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
}

// handshake sends SYN, SYN-ACK and ACK 100µs apart.
func (cv *conn) handshake() {
	step := cv.c.step
	cv.c.step = 100 * time.Microsecond
	cv.syn()
	cv.synAck()
	cv.ack(client)
	cv.c.step = step
}

func (cv *conn) syn() {
	cv.emit(client, genPacket{syn: true, seq: cv.nxt[client], opts: cv.synOpts[client]})
	cv.nxt[client]++
}

// resend sends the previous segment of d again, unchanged.
func (cv *conn) resend(d int) { cv.emit(d, cv.lastSent[d]) }

func (cv *conn) synAck() {
	cv.emit(server, genPacket{syn: true, ack: true, seq: cv.nxt[server], ackNo: cv.nxt[client], opts: cv.synOpts[server]})
	cv.nxt[server]++
}

// ack sends a pure ACK of everything the peer sent.
func (cv *conn) ack(d int) genPacket {
	return cv.emit(d, genPacket{ack: true, seq: cv.nxt[d], ackNo: cv.nxt[1-d]})
}

// data sends n bytes at d's nxt.
func (cv *conn) data(d, n int) genPacket {
	p := cv.emit(d, genPacket{ack: true, psh: true, seq: cv.nxt[d], ackNo: cv.nxt[1-d], payload: n})
	cv.nxt[d] += uint32(n)
	return p
}

// lose advances d's nxt by n bytes that never reach the capture.
func (cv *conn) lose(d, n int) { cv.nxt[d] += uint32(n) }

func (cv *conn) fin(d int) {
	cv.emit(d, genPacket{ack: true, fin: true, seq: cv.nxt[d], ackNo: cv.nxt[1-d]})
	cv.nxt[d]++
}

// close runs an orderly close started by d: FIN, FIN-ACK, ACK.
func (cv *conn) close(d int) {
	cv.fin(d)
	cv.fin(1 - d)
	cv.ack(d)
}

// scenario is one generated capture under testdata.
type scenario struct {
	dir, name string // dir is relative to testdata
	build     func(c *capture)
}

// write serialises the capture as Ethernet/IPv4/TCP into a pcap file.
func (c *capture) write(path string) error {
	var out bytes.Buffer
	w := pcapgo.NewWriter(&out)
	if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		return err
	}
	for i, p := range c.packets {
		id := p.ipid
		if id == 0 {
			id = uint16(i + 1)
		}
		b, err := p.serialize(id)
		if err != nil {
			return fmt.Errorf("packet %d: %w", i+1, err)
		}
		ci := gopacket.CaptureInfo{Timestamp: p.at, CaptureLength: len(b), Length: len(b)}
		if err := w.WritePacket(ci, b); err != nil {
			return err
		}
	}
	return os.WriteFile(path, out.Bytes(), 0o644)
}

func (p *genPacket) serialize(id uint16) ([]byte, error) {
	eth := &layers.Ethernet{SrcMAC: net.HardwareAddr{2, 0, 0, 0, 0, p.src.ip[3]}, DstMAC: net.HardwareAddr{2, 0, 0, 0, 0, p.dst.ip[3]},
		EthernetType: layers.EthernetTypeIPv4}
	ip := &layers.IPv4{Version: 4, TTL: 64, Id: id, Flags: layers.IPv4DontFragment, Protocol: layers.IPProtocolTCP, SrcIP: p.src.ip, DstIP: p.dst.ip}
	t := &layers.TCP{SrcPort: layers.TCPPort(p.src.port), DstPort: layers.TCPPort(p.dst.port), Seq: p.seq, Ack: p.ackNo,
		SYN: p.syn, ACK: p.ack, FIN: p.fin, RST: p.rst, PSH: p.psh, Window: p.win, Options: p.opts}
	if err := t.SetNetworkLayerForChecksum(ip); err != nil {
		return nil, err
	}
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	fill := p.fill
	if fill == 0 {
		fill = 'x'
	}
	if err := gopacket.SerializeLayers(buf, opts, eth, ip, t, gopacket.Payload(bytes.Repeat([]byte{fill}, p.payload))); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if p.badSum {
		b[14+20+16] ^= 0xff // the TCP checksum's high byte
	}
	return b, nil
}

// TestGenerate writes every scenario's capture and its tcpdump rendering.
// Run with: go test ./rules/checks -run TestGenerate -gen
func TestGenerate(t *testing.T) {
	if !*gen {
		t.Skip("run with -gen to regenerate testdata/checks")
	}
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Fatal("tcpdump is needed to render the captures as text")
	}
	for _, s := range scenarios {
		dir := filepath.Join("../../testdata", s.dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		c := newCapture()
		s.build(c)
		pcap := filepath.Join(dir, s.name+".pcap")
		if err := c.write(pcap); err != nil {
			t.Fatalf("%s: %v", pcap, err)
		}
		cmd := exec.Command("tcpdump", "-n", "-r", pcap)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		text, err := cmd.Output()
		if err != nil {
			t.Fatalf("tcpdump -r %s: %v", pcap, err)
		}
		if err := os.WriteFile(filepath.Join(dir, s.name+".txt"), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
