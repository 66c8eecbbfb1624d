// Command craft writes the crafted captures of testdata/captures/craft and
// their README, deterministically: fixed timestamps, ISNs and seeds, so a
// rerun changes no byte.
//
//	go run ./testdata/craft [-out DIR]
//
// Every conversation is valid TCP (handshake arithmetic, ACKs) unless the
// file's name says otherwise, so tests can assert "no finding" on them.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// file is one crafted file: its name, what it holds, and its bytes. tr is
// the trace it was made from, whose conversations give the expected counts;
// expect overrides them (broken files).
type file struct {
	name   string
	doc    string
	tr     *trace
	bytes  []byte
	expect string
}

// pcapFile is a little-endian microsecond pcap of tr framed by fr.
func pcapFile(name, doc string, tr *trace, fr framer) file {
	return file{name: name, doc: doc, tr: tr, bytes: encodePcap(tr, fr, false)}
}

func files() []file {
	eth := ethernet()
	cleanPcap := encodePcap(clean(), eth, false)
	twoIfaces := scripted(interleaved)
	twoIfacesNg := encodePcapNg(twoIfaces, []framer{eth, raw()}, []string{"eth0", "tun0"})
	cleanNg := encodePcapNg(clean(), []framer{eth}, []string{"eth0"})
	sll2Host := func(p packet) (uint32, uint8) { return 2, uint8(pktType(p)) }
	sll2Bridge := func(p packet) (uint32, uint8) {
		if p.iface == 0 {
			return 1, packetOutgoing
		}
		return 2, packetHost
	}
	typed := cycledPktType()
	broken := func(name, doc string, b []byte, expect string) file {
		return file{name: name, doc: doc, bytes: b, expect: expect}
	}

	fs := []file{
		// File formats.
		{name: "ethernet.pcap", doc: "pcap, µs, little-endian (a1b2c3d4), Ethernet: the clean conversation (192.0.2.1:51000 → 198.51.100.2:80)", tr: clean(), bytes: cleanPcap},
		{name: "ethernet-ns.pcap", doc: "pcap, ns (magic a1b23c4d), Ethernet: the clean conversation", tr: clean(), bytes: encodePcap(clean(), eth, true)},
		{name: "ethernet-be.pcap", doc: "pcap, µs, big-endian (bytes a1 b2 c3 d4), Ethernet: the clean conversation", tr: clean(), bytes: encodePcapBigEndian(clean(), eth)},
		{name: "two-interfaces.pcapng", doc: "pcapng, interface 0 `eth0` Ethernet with an IPv4 conversation, interface 1 `tun0` raw IP with an IPv6 one ([2001:db8::1]:51000 → [2001:db8::2]:443, closed by the server), interleaved; ns resolution", tr: twoIfaces, bytes: twoIfacesNg},
		{name: "spb.pcapng", doc: "pcapng of Simple Packet Blocks (no timestamps: all 0), Ethernet: the clean conversation", tr: clean(), bytes: encodeSimplePackets(clean(), eth)},
		{name: "ethernet.pcap.gz", doc: "gzip of ethernet.pcap", tr: clean(), bytes: gz(cleanPcap)},
		{name: "two-interfaces.pcapng.gz", doc: "gzip of two-interfaces.pcapng", tr: twoIfaces, bytes: gz(twoIfacesNg)},
		{name: "empty-valid.pcap", doc: "pcap file header only: valid, no packets", tr: newTrace(), bytes: encodePcap(newTrace(), eth, false)},

		// Link types.
		pcapFile("vlan.pcap", "Ethernet + 802.1Q tag (VLAN 100)", clean(), ethernet(100)),
		pcapFile("qinq.pcap", "Ethernet + 802.1ad S-tag (VLAN 200, ethertype 88a8) + 802.1Q C-tag (VLAN 100)", clean(), ethernet(200, 100)),
		pcapFile("sll.pcap", "Linux cooked v1 (link type 113): client's packets `In` (type 0), server's `Out` (type 4)", clean(), sll()),
		pcapFile("sll2.pcap", "Linux cooked v2 (link type 276), ifindex 2: client's packets `In`, server's `Out`", clean(), sll2(sll2Host)),
		pcapFile("raw-ipv4.pcap", "LINKTYPE_RAW (101), IPv4", clean(), raw()),
		pcapFile("raw-ipv6.pcap", "LINKTYPE_RAW (101), IPv6 ([2001:db8::1]:51000 → [2001:db8::2]:443)", clean6(), raw()),
		pcapFile("null.pcap", "BSD NULL (link type 0): AF_INET (2) as a little-endian (host order) word", clean(), null()),
		pcapFile("loop.pcap", "OpenBSD LOOP (link type 108): AF_INET (2) in network order", clean(), loop()),
		pcapFile("ethernet-ipv6.pcap", "Ethernet, IPv6: the clean conversation", clean6(), eth),
		pcapFile("null-ipv6.pcap", "BSD NULL, IPv6 with AF_INET6 = 24 (NetBSD, OpenBSD): `AF IPv6 (24)` with -e", clean6(), nullFamily(afInet6BSD)),
		pcapFile("null-ipv6-darwin.pcap", "BSD NULL, IPv6 with AF_INET6 = 30, as macOS's lo0 records it: `AF IPv6 (30)` with -e", clean6(), nullFamily(afInet6Darwin)),
		pcapFile("linktype-ipv4.pcap", "LINKTYPE_IPV4 (228): bare IPv4", clean(), bareIP(linkTypeIPv4)),
		pcapFile("linktype-ipv6.pcap", "LINKTYPE_IPV6 (229): bare IPv6", clean6(), bareIP(linkTypeIPv6)),
		pcapFile("sll-pkttypes.pcap", "Linux cooked v1: the client's packets to this host, broadcast, multicast and to another host in turn (`In`, `B`, `M`, `P` with -e), the server's `Out`", clean(), sllTyped(cycledPktType())),
		pcapFile("sll2-pkttypes.pcap", "Linux cooked v2, ifindex 2, packet types as in sll-pkttypes.pcap", clean(), sll2(func(p packet) (uint32, uint8) { return 2, uint8(typed(p)) })),

		// Tunnels.
		pcapFile("ipip.pcap", "Ethernet / IPv4 203.0.113.1↔.2 proto 4 / the clean IPv4 conversation", clean(), ipip(1)),
		pcapFile("ipip-nested.pcap", "Ethernet / IPv4 (203.0.113.1↔.2) / IPv4 (203.0.113.11↔.12) / the clean conversation: IP-in-IP twice", clean(), ipip(2)),
		pcapFile("gre.pcap", "Ethernet / IPv4 proto 47 / GRE (protocol 0800, no options) / the clean conversation", clean(), gre()),
		pcapFile("vxlan.pcap", "Ethernet / IPv4 / UDP 50123→4789 / VXLAN VNI 42 / inner Ethernet / the clean conversation", clean(), vxlan()),
		pcapFile("geneve.pcap", "Ethernet / IPv4 / UDP 50123→6081 / Geneve VNI 42 (protocol 6558) / inner Ethernet / the clean conversation", clean(), geneve()),

		// Header variety.
		pcapFile("ipv4-options.pcap", "every IPv4 header has options: Router Alert, NOP, empty Record Route (IHL 9)", scripted(ipv4Options), eth),
		pcapFile("ipv6-ext-headers.pcap", "every IPv6 packet has hop-by-hop and destination options headers (PadN) before TCP", ipv6ExtHeaders(), eth),
		pcapFile("tcp-options-sack-retransmit.pcap", "SYN: MSS, SACK-permitted, TS, NOP, wscale 7, TFO cookie request (kind 34, len 2); SYN-ACK: the same + TFO cookie (kind 34, len 10); first data segment: unknown kind 99 len 4. The client's first 100-byte segment (#4) is lost after the capture point: the server's ACK #6 stops at it with SACK {101:201}, #7 retransmits it (info `retransmission`; nothing else)", scripted(tcpOptions), eth),
		pcapFile("lan-noise.pcap", "one frame of each kind a busy Ethernet segment shows besides TCP (ARP request and reply, ARP in 802.1Q VLAN 10, STP, LLDP, CDP, EAPOL, an unknown ethertype 88b5, IGMP, ICMP echo and port unreachable, UDP DNS, mDNS, DHCP, NTP, SSDP, NetBIOS and to port 9, ICMPv6 neighbour solicitation and advertisement, router solicitation, MLD report): 22 frames, then the clean conversation; its renderings with -e, -v and -e -v too", scripted(lanNoise), eth),
		pcapFile("lan-noise-any.pcap", "lan-noise.pcap framed in Linux cooked v2 (ifindex 2, `In` and `Out` as in sll2.pcap; LLC frames as protocol 0004), as `tcpdump -i any` records it", scripted(lanNoise), sll2(sll2Host)),
		pcapFile("mixed-non-tcp.pcap", "the clean conversation with ARP request/reply, ICMP echo request/reply, UDP 53000→9 query/answer and a UDP datagram in two IPv4 fragments (1000 + 200 bytes) between its packets: 9 non-TCP frames", scripted(mixed), eth),

		// Tracker cases.
		pcapFile("port-reuse.pcap", "two complete connections on one 4-tuple; the second SYN (ISN 0x50000000) 2 s after the first closed (ISN 0x10000000): `port-reuse`", scripted(portReuse), eth),
		pcapFile("seq-wraparound.pcap", "client ISN 0xFFFFFF00, server ISN 0xFFFFFC18, 1000 bytes each way in 250-byte segments: both sequence spaces wrap; no finding", scripted(seqWrap), eth),
		pcapFile("midstream.pcap", "no handshake: the first packet is 1000 bytes from the server (port 80), then 100 from the client, 500 from the server, 4-way close: `handshake-not-captured` only", midstream(), eth),
		pcapFile("any-duplicate.pcap", "SLL2 like `tcpdump -i any` on a bridge: every packet of the clean conversation twice, ifindex 1 `Out` then ifindex 2 `In` 10 µs later; must count as one packet each (tshark counts both)", duplicated(clean()), sll2(sll2Bridge)),

		// Broken files, for the hardening tests.
		broken("broken-truncated-record.pcap", "ethernet.pcap cut 20 bytes into the 5th record's packet data", truncatedRecord(cleanPcap), "4 packets, then a truncation error"),
		broken("broken-caplen-huge.pcap", "ethernet.pcap with the 3rd record's caplen set to 0xFFFFFFF0", hugeCaplen(cleanPcap), "2 packets, then an error, with no 4 GiB allocation (tcpdump: 2 packets, then `invalid packet capture length`; tshark guesses another pcap variant and reads 3 garbled frames)"),
		{name: "snaplen-huge.pcap", doc: "ethernet.pcap with the file header's snaplen set to 0xFFFFFFFF; records intact", tr: clean(), bytes: hugeSnaplen(cleanPcap)},
		broken("broken-pcapng-block-length.pcapng", "ethernet.pcapng (SHB, IDB, EPBs) with the first EPB's leading block length 256 bytes too large (its trailing length disagrees)", lyingBlockLength(cleanNg), "error at the first packet block"),
		broken("broken-random.pcap", "4096 random bytes (PCG seed 2024, 5)", randomBytes(4096), "error: not a capture"),
		broken("broken-empty.pcap", "0 bytes", nil, "error: empty file"),
		broken("broken-text.pcap", "two lines of English text", []byte(notACapture), "error: not a capture"),
	}
	for _, c := range checks() {
		fs = append(fs, pcapFile("check-"+c.id+".pcap", c.expect, c.tr, eth))
	}
	return fs
}

