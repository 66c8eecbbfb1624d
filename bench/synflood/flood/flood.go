// Package flood writes a capture of SYNs that are never answered, each on
// a 4-tuple of its own, so that tests and the synflood command can fill a
// connection table without holding the capture in memory.
package flood

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"os"
)

// frameLen is an Ethernet, IPv4 and 20-byte TCP header: a bare SYN.
const frameLen = 14 + 20 + 20

// Write streams a pcap (microseconds, Ethernet) of n SYNs, 1 µs apart,
// from 10.x.y.z to 192.0.2.1:80. Source ports run from 1024 to 65535,
// then the source address moves on.
func Write(w io.Writer, n int) error {
	hdr := make([]byte, 24)
	binary.LittleEndian.PutUint32(hdr[0:], 0xa1b2c3d4)
	binary.LittleEndian.PutUint16(hdr[4:], 2)
	binary.LittleEndian.PutUint16(hdr[6:], 4)
	binary.LittleEndian.PutUint32(hdr[16:], 65535)
	binary.LittleEndian.PutUint32(hdr[20:], 1)
	if _, err := w.Write(hdr); err != nil {
		return err
	}
	rec := make([]byte, 16+frameLen)
	for i := range n {
		fill(rec, i)
		if _, err := w.Write(rec); err != nil {
			return err
		}
	}
	return nil
}

// fill writes the i-th SYN's record header and frame into rec.
func fill(rec []byte, i int) {
	const ports = 65536 - 1024
	us := 1_700_000_000_000_000 + int64(i)
	binary.LittleEndian.PutUint32(rec[0:], uint32(us/1e6))
	binary.LittleEndian.PutUint32(rec[4:], uint32(us%1e6))
	binary.LittleEndian.PutUint32(rec[8:], frameLen)
	binary.LittleEndian.PutUint32(rec[12:], frameLen)
	f := rec[16:]
	copy(f[0:12], []byte{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1})
	f[12], f[13] = 0x08, 0x00
	ip := f[14:34]
	host := uint32(i / ports)
	copy(ip, []byte{0x45, 0, 0, 40, 0, 0, 0x40, 0, 64, 6, 0, 0})
	binary.BigEndian.PutUint32(ip[12:], 10<<24|host+1)
	copy(ip[16:], []byte{192, 0, 2, 1})
	binary.BigEndian.PutUint16(ip[10:], 0)
	binary.BigEndian.PutUint16(ip[10:], ipChecksum(ip))
	t := f[34:54]
	binary.BigEndian.PutUint16(t[0:], uint16(1024+i%ports))
	binary.BigEndian.PutUint16(t[2:], 80)
	binary.BigEndian.PutUint32(t[4:], uint32(i)*2654435761) // an ISN per connection
	binary.BigEndian.PutUint32(t[8:], 0)
	t[12], t[13] = 5<<4, 0x02 // header length 20, SYN
	binary.BigEndian.PutUint16(t[14:], 64240)
	binary.BigEndian.PutUint32(t[16:], 0) // checksum and urgent pointer: not verified by default
}

// ipChecksum is the IPv4 header checksum (RFC 791).
func ipChecksum(h []byte) uint16 {
	var sum uint32
	for i := 0; i+1 < len(h); i += 2 {
		sum += uint32(h[i])<<8 | uint32(h[i+1])
	}
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	return ^uint16(sum)
}

// WriteFile writes the capture of n SYNs that Write streams to a new file
// at path.
func WriteFile(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	err = Write(w, n)
	return errors.Join(err, w.Flush(), f.Close())
}
