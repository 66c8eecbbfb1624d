package capture

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"time"
)

// Magic numbers of the classic pcap format, as they read in the file's own
// byte order.
const (
	pcapMagicMicro    = 0xa1b2c3d4
	pcapMagicNano     = 0xa1b23c4d
	pcapMagicModified = 0xa1b2cd34 // Kuznetzov's patched libpcap: 8 more bytes per record
)

// pcapReader reads the classic libpcap format
// (draft-ietf-opsawg-pcap): a 24-byte file header, then records with a
// 16-byte header each.
type pcapReader struct {
	r        *bufio.Reader
	order    binary.ByteOrder
	little   bool // order is little-endian: read without an interface call
	nano     bool
	extra    int // bytes of record header beyond the standard 16
	snaplen  uint32
	linkType linkType
	offset   int64
	hdr      [24]byte
	buf      []byte
}

// newPcapReader reads the file header. magic is the first four bytes.
func newPcapReader(r *bufio.Reader) (*pcapReader, error) {
	p := &pcapReader{r: r}
	if n, err := io.ReadFull(r, p.hdr[:24]); err != nil {
		return nil, fmt.Errorf("pcap file header cut short: %d of 24 bytes", n)
	}
	switch {
	case binary.LittleEndian.Uint32(p.hdr[:4])&0xffff0000 == 0xa1b20000:
		p.order = binary.LittleEndian
	default:
		p.order = binary.BigEndian
	}
	p.little = p.order == binary.LittleEndian
	switch p.order.Uint32(p.hdr[:4]) {
	case pcapMagicNano:
		p.nano = true
	case pcapMagicModified:
		p.extra = 8
	}
	p.snaplen = p.order.Uint32(p.hdr[16:20])
	// The upper bits of the link-type field carry FCS information.
	p.linkType = linkType(p.order.Uint32(p.hdr[20:24]) & 0x0fffffff)
	p.offset = 24
	return p, nil
}

func (p *pcapReader) pos() int64 { return p.offset }

func (p *pcapReader) next(rec *record) error {
	hdrLen := 16 + p.extra
	hdr, err := p.r.Peek(hdrLen)
	if len(hdr) == 0 && err == io.EOF {
		return io.EOF
	}
	if len(hdr) < hdrLen {
		return cutShort(p.offset, err, "record header cut short: %d of %d bytes", len(hdr), hdrLen)
	}
	sec, frac, capLen, origLen := p.u32(hdr[0:4]), p.u32(hdr[4:8]), p.u32(hdr[8:12]), p.u32(hdr[12:16])
	_, _ = p.r.Discard(hdrLen)
	if capLen > maxRecordLen {
		return broken(p.offset, "record claims %d captured bytes (limit %d): corrupt record header", capLen, maxRecordLen)
	}
	nsec := int64(frac) * 1000
	if p.nano {
		nsec = int64(frac)
	}
	data, err := p.data(int(capLen))
	if err != nil {
		return cutShort(p.offset, err, "record cut short: %d of %d captured bytes", len(data), capLen)
	}
	*rec = record{
		Data:      data,
		Time:      time.Unix(int64(sec), nsec).UTC(),
		OrigLen:   int(origLen),
		LinkType:  p.linkType,
		Interface: -1,
		Offset:    p.offset,
	}
	p.offset += int64(hdrLen) + int64(capLen)
	return nil
}

// data reads a record's n captured bytes: in place in the read buffer when
// they fit (valid until the next record), else into p.buf.
func (p *pcapReader) data(n int) ([]byte, error) {
	if n <= p.r.Size() {
		b, err := p.r.Peek(n)
		_, _ = p.r.Discard(len(b))
		if len(b) < n {
			return b, err
		}
		return b, nil
	}
	got, err := readInto(p.r, &p.buf, n)
	return p.buf[:got], err
}

// u32 reads a 32-bit field in the file's byte order.
func (p *pcapReader) u32(b []byte) uint32 {
	if p.little {
		return binary.LittleEndian.Uint32(b)
	}
	return binary.BigEndian.Uint32(b)
}