func main() {
	out := flag.String("out", "testdata/captures/craft", "directory to write into")
	flag.Parse()
	if err := write(*out, files()); err != nil {
		fmt.Fprintln(os.Stderr, "craft:", err)
		os.Exit(1)
	}
}

func write(dir string, fs []file) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range fs {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.bytes, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "README.md"), readme(fs), 0o644)
}

// expectation says how many TCP connections f holds and how many packets
// each, as pcaplint should count them.
func (f file) expectation() string {
	if f.expect != "" {
		return f.expect
	}
	if len(f.tr.convs) == 0 {
		return "0 connections"
	}
	counts := make([]string, len(f.tr.convs))
	for i, c := range f.tr.convs {
		counts[i] = fmt.Sprint(c.packets)
	}
	return fmt.Sprintf("%d: %s", len(f.tr.convs), strings.Join(counts, ", "))
}

func readme(fs []file) []byte {
	var b strings.Builder
	b.WriteString(`# Crafted captures

Written by ` + "`go run ./testdata/craft`" + ` (testdata/craft/*.go, gopacket v1.1.19) with
fixed timestamps (from 2024-05-06 07:08:09.001 UTC, 1 ms apart), ISNs and seeds:
a rerun changes no byte. Do not edit these files by hand; change the program.

The clean conversation is the crafted twin of the real ` + "`clean`" + ` recording:
192.0.2.1:51000 → 198.51.100.2:80 (or [2001:db8::1]:51000 → [2001:db8::2]:443),
client ISN 0x10000000, server ISN 0x20000000, handshake with MSS 1460, SACK-permitted,
timestamps and wscale 7, a 7-byte request and an 18-byte response each acknowledged,
then a 4-way close started by the client: 11 packets, Zeek ` + "`SF`" + `, no finding.
Every conversation is valid TCP unless its file's name says otherwise.

Every readable file has tcpdump's rendering beside it (` + "`NAME.txt`, `NAME.pcapng.txt`" + `), made by
` + "`bash testdata/craft/render.sh`" + ` (` + "`tcpdump -n -r`" + `, TZ=UTC, tcpdump 4.99.3); those that are not
check cases also with the link layer shown (` + "`NAME.e.txt`: `-n -e`, `NAME.e-v.txt`: `-n -e -v`, `NAME.vv-e-tttt.txt`: `-n -vv -e -tttt`, `NAME.t-e.txt`: `-n -t -e`" + `), and lan-noise* with
` + "`-n -v` and `-n -t -v`" + ` too. Things a text
parser meets there: VXLAN's inner packet starts a line of its own, unindented; Geneve,
GRE and IP-in-IP print the outer headers first on the same line; ` + "`[bad opt]`" + ` ends a
line early (no ` + "`length`" + `, check-bad-options); SLL2 lines carry interface names, which
tcpdump resolves from ifindex on the machine that renders (` + "`lo`, `ifb0`" + ` here); SPB
packets have no time (00:00:00.000000).

The check-*.pcap files each break the one rule of docs/design/checks.md their name
gives; the expected findings, with packet numbers (#1 is the first packet of the file),
are in the contents column.

"connections" is what pcaplint should count: the number of TCP connections, then the
TCP packets of each in order of their first packet. tshark's own view is in
` + "`../manifest.tsv`" + `.

| file | contents | connections: packets each |
|---|---|---|
`)
	for _, f := range fs {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", f.name, f.doc, f.expectation())
	}
	return []byte(b.String())
}
