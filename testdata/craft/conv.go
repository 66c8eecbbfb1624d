package main

import (
	"encoding/binary"
	"net"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

// packet is one captured frame before link-layer framing: the network-layer
// bytes, what protocol they are, which way they go and on which interface.
type packet struct {
	t       time.Time
	l3      []byte
	proto   layers.EthernetType // IPv4, IPv6 or ARP
	fromCli bool                // direction: picks MACs and the SLL packet type
	iface   int                 // pcapng interface or SLL2 ifindex choice
	caplen  int                 // bytes of the frame captured (0: all), as a snapshot length cuts it
}

// trace is the packets of one crafted file in capture order, with the
// clock that stamps them and the TCP conversations that made them.
type trace struct {
	now   time.Time
	pkts  []packet
	convs []*conv
}

// epoch is the first timestamp of every crafted file, minus one step.
var epoch = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// step is the time between two packets unless a wait says otherwise.
const step = time.Millisecond

func newTrace() *trace {
	return &trace{now: epoch}
}

// add appends a packet one step after the previous one.
func (tr *trace) add(p packet) {
	tr.now = tr.now.Add(step)
	p.t = tr.now
	tr.pkts = append(tr.pkts, p)
}

// wait moves the clock on without a packet.
func (tr *trace) wait(d time.Duration) { tr.now = tr.now.Add(d) }

// host is one end of a crafted connection and its sending state.
type host struct {
	endpoint
	nxt   uint32 // next sequence number to send
	tsval uint32 // TCP timestamp clock
	ipID  uint16
	win   uint16 // window advertised after the handshake, scaled by wscale 7
}

// conv builds one TCP conversation, keeping the arithmetic right: every
// ack is the peer's next sequence number, SYN and FIN count one.
type conv struct {
	tr       *trace
	cli, srv *host
	iface    int
	packets  int // TCP packets written, for the README's expectations

	// Knobs for the header-variety files.
	ipv4Options []layers.IPv4Option
	ipv6Ext     []byte             // extension headers between IPv6 and TCP
	ipv6ExtNext layers.IPProtocol  // the IPv6 next header when ipv6Ext is set
	synOptions  []layers.TCPOption // extra options on the SYN
	synAckExtra []layers.TCPOption // extra options on the SYN-ACK
	nextExtra   []layers.TCPOption // extra options on the next segment only
}

// Windows: 502 << 7 = 64256 bytes, the same before and after the
// handshake, so that no ACK looks like a window update.
const (
	window    = 502
	synWindow = window << 7
)

// newConv starts a conversation between cli and srv with the given ISNs.
func (tr *trace) newConv(cli, srv endpoint, cliISN, srvISN uint32) *conv {
	c := &conv{
		tr:  tr,
		cli: &host{endpoint: cli, nxt: cliISN, tsval: 1000, ipID: 0x100, win: window},
		srv: &host{endpoint: srv, nxt: srvISN, tsval: 5000, ipID: 0x200, win: window},
	}
	tr.convs = append(tr.convs, c)
	return c
}

// endpoint is an address, port and MAC of a crafted host.
type endpoint struct {
	ip   net.IP
	port uint16
	mac  net.HardwareAddr
}

var (
	macClient = net.HardwareAddr{0x02, 0, 0, 0, 0, 0x01}
	macServer = net.HardwareAddr{0x02, 0, 0, 0, 0, 0x02}

	client4 = endpoint{net.IPv4(192, 0, 2, 1).To4(), 51000, macClient}
	server4 = endpoint{net.IPv4(198, 51, 100, 2).To4(), 80, macServer}
	client6 = endpoint{net.ParseIP("2001:db8::1"), 51000, macClient}
	server6 = endpoint{net.ParseIP("2001:db8::2"), 443, macServer}
)

// withPort returns e on another port (a second connection between the same
// hosts).
func (e endpoint) withPort(p uint16) endpoint { e.port = p; return e }

// Segment flags, as bits, to keep call sites short.
const (
	fin = 1 << iota
	syn
	rst
	psh
	ack
)

// send writes one segment from the client (fromCli) or the server.
func (c *conv) send(fromCli bool, flags int, payload []byte) {
	s, r := c.srv, c.cli
	if fromCli {
		s, r = c.cli, c.srv
	}
	t := &layers.TCP{
		SrcPort: layers.TCPPort(s.port),
		DstPort: layers.TCPPort(r.port),
		Seq:     s.nxt,
		FIN:     flags&fin != 0,
		SYN:     flags&syn != 0,
		RST:     flags&rst != 0,
		PSH:     flags&psh != 0,
		ACK:     flags&ack != 0,
		Window:  s.win,
		Options: c.options(s, r, flags),
	}
	if t.ACK {
		t.Ack = r.nxt
	}
	if t.SYN {
		t.Window = synWindow
	}
	s.nxt += uint32(len(payload))
	if t.SYN {
		s.nxt++
	}
	if t.FIN {
		s.nxt++
	}
	s.tsval++
	s.ipID++
	c.packets++
	c.tr.add(packet{l3: c.ip(s, r, t, payload), proto: c.proto(), fromCli: fromCli, iface: c.iface})
}

// options: Linux's layout. SYN: MSS, SACK-permitted, timestamps, NOP,
// wscale; later segments: NOP, NOP, timestamps.
func (c *conv) options(s, r *host, flags int) []layers.TCPOption {
	ts := make([]byte, 8)
	binary.BigEndian.PutUint32(ts, s.tsval)
	if flags&ack != 0 {
		binary.BigEndian.PutUint32(ts[4:], r.tsval)
	}
	tsOpt := layers.TCPOption{OptionType: layers.TCPOptionKindTimestamps, OptionLength: 10, OptionData: ts}
	nop := layers.TCPOption{OptionType: layers.TCPOptionKindNop}
	if flags&syn != 0 {
		opts := []layers.TCPOption{
			{OptionType: layers.TCPOptionKindMSS, OptionLength: 4, OptionData: []byte{0x05, 0xb4}},
			{OptionType: layers.TCPOptionKindSACKPermitted, OptionLength: 2},
			tsOpt, nop,
			{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{7}},
		}
		if flags&ack == 0 {
			return append(opts, c.synOptions...)
		}
		return append(opts, c.synAckExtra...)
	}
	opts := append([]layers.TCPOption{nop, nop, tsOpt}, c.nextExtra...)
	c.nextExtra = nil
	return opts
}

func (c *conv) proto() layers.EthernetType {
	if c.cli.ip.To4() == nil {
		return layers.EthernetTypeIPv6
	}
	return layers.EthernetTypeIPv4
}

// ip serializes the IP packet carrying t and payload, checksums included.
func (c *conv) ip(s, r *host, t *layers.TCP, payload []byte) []byte {
	if c.proto() == layers.EthernetTypeIPv6 {
		ip6 := &layers.IPv6{Version: 6, HopLimit: 64, NextHeader: layers.IPProtocolTCP, SrcIP: s.ip, DstIP: r.ip}
		t.SetNetworkLayerForChecksum(ip6)
		seg := serialize(t, gopacket.Payload(payload))
		if c.ipv6Ext != nil {
			ip6.NextHeader = c.ipv6ExtNext
			seg = append(append([]byte{}, c.ipv6Ext...), seg...)
		}
		return serialize(ip6, gopacket.Payload(seg))
	}
	ip4 := &layers.IPv4{
		Version: 4, TTL: 64, Id: s.ipID, Flags: layers.IPv4DontFragment,
		Protocol: layers.IPProtocolTCP, SrcIP: s.ip, DstIP: r.ip, Options: c.ipv4Options,
	}
	t.SetNetworkLayerForChecksum(ip4)
	return serialize(ip4, t, gopacket.Payload(payload))
}

// handshake: SYN, SYN-ACK, ACK.
func (c *conv) handshake() {
	c.send(true, syn, nil)
	c.send(false, syn|ack, nil)
	c.send(true, ack, nil)
}

// data sends n bytes from one side and the peer's ACK of them.
func (c *conv) data(fromCli bool, n int) {
	c.send(fromCli, psh|ack, pattern(n))
	c.send(!fromCli, ack, nil)
}

// exchange is the request (7 bytes) and response (18 bytes) of the real
// clean scenario, each acknowledged.
func (c *conv) exchange() {
	c.data(true, 7)
	c.data(false, 18)
}

// closeBy: the given side sends FIN, the peer ACKs, sends its own FIN, and
// the first side ACKs it: the 4-way close.
func (c *conv) closeBy(fromCli bool) {
	c.send(fromCli, fin|ack, nil)
	c.send(!fromCli, ack, nil)
	c.send(!fromCli, fin|ack, nil)
	c.send(fromCli, ack, nil)
}

// full is the 11-packet clean conversation of the real `clean` scenario.
func (c *conv) full() *conv {
	c.handshake()
	c.exchange()
	c.closeBy(true)
	return c
}

// serialize lays out layers with lengths and checksums computed. The
// crafted layers are fixed, so a failure is a bug in this program.
func serialize(ls ...gopacket.SerializableLayer) []byte {
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	if err := gopacket.SerializeLayers(buf, opts, ls...); err != nil {
		panic(err)
	}
	return append([]byte(nil), buf.Bytes()...)
}

// pattern is n deterministic payload bytes (the peer's pattern).
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i % 251)
	}
	return b
}
