// Package capture reads packet captures, pcap and pcapng, and decodes each
// packet down to its TCP segment.
//
// Records are read with our own bounded readers rather than pcapgo's: a
// capture is hostile input, and a record length read from the file must be
// checked against the file before any buffer is sized by it; the readers also
// know the byte offset of every record, which error messages name. Decoding
// uses gopacket's layers (Ethernet, 802.1Q, Linux SLL, IPv4, IPv6, TCP, UDP,
// GRE, VXLAN, Geneve) into preallocated values, plus our own Linux SLL2
// layer, which gopacket v1.1.19 lacks. Tunnels (IP-in-IP, GRE, VXLAN,
// Geneve) are decapsulated to the inner TCP segment, as tshark does.
//
// A pcapng Simple Packet Block has no timestamp: its segment's Time is the
// Unix epoch (what tcpdump prints for it), and KnownTime is left out of
// Segment.Known.
package capture
