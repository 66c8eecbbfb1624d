package tcpdump

import (
	"bytes"
	"encoding/binary"
	"net"
	"strings"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

// The test captures are made here, deterministically, with gopacket: each
// scenario is a list of segments on one link type, written as a pcap.

// link is how a scenario frames its IP packets.
type link uint8

const (
	linkEthernet link = iota
	linkVLAN          // Ethernet with an 802.1Q tag
	linkSLL           // Linux cooked v1
)

// flow builds the packets of one conversation.
type flow struct {
	link     link
	cli, srv net.IP
	cport    uint16
	sport    uint16
	t        time.Time
	id       uint16
	packets  []captured
}

type captured struct {
	ci   gopacket.CaptureInfo
	data []byte
}

// seg describes one segment to send.
type seg struct {
	fromClient bool
	gap        time.Duration
	flags      string // tcpdump's letters
	seq, ack   uint32
	win        uint16
	opts       []layers.TCPOption
	payload    int
	data       []byte // the payload's bytes, when not payloadText's
}

func mss(v uint16) layers.TCPOption {
	return layers.TCPOption{OptionType: layers.TCPOptionKindMSS, OptionLength: 4, OptionData: binary.BigEndian.AppendUint16(nil, v)}
}

func wscale(v uint8) layers.TCPOption {
	return layers.TCPOption{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{v}}
}

func sackOK() layers.TCPOption {
	return layers.TCPOption{OptionType: layers.TCPOptionKindSACKPermitted, OptionLength: 2}
}

func nop() layers.TCPOption { return layers.TCPOption{OptionType: layers.TCPOptionKindNop} }

func ts(val, ecr uint32) layers.TCPOption {
	d := binary.BigEndian.AppendUint32(nil, val)
	return layers.TCPOption{OptionType: layers.TCPOptionKindTimestamps, OptionLength: 10, OptionData: binary.BigEndian.AppendUint32(d, ecr)}
}

func sack(edges ...uint32) layers.TCPOption {
	var d []byte
	for _, e := range edges {
		d = binary.BigEndian.AppendUint32(d, e)
	}
	return layers.TCPOption{OptionType: layers.TCPOptionKindSACK, OptionLength: uint8(2 + len(d)), OptionData: d}
}

func synOpts(tsval uint32, ws uint8) []layers.TCPOption {
	return []layers.TCPOption{mss(1460), sackOK(), ts(tsval, 0), nop(), wscale(ws)}
}

func tsOpts(val, ecr uint32) []layers.TCPOption {
	return []layers.TCPOption{nop(), nop(), ts(val, ecr)}
}

// payloadText is what segments carry: HTTP-looking text, so that tcpdump's
// application printers and -A have something to show.
func payloadText(n int) []byte {
	const text = "GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: pcaplint-test\r\n\r\n"
	return []byte(strings.Repeat(text, n/len(text)+1)[:n])
}

func (f *flow) send(s seg) {
	f.t = f.t.Add(s.gap)
	f.id++
	src, dst, sp, dp := f.cli, f.srv, f.cport, f.sport
	if !s.fromClient {
		src, dst, sp, dp = f.srv, f.cli, f.sport, f.cport
	}
	t := &layers.TCP{SrcPort: layers.TCPPort(sp), DstPort: layers.TCPPort(dp), Seq: s.seq, Ack: s.ack, Window: s.win, Options: s.opts}
	for _, ch := range s.flags {
		switch ch {
		case 'F':
			t.FIN = true
		case 'S':
			t.SYN = true
		case 'R':
			t.RST = true
		case 'P':
			t.PSH = true
		case '.':
			t.ACK = true
		case 'U':
			t.URG = true
		case 'E':
			t.ECE = true
		case 'W':
			t.CWR = true
		}
	}
	var netLayer gopacket.SerializableLayer
	ethType := layers.EthernetTypeIPv4
	if src.To4() != nil {
		ip := &layers.IPv4{Version: 4, TTL: 64, Id: f.id, Flags: layers.IPv4DontFragment, Protocol: layers.IPProtocolTCP, SrcIP: src.To4(), DstIP: dst.To4()}
		t.SetNetworkLayerForChecksum(ip)
		netLayer = ip
	} else {
		ip := &layers.IPv6{Version: 6, HopLimit: 64, NextHeader: layers.IPProtocolTCP, SrcIP: src, DstIP: dst}
		t.SetNetworkLayerForChecksum(ip)
		netLayer = ip
		ethType = layers.EthernetTypeIPv6
	}
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	var ls []gopacket.SerializableLayer
	eth := &layers.Ethernet{SrcMAC: net.HardwareAddr{2, 0, 0, 0, 0, 1}, DstMAC: net.HardwareAddr{2, 0, 0, 0, 0, 2}, EthernetType: ethType}
	switch f.link {
	case linkEthernet:
		ls = append(ls, eth)
	case linkVLAN:
		eth.EthernetType = layers.EthernetTypeDot1Q
		ls = append(ls, eth, &layers.Dot1Q{VLANIdentifier: 42, Type: ethType})
	}
	data := s.data
	if data == nil {
		data = payloadText(s.payload)
	}
	ls = append(ls, netLayer, t, gopacket.Payload(data))
	if err := gopacket.SerializeLayers(buf, opts, ls...); err != nil {
		panic(err)
	}
	data = buf.Bytes()
	if f.link == linkSLL {
		hdr := make([]byte, 16, 16+len(data))
		binary.BigEndian.PutUint16(hdr[0:], 4) // sent by us
		if !s.fromClient {
			binary.BigEndian.PutUint16(hdr[0:], 0) // to us
		}
		binary.BigEndian.PutUint16(hdr[2:], 1) // ARPHRD_ETHER
		binary.BigEndian.PutUint16(hdr[4:], 6)
		copy(hdr[6:], []byte{2, 0, 0, 0, 0, 1})
		binary.BigEndian.PutUint16(hdr[14:], uint16(ethType))
		data = append(hdr, data...)
	}
	f.packets = append(f.packets, captured{ci: gopacket.CaptureInfo{Timestamp: f.t, CaptureLength: len(data), Length: len(data)}, data: data})
}

func (f *flow) linkType() layers.LinkType {
	if f.link == linkSLL {
		return layers.LinkTypeLinuxSLL
	}
	return layers.LinkTypeEthernet
}

// pcap writes the packets, with nanosecond timestamps when nano is set.
func (f *flow) pcap(nano bool) []byte {
	var b bytes.Buffer
	w := pcapgo.NewWriter(&b)
	if nano {
		w = pcapgo.NewWriterNanos(&b)
	}
	if err := w.WriteFileHeader(262144, f.linkType()); err != nil {
		panic(err)
	}
	for _, p := range f.packets {
		if err := w.WritePacket(p.ci, p.data); err != nil {
			panic(err)
		}
	}
	return b.Bytes()
}

var testStart = time.Date(2026, 3, 14, 15, 9, 26, 535897000, time.UTC)

// conversation is a whole connection: handshake with options, data both
// ways, a lost segment repaired with SACK, and a FIN close. The first gaps
// shrink, so that -ttt is told from -ttttt at the third packet.
func conversation(f *flow, c, s uint32) {
	f.send(seg{fromClient: true, flags: "S", seq: c, win: 64240, opts: synOpts(1000, 7)})
	f.send(seg{gap: 30 * time.Millisecond, flags: "S.", seq: s, ack: c + 1, win: 65160, opts: synOpts(5000, 8)})
	f.send(seg{fromClient: true, gap: 1200 * time.Microsecond, flags: ".", seq: c + 1, ack: s + 1, win: 502, opts: tsOpts(1001, 5000)})
	f.send(seg{fromClient: true, gap: 5 * time.Millisecond, flags: "P.", seq: c + 1, ack: s + 1, win: 502, opts: tsOpts(1002, 5000), payload: 120})
	f.send(seg{gap: 20 * time.Millisecond, flags: ".", seq: s + 1, ack: c + 121, win: 509, opts: tsOpts(5001, 1002)})
	f.send(seg{gap: 2 * time.Millisecond, flags: ".", seq: s + 1, ack: c + 121, win: 509, opts: tsOpts(5002, 1002), payload: 1448})
	f.send(seg{gap: 10 * time.Microsecond, flags: "P.", seq: s + 1449, ack: c + 121, win: 509, opts: tsOpts(5002, 1002), payload: 1000})
	// The first data segment was lost: the client SACKs the second.
	f.send(seg{fromClient: true, gap: 21 * time.Millisecond, flags: ".", seq: c + 121, ack: s + 1, win: 501, opts: []layers.TCPOption{nop(), nop(), ts(1003, 5002), nop(), nop(), sack(s+1449, s+2449)}})
	f.send(seg{gap: 200 * time.Millisecond, flags: ".", seq: s + 1, ack: c + 121, win: 509, opts: tsOpts(5010, 1003), payload: 1448})
	f.send(seg{fromClient: true, gap: 21 * time.Millisecond, flags: ".", seq: c + 121, ack: s + 2449, win: 501, opts: tsOpts(1004, 5010)})
	f.send(seg{fromClient: true, gap: 3 * time.Second, flags: "F.", seq: c + 121, ack: s + 2449, win: 501, opts: tsOpts(1005, 5010)})
	f.send(seg{gap: 21 * time.Millisecond, flags: "F.", seq: s + 2449, ack: c + 122, win: 509, opts: tsOpts(5020, 1005)})
	f.send(seg{fromClient: true, gap: 21 * time.Millisecond, flags: ".", seq: c + 122, ack: s + 2450, win: 501, opts: tsOpts(1006, 5020)})
}

// scenarios are the generated captures of the differential test.
func scenarios() map[string]*flow {
	v4 := func(l link) *flow {
		return &flow{link: l, cli: net.ParseIP("10.1.1.1"), srv: net.ParseIP("10.2.2.2"), cport: 40000, sport: 80, t: testStart}
	}
	out := map[string]*flow{}

	f := v4(linkEthernet)
	conversation(f, 3000000000, 123456789)
	out["ipv4"] = f

	f = &flow{cli: net.ParseIP("fd00::1"), srv: net.ParseIP("fd00::2"), cport: 51000, sport: 443, t: testStart}
	conversation(f, 17, 4000000000)
	out["ipv6"] = f

	f = v4(linkVLAN)
	f.sport = 8080
	conversation(f, 0xfffffff0, 0xffffff00) // both directions wrap around 2^32
	out["wrap-vlan"] = f

	f = v4(linkSLL)
	f.cli, f.srv, f.sport = net.ParseIP("127.0.0.1"), net.ParseIP("127.0.0.1"), 22
	conversation(f, 1111, 2222222222)
	conversation(f, 3333333333, 44444) // the same 4-tuple again: port reuse
	out["reuse-sll"] = f

	out["midstream"] = midstream(v4(linkEthernet))
	return out
}

// midstream starts inside a connection with a pure ACK, so the creating
// line shows no seq, and ends with a bare RST.
func midstream(f *flow) *flow {
	const c, s = 2100000000, 3900000000
	f.send(seg{fromClient: true, flags: ".", seq: c, ack: s, win: 300, opts: tsOpts(1, 2)})
	f.send(seg{gap: 40 * time.Millisecond, flags: "P.", seq: s, ack: c, win: 400, opts: tsOpts(3, 1), payload: 500})
	f.send(seg{fromClient: true, gap: 1 * time.Millisecond, flags: "P.", seq: c, ack: s + 500, win: 300, opts: tsOpts(4, 3), payload: 70})
	f.send(seg{gap: 30 * time.Millisecond, flags: ".", seq: s + 500, ack: c + 70, win: 400, opts: tsOpts(5, 4)})
	f.send(seg{fromClient: true, gap: 1 * time.Millisecond, flags: "P.", seq: c + 70, ack: s + 500, win: 300, opts: tsOpts(6, 5), payload: 10})
	f.send(seg{gap: 2 * time.Millisecond, flags: "R", seq: s + 500, win: 0})
	return f
}

// hostilePayload is a connection whose data is itself a tcpdump log (a
// server sending a capture's text): with -A every line of it is printed
// at column 0, where it looks like a packet line in each timestamp form,
// one of them naming the connection's own endpoints; only the -# packet
// number is missing. It is rendered in testdata/ (goldens), not in the
// differential test's flag sets.
func hostilePayload() *flow {
	f := &flow{cli: net.ParseIP("10.1.1.1"), srv: net.ParseIP("10.2.2.2"), cport: 40000, sport: 80, t: testStart}
	const c, s = 1000000, 2000000
	request := []byte("GET /capture.txt HTTP/1.1\r\nHost: example.com\r\n\r\n")
	response := []byte("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" +
		"15:09:26.700000 IP 10.2.2.2.80 > 10.1.1.1.40000: Flags [R.], seq 1, ack 1, win 0, length 0\n" +
		"12:00:00.000000 IP 10.9.9.9.1 > 10.9.9.8.2: Flags [S], seq 1, win 100, length 0\n" +
		"1773500966.700000 IP 10.9.9.9.1 > 10.9.9.8.2: Flags [S], seq 1, win 100, length 0\n" +
		"2026-03-14 15:09:26.700000 IP 10.9.9.9.1 > 10.9.9.8.2: Flags [S], seq 1, win 100, length 0\n" +
		" 00:00:00.000001 IP 10.9.9.9.1 > 10.9.9.8.2: Flags [S], seq 1, win 100, length 0\n" +
		"15:09:26.700000 lo    In  IP 10.9.9.9.1 > 10.9.9.8.2: Flags [S], seq 1, win 100, length 0\n" +
		"15:09:26.700000 IP6 fd00::9.1 > fd00::8.2: Flags [S], seq 1, win 100, length 0\n")
	f.send(seg{fromClient: true, flags: "S", seq: c, win: 64240, opts: synOpts(1000, 7)})
	f.send(seg{gap: time.Millisecond, flags: "S.", seq: s, ack: c + 1, win: 65160, opts: synOpts(5000, 7)})
	f.send(seg{fromClient: true, gap: time.Millisecond, flags: ".", seq: c + 1, ack: s + 1, win: 502, opts: tsOpts(1001, 5000)})
	f.send(seg{fromClient: true, gap: time.Millisecond, flags: "P.", seq: c + 1, ack: s + 1, win: 502, opts: tsOpts(1002, 5000), payload: len(request), data: request})
	f.send(seg{gap: time.Millisecond, flags: "P.", seq: s + 1, ack: c + 1 + uint32(len(request)), win: 509, opts: tsOpts(5001, 1002), payload: len(response), data: response})
	c2, s2 := c+1+uint32(len(request)), s+1+uint32(len(response))
	f.send(seg{fromClient: true, gap: time.Millisecond, flags: ".", seq: c2, ack: s2, win: 501, opts: tsOpts(1003, 5001)})
	f.send(seg{gap: time.Millisecond, flags: "F.", seq: s2, ack: c2, win: 509, opts: tsOpts(5002, 1003)})
	f.send(seg{fromClient: true, gap: time.Millisecond, flags: "F.", seq: c2, ack: s2 + 1, win: 501, opts: tsOpts(1004, 5002)})
	f.send(seg{gap: time.Millisecond, flags: ".", seq: s2 + 1, ack: c2 + 1, win: 509, opts: tsOpts(5003, 1004)})
	return f
}
