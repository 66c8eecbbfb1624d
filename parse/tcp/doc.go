// Package tcp holds the values that flow out of pcaplint's parsers: one TCP
// Segment per packet, with its endpoints, flags, options and the position in
// the input it came from.
//
// Both readers, the capture reader (pcap, pcapng) and the tcpdump text
// reader, produce the same Segment, so that the connection tracker and the
// checks downstream cannot tell the two inputs apart. A Segment says which of
// its fields the input actually carried (Known): a tcpdump pure ACK printed
// without -vv shows no sequence number, and -q lines show no flags at all.
package tcp
