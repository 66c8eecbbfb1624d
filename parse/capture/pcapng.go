package capture

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// pcapng block types (draft-ietf-opsawg-pcapng).
const (
	ngSectionHeader   = 0x0a0d0d0a
	ngInterface       = 0x00000001
	ngObsoletePacket  = 0x00000002
	ngSimplePacket    = 0x00000003
	ngInterfaceStats  = 0x00000005
	ngEnhancedPacket  = 0x00000006
	ngByteOrderMagic  = 0x1a2b3c4d
	ngOptEnd          = 0
	ngOptIfTsresol    = 9
	ngOptIfTsoffset   = 14
	ngOptIsbIfdrop    = 5 // packets the interface dropped for lack of resources
	ngOptIsbOsdrop    = 7 // packets the operating system dropped
	ngMaxInterfaces   = 1 << 16
	ngDefaultTsPerSec = 1e6
)

// ngInterfaceInfo is what an Interface Description Block tells about the
// packets of its interface.
type ngInterfaceInfo struct {
	linkType linkType
	snaplen  uint32
	tsPerSec float64 // timestamp units per second (if_tsresol)
	tsOffset int64   // seconds added to every timestamp (if_tsoffset)
	// drops is the interface's latest Interface Statistics Block count of
	// packets dropped before they were recorded (isb_ifdrop + isb_osdrop):
	// the counters are totals since the capture started, so the last
	// block holds the interface's whole count.
	drops    uint64
	hasDrops bool
}

// ngReader reads pcapng files: any number of sections, each with its own
// byte order and interfaces, interfaces of different link types mixed.
type ngReader struct {
	r      *bufio.Reader
	order  binary.ByteOrder
	ifaces []ngInterfaceInfo
	offset int64
	hdr    [28]byte
	buf    []byte
	// stats receives the drop counts of Interface Statistics Blocks, as
	// tcpdump's "packets dropped by kernel" line gives them for a log;
	// endedDrops and endedReports are those of the sections already read.
	stats        *tcp.Stats
	endedDrops   int64
	endedReports int64
}

func newNgReader(r *bufio.Reader, stats *tcp.Stats) *ngReader {
	return &ngReader{r: r, order: binary.LittleEndian, stats: stats}
}

func (n *ngReader) pos() int64 { return n.offset }

// next reads blocks until a packet block, handling section and interface
// blocks on the way and skipping the others.
func (n *ngReader) next(rec *record) error {
	for {
		start := n.offset
		got, err := io.ReadFull(n.r, n.hdr[:8])
		if err == io.EOF {
			return io.EOF
		}
		if err != nil {
			return cutShort(start, err, "block header cut short: %d of 8 bytes", got)
		}
		typ := n.order.Uint32(n.hdr[:4])
		if binary.LittleEndian.Uint32(n.hdr[:4]) == ngSectionHeader {
			typ = ngSectionHeader
			if err := n.readByteOrder(); err != nil {
				return broken(start, "%v", err)
			}
		}
		length := n.order.Uint32(n.hdr[4:8])
		if length < 12 || length%4 != 0 || length > maxRecordLen+64 {
			return broken(start, "block of type 0x%08x has impossible length %d", typ, length)
		}
		body, err := n.readBody(typ, length)
		if err != nil {
			return broken(start, "%v", err)
		}
		n.offset += int64(length)
		switch typ {
		case ngSectionHeader:
			n.endSection()
			n.ifaces = n.ifaces[:0]
		case ngInterfaceStats:
			if err := n.addStatistics(body); err != nil {
				return broken(start, "%v", err)
			}
		case ngInterface:
			if err := n.addInterface(body); err != nil {
				return broken(start, "%v", err)
			}
		case ngEnhancedPacket, ngObsoletePacket, ngSimplePacket:
			if err := n.packet(typ, body, start, rec); err != nil {
				return broken(start, "%v", err)
			}
			return nil
		}
	}
}

