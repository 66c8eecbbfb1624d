package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/pcaplint/pcaplint/parse/capture"
)

// sniffLen is how many leading bytes Open looks at to recognise an input.
const sniffLen = 512

// ErrUnknownInput is wrapped by the error Open returns for an input that is
// neither a capture nor tcpdump text.
var ErrUnknownInput = errors.New("not a capture or tcpdump text")

// Options tune how inputs are read.
type Options struct {
	// Strict makes malformed text lines fatal.
	Strict bool
	// Absolute says tcpdump text was printed with -S.
	Absolute bool
	// Checksums turns on checksum verification of captured packets.
	Checksums bool
	// StripPrefix, when set, is the prefix a log collector wrote before
	// each line of tcpdump text (--strip-prefix), matched at the start of
	// every line; when nil, the prefixes of the collectors
	// tcpdump.DetectPrefix knows are recognised from the first lines.
	StripPrefix *regexp.Regexp
	// OnPrefix, when set, is told once per input which prefix is stripped
	// from its lines.
	OnPrefix func(name, prefix string)
	// Live says the input is a pipe or a terminal, which may go quiet
	// between lines (tcpdump -l | pcaplint): tcpdump text is then given
	// out as each record is complete rather than when the next starts, and
	// the source says when it waits for input (Idle). OpenFile sets it
	// for anything but a regular file.
	Live bool
}

// Open recognises the input by its content — pcap, pcapng, tcpdump text,
// or any of them gzip-compressed — and returns a Source over it. name is
// used in positions and messages.
func Open(r io.Reader, name string, opts Options) (Source, error) {
	br := bufio.NewReaderSize(r, 256<<10)
	head, atEnd, err := peekHead(br)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if isGzip(head) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: gzip: %w", name, err)
		}
		br = bufio.NewReaderSize(gzipStream{zr}, 256<<10)
		if head, atEnd, err = peekHead(br); err != nil {
			return nil, fmt.Errorf("%s: gzip: %w", name, err)
		}
	}
	if capture.Sniff(head) {
		r, err := capture.NewReader(br, name)
		if err != nil {
			return nil, err
		}
		r.VerifyChecksums(opts.Checksums)
		return r, nil
	}
	br, head, pfx, text := sniffText(br, head, atEnd, opts)
	if text {
		return openText(br, name, opts, pfx), nil
	}
	what := name
	if name == "-" {
		what = "standard input"
	}
	return nil, fmt.Errorf("%s: %w: %s", what, ErrUnknownInput, describe(head))
}

// errGzipCut is the error of a gzip stream that ends before its end: the
// file was cut (a copy or an upload interrupted), not the capture in it.
var errGzipCut = errors.New("gzip: the compressed stream ends before its end (file cut short)")

// gzipStream tells a cut gzip stream apart from a capture cut inside a
// whole stream: both would reach the capture reader as
// io.ErrUnexpectedEOF, and a cut stream was reported as "record cut
// short". Other gzip errors (a bad checksum) are named as gzip's too.
type gzipStream struct{ zr *gzip.Reader }

func (g gzipStream) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	switch {
	case err == nil, err == io.EOF:
	case errors.Is(err, io.ErrUnexpectedEOF):
		err = errGzipCut
	case !strings.HasPrefix(err.Error(), "gzip: "):
		err = fmt.Errorf("gzip: %w", err)
	}
	return n, err
}

// minSniff is how many leading bytes Open waits for before it looks at
// an input: a capture's magic number, with room to spare; shorter than
// any line tcpdump prints for a packet.
const minSniff = 32

// peekHead returns the first bytes of the input, as many as its first
// reads deliver up to sniffLen, waiting for no more than minSniff: a live
// pipe's first line is looked at as soon as it is written. atEnd says the
// input ends there.
func peekHead(br *bufio.Reader) (head []byte, atEnd bool, err error) {
	head, err = br.Peek(minSniff)
	if err == io.EOF {
		return head, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	if n := min(br.Buffered(), sniffLen); n > len(head) {
		head, _ = br.Peek(n)
	}
	return head, false, nil
}

// OpenFile opens a file by path ("-" is standard input) and returns its
// Source and a closer that stops the source and closes the file.
func OpenFile(path string, opts Options) (Source, io.Closer, error) {
	if path == "-" {
		opts.Live = opts.Live || isLive(os.Stdin)
		src, err := Open(os.Stdin, "-", opts)
		return src, fileCloser{src: src}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, nil, fmt.Errorf("%s: is a directory", path)
	}
	opts.Live = opts.Live || isLive(f)
	src, err := Open(f, path, opts)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return src, fileCloser{src: src, f: f}, nil
}

// fileCloser stops a source, then closes its file (none for standard
// input).
type fileCloser struct {
	src Source
	f   *os.File
}

func (c fileCloser) Close() error {
	if c.src != nil {
		c.src.Close()
	}
	if c.f == nil {
		return nil
	}
	return c.f.Close()
}

// IsLive reports whether the input at path ("-": standard input) is a
// pipe, a FIFO, a terminal or a socket, which may go quiet between lines
// and is then read as Options.Live says.
func IsLive(path string) bool {
	if path == "-" {
		return isLive(os.Stdin)
	}
	st, err := os.Stat(path)
	return err == nil && !st.Mode().IsRegular() && !st.IsDir()
}

// isLive reports a file that is not a regular one: a pipe, a FIFO, a
// terminal, a socket, whose writer may pause between lines.
func isLive(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && !st.Mode().IsRegular()
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// describe says in a few words what an unrecognised input looks like.
func describe(head []byte) string {
	switch {
	case len(head) == 0:
		return "the input is empty"
	case len(bytes.TrimSpace(head)) == 0:
		return "the input holds only blank lines"
	case bytes.HasPrefix(head, []byte("\x7fELF")):
		return "it is an ELF executable"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "it is a zip archive"
	case utf8.Valid(head) && bytes.IndexByte(head, 0) < 0:
		// A byte order mark is no part of the line a person sees.
		text := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
		line, _, _ := bytes.Cut(text, []byte("\n"))
		if len(line) > 60 {
			cut := 60
			for cut > 0 && !utf8.RuneStart(line[cut]) {
				cut-- // not inside a character: %q would print its bytes
			}
			line = append(line[:cut:cut], "…"...)
		}
		return fmt.Sprintf("it is text, but its first line %q is not tcpdump output", line)
	}
	n := min(len(head), 8)
	return fmt.Sprintf("it is binary data starting % x, not a pcap or pcapng magic number", head[:n])
}
