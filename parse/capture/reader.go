package capture

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// readBufferSize is the size of the buffered reader under the record
// readers: large enough to make reads cheap, small enough not to matter.
const readBufferSize = 256 << 10

// ErrNotCapture is returned by NewReader when the input starts with neither
// a pcap nor a pcapng magic number.
var ErrNotCapture = errors.New("not a pcap or pcapng capture")

// Reader reads the TCP segments of one capture. It implements parse.Source.
type Reader struct {
	name    string
	records recordReader
	dec     decoder
	rec     record
	stats   tcp.Stats
	done    bool
}

// Sniff reports whether b, the first bytes of an input, start a pcap or
// pcapng capture.
func Sniff(b []byte) bool {
	if len(b) < 4 {
		return false
	}
	le, be := binary.LittleEndian.Uint32(b), binary.BigEndian.Uint32(b)
	switch {
	case le == ngSectionHeader:
		return true
	case le == pcapMagicMicro || le == pcapMagicNano || le == pcapMagicModified:
		return true
	case be == pcapMagicMicro || be == pcapMagicNano || be == pcapMagicModified:
		return true
	}
	return false
}

// NewReader reads the capture header from r; name is used in positions.
func NewReader(r io.Reader, name string) (*Reader, error) {
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < readBufferSize {
		br = bufio.NewReaderSize(r, readBufferSize)
	}
	head, _ := br.Peek(4)
	if !Sniff(head) {
		return nil, fmt.Errorf("%s: %w", name, ErrNotCapture)
	}
	rd := &Reader{name: name}
	if binary.LittleEndian.Uint32(head) == ngSectionHeader {
		rd.records = newNgReader(br, &rd.stats)
		return rd, nil
	}
	p, err := newPcapReader(br)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	rd.records = p
	return rd, nil
}

// VerifyChecksums makes the reader verify IPv4 and TCP checksums and set
// Segment.Checksum. It costs a pass over every payload, so it is off unless
// a check needs it.
func (r *Reader) VerifyChecksums(on bool) { r.dec.checksums = on }

// Stats counts what was read so far.
func (r *Reader) Stats() *tcp.Stats { return &r.stats }

// Idle is false: a capture is read as fast as its records come, and its
// reader cannot tell a quiet pipe from a slow one (parse.Source).
func (r *Reader) Idle() bool { return false }

// ReadsAhead is false: the reader decodes on the caller's goroutine
// (parse.Source).
func (r *Reader) ReadsAhead() bool { return false }

// Close does nothing: the reader reads only while Next is called, on the
// caller's goroutine, so there is nothing to stop (parse.Source).
func (r *Reader) Close() {}

// Next fills seg with the next TCP segment. Packets that carry no TCP
// segment are counted in Stats; malformed ones are also reported there with
// their packet number and offset. A broken file ends with a fatal
// tcp.Problem naming the packet and byte offset where it broke.
func (r *Reader) Next(seg *tcp.Segment) error {
	for !r.done {
		pos := tcp.Pos{File: r.name, Packet: int(r.stats.Records) + 1, Offset: r.records.pos()}
		if err := r.records.next(&r.rec); err != nil {
			r.done = true
			if err == io.EOF {
				return io.EOF
			}
			var b *brokenAt
			if errors.As(err, &b) {
				pos.Offset = b.offset
			}
			p := tcp.Problem{Pos: pos, Msg: err.Error(), Fatal: true}
			r.stats.Report(p)
			return p
		}
		r.stats.Records++
		pos.Offset = r.rec.Offset
		seg.Interface = r.rec.Interface
		seg.Dir = tcp.DirUnknown
		seg.Tunnel = tcp.TunnelNone
		switch r.dec.decode(&r.rec, seg) {
		case isTCP:
			seg.Time = r.rec.Time
			if r.rec.Untimed {
				seg.Known &^= tcp.KnownTime
			}
			seg.Pos = pos
			r.stats.TCP++
			if seg.Truncated {
				r.stats.Truncated++
			}
			return nil
		case isUDP:
			r.stats.UDP++
		case isICMP:
			r.stats.ICMP++
		case isARP:
			r.stats.ARP++
		case isOtherIP:
			r.stats.OtherIP++
		case isOtherLink:
			r.stats.OtherLink++
		case isUnknownLink:
			r.undecodedLink(pos)
		case isFragment:
			r.stats.Fragments++
		case isMalformed:
			r.stats.Malformed++
			r.stats.Report(tcp.Problem{Pos: pos, Msg: "malformed packet: " + r.dec.problem})
		}
	}
	return io.EOF
}
