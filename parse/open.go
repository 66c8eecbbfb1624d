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
}

// Open recognises the input by its content — pcap, pcapng, tcpdump text,
// or any of them gzip-compressed — and returns a Source over it. name is
// used in positions and messages.
func Open(r io.Reader, name string, opts Options) (Source, error) {
	br := bufio.NewReaderSize(r, 256<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	atEnd := err == io.EOF
	if isGzip(head) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: gzip: %w", name, err)
		}
		br = bufio.NewReaderSize(zr, 256<<10)
		head, err = br.Peek(sniffLen)
		if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
			return nil, fmt.Errorf("%s: gzip: %w", name, err)
		}
		atEnd = err == io.EOF
	}
	if capture.Sniff(head) {
		r, err := capture.NewReader(br, name)
		if err != nil {
			return nil, err
		}
		r.VerifyChecksums(opts.Checksums)
		return r, nil
	}
	head, pfx, text := sniffText(br, head, atEnd, opts)
	if text {
		return openText(br, name, opts, pfx), nil
	}
	what := name
	if name == "-" {
		what = "standard input"
	}
	return nil, fmt.Errorf("%s: %w: %s", what, ErrUnknownInput, describe(head))
}

// OpenFile opens a file by path ("-" is standard input) and returns its
// Source and a closer that stops the source and closes the file.
func OpenFile(path string, opts Options) (Source, io.Closer, error) {
	if path == "-" {
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
		closeSource(c.src)
	}
	if c.f == nil {
		return nil
	}
	return c.f.Close()
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// describe says in a few words what an unrecognised input looks like.
func describe(head []byte) string {
	switch {
	case len(head) == 0:
		return "the input is empty"
	case bytes.HasPrefix(head, []byte("\x7fELF")):
		return "it is an ELF executable"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "it is a zip archive"
	case utf8.Valid(head) && bytes.IndexByte(head, 0) < 0:
		line, _, _ := bytes.Cut(head, []byte("\n"))
		if len(line) > 60 {
			line = append(line[:60:60], "…"...)
		}
		return fmt.Sprintf("it is text, but its first line %q is not tcpdump output", line)
	}
	n := min(len(head), 8)
	return fmt.Sprintf("it is binary data starting % x, not a pcap or pcapng magic number", head[:n])
}
