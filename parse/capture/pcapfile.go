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
	n, err := io.ReadFull(p.r, p.hdr[:hdrLen])
	if err == io.EOF {
		return io.EOF
	}
	if err != nil {
		return broken(p.offset, "record header cut short: %d of %d bytes", n, hdrLen)
	}
	sec := p.order.Uint32(p.hdr[0:4])
	frac := p.order.Uint32(p.hdr[4:8])
	capLen := p.order.Uint32(p.hdr[8:12])
	origLen := p.order.Uint32(p.hdr[12:16])
	if capLen > maxRecordLen {
		return broken(p.offset, "record claims %d captured bytes (limit %d): corrupt record header", capLen, maxRecordLen)
	}
	nsec := int64(frac) * 1000
	if p.nano {
		nsec = int64(frac)
	}
	if n, err := readInto(p.r, &p.buf, int(capLen)); err != nil {
		return broken(p.offset, "record cut short: %d of %d captured bytes", n, capLen)
	}
	data := p.buf
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
