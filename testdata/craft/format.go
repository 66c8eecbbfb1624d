package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

// snaplen of every crafted file: tcpdump's default.
const snaplen = 262144

// captureInfo is the record header for frame at packet p, and the bytes
// the record holds: the whole frame, or its first p.caplen bytes.
func captureInfo(p packet, frame []byte) (gopacket.CaptureInfo, []byte) {
	held := frame
	if p.caplen > 0 && p.caplen < len(frame) {
		held = frame[:p.caplen]
	}
	return gopacket.CaptureInfo{Timestamp: p.t, CaptureLength: len(held), Length: len(frame), InterfaceIndex: p.iface}, held
}

// encodePcap writes a little-endian pcap file, with microsecond or
// nanosecond timestamps (magic a1b2c3d4 or a1b23c4d).
func encodePcap(tr *trace, fr framer, nanos bool) []byte {
	var buf bytes.Buffer
	w := pcapgo.NewWriter(&buf)
	if nanos {
		w = pcapgo.NewWriterNanos(&buf)
	}
	must(w.WriteFileHeader(snaplen, layers.LinkType(fr.link)))
	for _, p := range tr.pkts {
		frame := fr.frame(p)
		must(w.WritePacket(captureInfo(p, frame)))
	}
	b := buf.Bytes()
	// The header's link type field is 32 bits wide; gopacket's LinkType is
	// 8, so a bigger one (SLL2) is written here.
	binary.LittleEndian.PutUint32(b[20:], fr.link)
	return b
}

// encodePcapBigEndian writes a pcap file as a big-endian host would:
// gopacket's writer only writes little-endian.
func encodePcapBigEndian(tr *trace, fr framer) []byte {
	be := binary.BigEndian
	b := be.AppendUint32(nil, 0xa1b2c3d4)
	b = be.AppendUint16(b, 2)
	b = be.AppendUint16(b, 4)
	b = be.AppendUint32(b, 0) // thiszone
	b = be.AppendUint32(b, 0) // sigfigs
	b = be.AppendUint32(b, snaplen)
	b = be.AppendUint32(b, fr.link)
	for _, p := range tr.pkts {
		frame := fr.frame(p)
		b = be.AppendUint32(b, uint32(p.t.Unix()))
		b = be.AppendUint32(b, uint32(p.t.Nanosecond()/1000))
		b = be.AppendUint32(b, uint32(len(frame)))
		b = be.AppendUint32(b, uint32(len(frame)))
		b = append(b, frame...)
	}
	return b
}

// ngSection is the section header's options, fixed so that the output
// does not depend on the machine that runs this program.
var ngSection = pcapgo.NgWriterOptions{SectionInfo: pcapgo.NgSectionInfo{
	Application: "pcaplint testdata/craft", OS: "Linux",
}}

// encodePcapNg writes a pcapng file with one interface per framer, named
// by names; a packet goes to the interface its iface field names.
func encodePcapNg(tr *trace, frs []framer, names []string) []byte {
	var buf bytes.Buffer
	intf := func(i int) pcapgo.NgInterface {
		return pcapgo.NgInterface{Name: names[i], OS: "Linux", LinkType: layers.LinkType(frs[i].link), SnapLength: snaplen, TimestampResolution: 9}
	}
	w, err := pcapgo.NewNgWriterInterface(&buf, intf(0), ngSection)
	must(err)
	for i := 1; i < len(frs); i++ {
		_, err := w.AddInterface(intf(i))
		must(err)
	}
	for _, p := range tr.pkts {
		frame := frs[p.iface].frame(p)
		must(w.WritePacket(captureInfo(p, frame)))
	}
	must(w.Flush())
	return buf.Bytes()
}

// pcapng block types written by hand.
const (
	ngSectionHeader  = 0x0A0D0D0A
	ngInterfaceDesc  = 0x00000001
	ngSimplePacket   = 0x00000003
	ngByteOrderMagic = 0x1A2B3C4D
	ngBlockOverhead  = 12 // type, total length, trailing total length
)

// ngBlock lays out one little-endian pcapng block around body, padding
// the body to 32 bits.
func ngBlock(typ uint32, body []byte) []byte {
	le := binary.LittleEndian
	pad := (4 - len(body)%4) % 4
	total := uint32(ngBlockOverhead + len(body) + pad)
	b := le.AppendUint32(nil, typ)
	b = le.AppendUint32(b, total)
	b = append(b, body...)
	b = append(b, make([]byte, pad)...)
	return le.AppendUint32(b, total)
}

// encodeSimplePackets writes a pcapng file whose packets are Simple Packet
// Blocks (no timestamp, no interface id: interface 0 is implied), after a
// bare section header and interface description.
func encodeSimplePackets(tr *trace, fr framer) []byte {
	le := binary.LittleEndian
	shb := le.AppendUint32(nil, ngByteOrderMagic)
	shb = le.AppendUint16(shb, 1)
	shb = le.AppendUint16(shb, 0)
	shb = le.AppendUint64(shb, ^uint64(0)) // section length unknown
	idb := le.AppendUint16(nil, uint16(fr.link))
	idb = le.AppendUint16(idb, 0)
	idb = le.AppendUint32(idb, snaplen)
	b := append(ngBlock(ngSectionHeader, shb), ngBlock(ngInterfaceDesc, idb)...)
	for _, p := range tr.pkts {
		frame := fr.frame(p)
		b = append(b, ngBlock(ngSimplePacket, append(le.AppendUint32(nil, uint32(len(frame))), frame...))...)
	}
	return b
}

// gz compresses b with no name and no time in the gzip header, so the
// output is the same on every run.
func gz(b []byte) []byte {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	must(err)
	_, err = w.Write(b)
	must(err)
	must(w.Close())
	return buf.Bytes()
}

// must stops the program on an error that only a bug here can cause.
func must(err error) {
	if err != nil {
		panic(err)
	}
}