// readByteOrder reads a section header's byte-order magic, which fixes the
// byte order of everything up to the next section.
func (n *ngReader) readByteOrder() error {
	if got, err := io.ReadFull(n.r, n.hdr[8:12]); err != nil {
		return fmt.Errorf("section header cut short: %d of 12 bytes", 8+got)
	}
	switch {
	case binary.LittleEndian.Uint32(n.hdr[8:12]) == ngByteOrderMagic:
		n.order = binary.LittleEndian
	case binary.BigEndian.Uint32(n.hdr[8:12]) == ngByteOrderMagic:
		n.order = binary.BigEndian
	default:
		return fmt.Errorf("section header has no byte-order magic (found 0x%08x)", binary.LittleEndian.Uint32(n.hdr[8:12]))
	}
	return nil
}

// readBody reads the rest of a block (after the 8-byte header, and after
// the byte-order magic of a section header) and checks the trailing length.
func (n *ngReader) readBody(typ, length uint32) ([]byte, error) {
	already := uint32(8)
	if typ == ngSectionHeader {
		already = 12
	}
	if length < already+4 {
		return nil, fmt.Errorf("block of type 0x%08x has impossible length %d", typ, length)
	}
	rest := int(length - already)
	if got, err := readInto(n.r, &n.buf, rest); err != nil {
		return nil, fmt.Errorf("block of type 0x%08x cut short: %d of %d bytes", typ, int(already)+got, length)
	}
	b := n.buf
	if trailer := n.order.Uint32(b[rest-4:]); trailer != length {
		return nil, fmt.Errorf("block of type 0x%08x: leading length %d and trailing length %d differ", typ, length, trailer)
	}
	return b[:rest-4], nil
}

func (n *ngReader) addInterface(body []byte) error {
	if len(body) < 8 {
		return fmt.Errorf("interface description block too short: %d bytes", len(body))
	}
	if len(n.ifaces) >= ngMaxInterfaces {
		return fmt.Errorf("more than %d interfaces in one section", ngMaxInterfaces)
	}
	info := ngInterfaceInfo{
		linkType: linkType(n.order.Uint16(body[0:2])),
		snaplen:  n.order.Uint32(body[4:8]),
		tsPerSec: ngDefaultTsPerSec,
	}
	n.eachOption(body[8:], func(code uint16, val []byte) {
		switch {
		case code == ngOptIfTsresol && len(val) >= 1:
			info.tsPerSec = tsResolution(val[0])
		case code == ngOptIfTsoffset && len(val) >= 8:
			info.tsOffset = int64(n.order.Uint64(val[:8]))
		}
	})
	n.ifaces = append(n.ifaces, info)
	return nil
}

// addStatistics reads an Interface Statistics Block's drop counters
// (isb_ifdrop, isb_osdrop) into its interface's count.
func (n *ngReader) addStatistics(body []byte) error {
	if len(body) < 12 {
		return fmt.Errorf("interface statistics block too short: %d bytes", len(body))
	}
	id := n.order.Uint32(body[0:4])
	if int64(id) >= int64(len(n.ifaces)) {
		return fmt.Errorf("interface statistics block for interface %d, but the section describes %d", id, len(n.ifaces))
	}
	var drops uint64
	var has bool
	n.eachOption(body[12:], func(code uint16, val []byte) {
		if (code == ngOptIsbIfdrop || code == ngOptIsbOsdrop) && len(val) == 8 {
			v := n.order.Uint64(val)
			if drops+v < drops { // a hostile counter must not wrap to few
				v = math.MaxUint64 - drops
			}
			drops, has = drops+v, true
		}
	})
	if has {
		n.ifaces[id].drops, n.ifaces[id].hasDrops = drops, true
		n.publishDrops()
	}
	return nil
}

// publishDrops sets the stats' drop count to what the statistics blocks
// read so far say, over every section and interface.
func (n *ngReader) publishDrops() {
	drops, reports := n.endedDrops, n.endedReports
	for _, i := range n.ifaces {
		if i.hasDrops {
			drops = satAdd(drops, i.drops)
			reports++
		}
	}
	n.stats.KernelDrops, n.stats.DropReports = drops, reports
	n.stats.DropsCountedBy = "the pcapng interface statistics"
}

// endSection keeps the drop counts of the section that ends.
func (n *ngReader) endSection() {
	for _, i := range n.ifaces {
		if i.hasDrops {
			n.endedDrops = satAdd(n.endedDrops, i.drops)
			n.endedReports++
		}
	}
}

