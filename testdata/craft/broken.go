package main

import (
	"encoding/binary"
	"math/rand/v2"
)

// pcapRecords returns the offsets of the record headers of a little-endian
// pcap file.
func pcapRecords(b []byte) []int {
	var offs []int
	for off := 24; off+16 <= len(b); {
		offs = append(offs, off)
		off += 16 + int(binary.LittleEndian.Uint32(b[off+8:]))
	}
	return offs
}

// pcapngBlocks returns the offsets of the blocks of a little-endian pcapng
// file.
func pcapngBlocks(b []byte) []int {
	var offs []int
	for off := 0; off+8 <= len(b); {
		offs = append(offs, off)
		off += int(binary.LittleEndian.Uint32(b[off+4:]))
	}
	return offs
}

// truncatedRecord cuts a pcap file in the middle of its fifth record's
// packet data, as a capture killed while writing.
func truncatedRecord(pcap []byte) []byte {
	off := pcapRecords(pcap)[4]
	return append([]byte(nil), pcap[:off+16+20]...)
}

// hugeCaplen sets the third record's captured length to 0xFFFFFFF0: a
// reader that trusts it allocates 4 GiB.
func hugeCaplen(pcap []byte) []byte {
	b := append([]byte(nil), pcap...)
	binary.LittleEndian.PutUint32(b[pcapRecords(b)[2]+8:], 0xFFFFFFF0)
	return b
}

// hugeSnaplen sets the file header's snapshot length to 0xFFFFFFFF; the
// records are intact.
func hugeSnaplen(pcap []byte) []byte {
	b := append([]byte(nil), pcap...)
	binary.LittleEndian.PutUint32(b[16:], 0xFFFFFFFF)
	return b
}

// lyingBlockLength makes the third block of a pcapng file (its first
// packet block) claim 256 bytes more than it has; its trailing length
// still tells the truth.
func lyingBlockLength(ng []byte) []byte {
	b := append([]byte(nil), ng...)
	off := pcapngBlocks(b)[2]
	binary.LittleEndian.PutUint32(b[off+4:], binary.LittleEndian.Uint32(b[off+4:])+256)
	return b
}

// randomBytes is n bytes from a fixed seed: the same file on every run.
func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(2024, 5))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// notACapture is what users feed a capture tool by mistake.
const notACapture = `This is a text file, not a packet capture, although its name ends in .pcap.
A reader must say so and stop, not panic or loop.
`
