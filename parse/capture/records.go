package capture

import (
	"errors"
	"fmt"
	"io"
	"time"
)

// maxRecordLen bounds the captured length of one packet. Real captures stay
// far below it (BIG TCP frames reach 512 KiB); a larger length read from a
// file is corruption, reported instead of allocated.
const maxRecordLen = 16 << 20

// record is one packet as stored in the file, before decoding. Data is only
// valid until the next record is read.
type record struct {
	Data      []byte
	Time      time.Time
	OrigLen   int
	LinkType  linkType
	Interface int32
	Offset    int64 // byte offset of the record in the (decompressed) stream
	// Untimed marks a record whose block carries no timestamp (a pcapng
	// Simple Packet Block). Time is then the Unix epoch, which is what
	// tcpdump prints for it, but the segment's time is not known.
	Untimed bool
}

// recordReader is the interface of the pcap and pcapng record readers.
type recordReader interface {
	// next reads the next record into rec; it returns io.EOF at a clean end
	// and a descriptive error for a broken file.
	next(rec *record) error
	// pos is the byte offset of the next record.
	pos() int64
}

// brokenAt is an error in the file structure at a byte offset.
type brokenAt struct {
	offset int64
	msg    string
}

func (b *brokenAt) Error() string { return b.msg }

// cutShort is the error of a record or block that ends early: the
// reader's own error when reading failed for a reason of its own (a gzip
// stream cut short, a disk error), which says more than the count of bytes
// it did not deliver; else the message of format.
func cutShort(offset int64, err error, format string, args ...any) error {
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return broken(offset, "%s (%v)", fmt.Sprintf(format, args...), err)
	}
	return broken(offset, format, args...)
}

// broken builds a brokenAt error.
func broken(offset int64, format string, args ...any) error {
	return &brokenAt{offset: offset, msg: fmt.Sprintf(format, args...)}
}