// satAdd adds a hostile 64-bit counter without wrapping below zero.
func satAdd(sum int64, v uint64) int64 {
	if v > math.MaxInt64-uint64(sum) {
		return math.MaxInt64
	}
	return sum + int64(v)
}

// eachOption calls fn with the code and value of each option of a block's
// option list, up to opt_endofopt or the first option cut short.
func (n *ngReader) eachOption(opts []byte, fn func(code uint16, val []byte)) {
	for len(opts) >= 4 {
		code := n.order.Uint16(opts[0:2])
		olen := int(n.order.Uint16(opts[2:4]))
		if code == ngOptEnd || 4+olen > len(opts) {
			return
		}
		fn(code, opts[4:4+olen])
		opts = opts[min(len(opts), 4+(olen+3)&^3):]
	}
}

// tsResolution decodes if_tsresol: a power of ten, or of two when the high
// bit is set.
func tsResolution(v byte) float64 {
	exp := float64(v & 0x7f)
	if v&0x80 != 0 {
		return math.Pow(2, exp)
	}
	return math.Pow(10, exp)
}

func (n *ngReader) packet(typ uint32, body []byte, start int64, rec *record) error {
	var ifIndex uint32
	var ts uint64
	var capLen, origLen uint32
	var data []byte
	switch typ {
	case ngSimplePacket:
		if len(body) < 4 {
			return fmt.Errorf("simple packet block too short: %d bytes", len(body))
		}
		origLen = n.order.Uint32(body[0:4])
		capLen = uint32(len(body) - 4)
		if origLen < capLen {
			capLen = origLen
		}
		if len(n.ifaces) > 0 && n.ifaces[0].snaplen != 0 && capLen > n.ifaces[0].snaplen {
			capLen = n.ifaces[0].snaplen
		}
		data = body[4 : 4+capLen]
	default: // enhanced, or the obsolete packet block with a 16-bit interface id
		if len(body) < 20 {
			return fmt.Errorf("packet block too short: %d bytes", len(body))
		}
		if typ == ngObsoletePacket {
			ifIndex = uint32(n.order.Uint16(body[0:2]))
		} else {
			ifIndex = n.order.Uint32(body[0:4])
		}
		ts = uint64(n.order.Uint32(body[4:8]))<<32 | uint64(n.order.Uint32(body[8:12]))
		capLen = n.order.Uint32(body[12:16])
		origLen = n.order.Uint32(body[16:20])
		if uint64(capLen) > uint64(len(body)-20) {
			return fmt.Errorf("packet claims %d captured bytes but its block holds %d", capLen, len(body)-20)
		}
		data = body[20 : 20+capLen]
	}
	if int(ifIndex) >= len(n.ifaces) {
		return fmt.Errorf("packet names interface %d, but the section describes %d", ifIndex, len(n.ifaces))
	}
	iface := n.ifaces[ifIndex]
	*rec = record{
		Data:      data,
		OrigLen:   int(origLen),
		LinkType:  iface.linkType,
		Interface: int32(ifIndex),
		Offset:    start,
	}
	if typ == ngSimplePacket {
		rec.Time, rec.Untimed = unixEpoch, true
	} else {
		rec.Time = iface.time(ts)
	}
	return nil
}

// unixEpoch is the time of a packet whose block has no timestamp: tcpdump
// and libpcap give it 0 seconds, 1970-01-01 00:00:00 UTC.
var unixEpoch = time.Unix(0, 0).UTC()

// time converts a timestamp in the interface's units to a time.
func (i ngInterfaceInfo) time(ts uint64) time.Time {
	if i.tsPerSec == 1e6 {
		return time.Unix(i.tsOffset+int64(ts/1e6), int64(ts%1e6)*1e3).UTC()
	}
	if i.tsPerSec == 1e9 {
		return time.Unix(i.tsOffset+int64(ts/1e9), int64(ts%1e9)).UTC()
	}
	sec := math.Floor(float64(ts) / i.tsPerSec)
	frac := float64(ts) - sec*i.tsPerSec
	return time.Unix(i.tsOffset+int64(sec), int64(frac*1e9/i.tsPerSec)).UTC()
}
