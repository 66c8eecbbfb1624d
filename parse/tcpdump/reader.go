// Package tcpdump reads the text that tcpdump prints for TCP traffic and
// turns it into tcp.Segment values, the same ones the capture reader makes
// from pcap bytes.
//
// It understands every timestamp form (-t … -ttttt, --nano), name
// resolution, -S and relative sequence numbers (recovering the absolute
// ones), -v/-vv, -e link headers, the "-i any" interface prefix, -#, IPv6,
// TCP options, -q, tunnels, and hex dumps (-x/-xx/-X/-XX, whose bytes are
// then decoded in place of the text). What the text does not show is left
// out of Segment.Known rather than guessed; the package documentation of
// each step says what is inferred.
//
// Input is read line by line as it arrives, so a live "tcpdump -l | pcaplint"
// pipe works. A packet's text may have continuation lines, so a segment
// is returned when the next packet (or the end of input) shows that its
// text is complete: on a pipe, a segment waits for the next packet line.
//
// When the process may use two CPUs, the lines are read, checked and
// classified ahead on a second goroutine while the caller's parses the
// packets; what the caller sees is the same either way. That goroutine
// ends with the input, at the first error Next returns, or at Close.
package tcpdump

import (
	"io"
	"runtime"
	"time"

	"github.com/pcaplint/pcaplint/internal/batchq"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Options tell the reader what the text cannot.
type Options struct {
	// Absolute says the numbers are already absolute (the log was printed
	// with -S). When false, the reader replays tcpdump's relative
	// numbering and detects -S logs per connection.
	Absolute bool
	// Strict makes a TCP-looking line that does not parse a fatal problem
	// (the caller exits 2) instead of a reported and skipped one.
	Strict bool
	// Location is the time zone of the default and -tttt timestamps, which
	// tcpdump prints in local time; nil means UTC.
	Location *time.Location
	// Date is the day given to timestamps that show only the time of day
	// (the default form) and the base of the delta forms (-ttt, -ttttt);
	// the zero Date means 1970-01-01.
	Date time.Time
	// Prefix is a log collector's prefix on every line (DetectPrefix,
	// RegexpPrefix), stripped before the line is read; lines without it
	// are counted as lines that are not packets. Positions stay those of
	// the input's lines and columns.
	Prefix *LogPrefix
	// Live says the input is a pipe or a terminal that may go quiet
	// between lines (tcpdump -l | pcaplint): a packet whose text is
	// complete is then finished once the input has been quiet for
	// liveGrace, rather than when the next packet starts, and Idle says
	// when the reader waits for its input. Lines are then read ahead
	// whatever GOMAXPROCS.
	Live bool
}

// liveGrace is how long a live input must be quiet before its last
// packet's text is taken as complete. tcpdump writes a packet's lines one
// after the other (with -l, a write each), microseconds apart: a quiet
// spell this long is the wait for the next packet.
const liveGrace = 30 * time.Millisecond

// splitMode is how the packets' texts are told apart.
type splitMode uint8

const (
	splitUnknown  splitMode = iota
	splitStamped            // each packet's text starts with a packet number or a timestamp
	splitNumbered           // each packet's text starts with a packet number (-#)
	splitBare               // -t without -#: each line at column 0 starts a packet
)

// Reader reads tcpdump text. It implements parse.Source.
type Reader struct {
	name  string
	opts  Options
	stage *lineStage // apart from the Reader, which its goroutine does not keep alive
	ahead *readAhead // the stage on its own goroutine, once started; nil without
	// lines is the queue ahead reads through; stopping it stops the
	// reading, whether or not it was started.
	lines *batchq.Queue[lineBatch]
	begun bool // Next was called
	stats tcp.Stats
	texts [2]packetText // the packet being gathered, and the one before it
	cur   int
	last  int // the packet text that produced the last segment, or -1
	eof   bool
	err   error // a fatal problem, returned from then on
	clock clock
	hosts hosts
	rel   relTable
	// toldReading: the reader has said that it guessed relative numbering
	toldReading bool
	ifaces      map[string]int32
	link        int // link header length from the banner, -1 when unknown
	// linkName is the banner's link type, "" when none was read;
	// firstOtherLink the line of the first packet that is not IP or ARP.
	linkName       string
	runs           runs // the tcpdump runs the log holds (runs.go)
	firstOtherLink int
	hex            []byte // the bytes of the current packet's dump
	hexdec         hexDecoder
	now            lineItem // the item read last, when not reading ahead
}

// NewReader returns a reader of tcpdump text from r; name is used in
// positions and problems.
func NewReader(r io.Reader, name string, opts Options) *Reader {
	return &Reader{
		name:   name,
		opts:   opts,
		stage:  &lineStage{lines: newLineReader(r), prefix: opts.Prefix},
		lines:  newLineQueue(),
		last:   -1,
		clock:  newClock(opts.Location, opts.Date),
		hosts:  newHosts(),
		rel:    newRelTable(opts.Absolute),
		ifaces: make(map[string]int32),
		link:   -1,
	}
}

// Stats counts what was read so far, including what was skipped.
func (r *Reader) Stats() *tcp.Stats { return &r.stats }

// PacketLine returns the first line of the packet whose text produced the
// last segment, as it was in the input, for explaining a finding.
func (r *Reader) PacketLine() string {
	if r.last < 0 || r.texts[r.last].empty() {
		return ""
	}
	return string(r.texts[r.last].line(0))
}

// Next fills seg with the next TCP segment, reusing seg's storage. It
// returns io.EOF at the end of the input, and a tcp.Problem with Fatal set
// for input that is not tcpdump text, a read error, or (with
// Options.Strict) a TCP line that does not parse.
func (r *Reader) Next(seg *tcp.Segment) error {
	if !r.begun {
		r.begin(worthReadingAhead() || r.opts.Live)
	}
	for r.err == nil {
		if r.eof {
			if r.texts[r.cur].empty() {
				r.nameUndecodedLink()
				return io.EOF
			}
			if r.finish(seg) {
				return nil
			}
			continue
		}
		if r.take(r.item(), seg) {
			return nil
		}
	}
	r.Close()
	return r.err
}

// begin starts reading ahead, when ahead says to, before the first line.
func (r *Reader) begin(ahead bool) {
	r.begun = true
	if ahead && !r.lines.Stopped() {
		r.ahead = startReadAhead(r.stage, r.lines)
		if r.opts.Live {
			r.ahead.grace = liveGrace
		}
		runtime.AddCleanup(r, (*batchq.Queue[lineBatch]).Stop, r.lines)
	}
}

// item returns the next line item, read ahead or read now; after Close,
// the end of the input.
func (r *Reader) item() *lineItem {
	switch {
	case r.lines.Stopped():
		r.now = lineItem{what: itemEOF}
	case r.ahead != nil:
		return r.ahead.item()
	default:
		r.stage.next(&r.now)
	}
	return &r.now
}

// take handles one line item; it reports true when it completed a
// packet's text that yielded a segment.
func (r *Reader) take(it *lineItem, seg *tcp.Segment) bool {
	switch it.what {
	case itemEOF:
		r.eof = true
		if r.ahead != nil {
			r.ahead.recycle()
		}
	case itemTooLong:
		r.stats.Lines++
		r.stats.Malformed++
		r.stats.Reportf(r.pos(it.n, 1), "line longer than %d bytes, skipped", MaxLine)
	case itemReadError:
		r.err = tcp.Problem{Pos: r.pos(it.n+1, 0), Msg: "reading: " + it.err.Error(), Fatal: true}
	case itemIdle:
		pt := &r.texts[r.cur]
		return !pt.empty() && pt.complete() && r.finish(seg)
	case itemBinary:
		r.stats.Lines++
		r.binary(it.n)
	default:
		r.stats.Lines++
		return r.line(it, seg)
	}
	return false
}

// ReadsAhead reports whether the reader reads and classifies lines ahead
// on a goroutine of its own (parse.Source): once reading began, whether
// it does; before, whether it will.
func (r *Reader) ReadsAhead() bool {
	if r.begun {
		return r.ahead != nil
	}
	return worthReadingAhead() || r.opts.Live
}

// Idle reports, for a live input (Options.Live), that every line read so
// far has been taken: the next call of Next waits for the input (or for
// liveGrace, to finish the packet in progress). A caller showing results
// as they come flushes its output then. It is always false for an input
// that is not live. Call it from the goroutine that calls Next.
func (r *Reader) Idle() bool {
	if !r.opts.Live || !r.begun {
		return false
	}
	if r.ahead != nil {
		return r.ahead.drained()
	}
	return r.stage.lines.br.Buffered() == 0
}

// Close stops the reading: Next then ends the input as if it ended there
// (after the segment of the packet in progress, if it makes one), and the
// goroutine reading ahead, if any, ends. It may be called from any
// goroutine, more than once. A reader read until Next returns an error
// needs no Close; an abandoned one is stopped when it is garbage
// collected.
func (r *Reader) Close() { r.lines.Stop() }

// line takes one classified line; it reports true when it completed a
// packet's text that yielded a segment.
func (r *Reader) line(it *lineItem, seg *tcp.Segment) bool {
	switch it.kind {
	case lineBlank, lineForeign:
		r.stats.Other++
	case lineBanner:
		r.stats.Other++
		r.banner(it.line)
		done := !r.texts[r.cur].empty() && r.finish(seg)
		r.runLine(it.line) // after the packet before it is parsed
		return done
	case lineContinuation:
		if r.texts[r.cur].empty() {
			r.stats.Other++
			return false
		}
		r.texts[r.cur].add(it)
	case lineStart:
		done := !r.texts[r.cur].empty() && r.finish(seg)
		r.texts[r.cur].start(it)
		return done
	}
	return false
}

// finish parses the gathered packet's text and starts an empty one; true
// when the packet was a TCP segment.
func (r *Reader) finish(seg *tcp.Segment) bool {
	done := r.cur
	r.cur ^= 1
	r.texts[r.cur].reset()
	if r.parse(&r.texts[done], seg) {
		r.last = done
		return true
	}
	return false
}

// binary handles a line with bytes tcpdump never prints: before any
// segment the input is not tcpdump text at all (a capture file given as
// text), which is fatal; later it is damage, reported and skipped.
func (r *Reader) binary(n int) {
	if r.stats.TCP == 0 {
		r.err = tcp.Problem{Pos: r.pos(n, 0), Msg: "not tcpdump text: line " + itoa(n) + " contains binary data", Fatal: true}
		return
	}
	r.stats.Malformed++
	r.stats.Reportf(r.pos(n, 0), "line contains binary data, skipped")
}

func (r *Reader) pos(line, col int) tcp.Pos {
	return tcp.Pos{File: r.name, Line: line, Col: col}
}

// textPos is the position of the 1-based column col of pt's i-th line,
// counted in the input line (before a collector's prefix was stripped).
func (r *Reader) textPos(pt *packetText, i, col int) tcp.Pos {
	return r.pos(pt.lineNo(i), pt.col(i, col))
}
