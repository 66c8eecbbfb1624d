package tcpdump

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// fuzzRead reads all of data and checks the reader's invariants: it ends,
// every segment comes from a line that exists, and the counts agree.
func fuzzRead(t *testing.T, data []byte, opts Options) {
	lines := int64(bytes.Count(data, []byte("\n")) + 1)
	r := NewReader(bytes.NewReader(data), "fuzz.txt", opts)
	// Not ahead on a goroutine, whose timing would vary the coverage from
	// run to run and mislead the fuzzer; TestReadingAheadOnFuzzCorpus
	// checks that reading ahead changes nothing on the corpus.
	r.begin(false)
	var seg tcp.Segment
	var n int64
	for {
		err := r.Next(&seg)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var p tcp.Problem
			if !errors.As(err, &p) || !p.Fatal {
				t.Fatalf("Next returned %v, want io.EOF or a fatal tcp.Problem", err)
			}
			break
		}
		n++
		if n > lines {
			t.Fatalf("%d segments from %d lines", n, lines)
		}
		if seg.Pos.Line < 1 || int64(seg.Pos.Line) > lines {
			t.Fatalf("segment at line %d of %d", seg.Pos.Line, lines)
		}
		_ = r.PacketLine()
	}
	st := r.Stats()
	if st.TCP != n || st.Lines > lines || st.Records > st.Lines {
		t.Fatalf("stats %+v after %d segments from %d lines", st, n, lines)
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte("14:12:45.104687 IP localhost.39870 > localhost.9502: Flags [S], seq 2927179378, win 32792, options [mss 16396,sackOK,TS val 255474104 ecr 0,nop,wscale 3], length 0(1)\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, Options{})
		fuzzRead(t, data, Options{Strict: true, Absolute: true})
	})
}

// FuzzPrefix reads a log as a collector's: the prefix DetectPrefix
// recognises, if any, is stripped from every line as the reader goes.
func FuzzPrefix(f *testing.F) {
	f.Add([]byte("\xef\xbb\xbf2024-05-01T10:00:00Z web-1  | 10:00:00.000000 IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], seq 1, win 5, length 0\n2024-05-01T10:00:01Z\n2024-05-01T10:00:01Z web-1  |\n"))
	f.Add([]byte("2026-05-01T12:00:00.123456Z 00O [pod/x/y] 12:00:00.000000 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		SniffPrefix(data, true)
		IsJobLog(data)
		if p := DetectPrefix(data); p != nil {
			_ = p.String()
			fuzzRead(t, data, Options{Prefix: p})
		}
	})
}

// FuzzLine puts one line in the places a TCP part can be: a line of its
// own, after a -v IPv4 header, and followed by a hex dump.
func FuzzLine(f *testing.F) {
	f.Add("IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], seq 1, win 5, options [mss 1460,sack 1 {1:2},mptcp 12 capable v1 flags [H] {0x29a6c86981ad933c}], length 0")
	f.Fuzz(func(t *testing.T, line string) {
		for _, in := range lineInputs(line) {
			fuzzRead(t, in, Options{})
		}
	})
}

// lineInputs are the places FuzzLine puts a line in.
func lineInputs(line string) [][]byte {
	return [][]byte{
		[]byte(line),
		[]byte("    1  2020-06-10 09:21:03.720289 IP (tos 0x0, ttl 64, id 39720, offset 0, flags [DF], proto TCP (6), length 60)\n    " + line + "\n"),
		[]byte("12:00:00.000000 " + line + "\n\t0x0000:  4500 003c 1b68 4000 4006 2152 7f00 0001\n\t0x0010:  7f00 0001 da70 0050 3758 897e 0000 0000\n\t0x0020:  a002 7fff 1421 0000\n"),
	}
}

// FuzzFrame feeds dumped bytes to the frame decoder, which follows
// tunnels through lengths and offsets read from the bytes themselves.
func FuzzFrame(f *testing.F) {
	// gre.pcap's third packet with its Ethernet header (tcpdump -xx).
	f.Add([]byte("\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01\x08\x00E\x00\x00L\x00\x00\x00\x00@/\x02\x7f\xcb\x00q\x01\xcb\x00q\x02\x00\x00\x08\x00E\x00\x004\x01\x02@\x00@\x06M\x8b\xc0\x00\x02\x01\xc63d\x02\xc78\x00P\x10\x00\x00\x01 \x00\x00\x01\x80\x10\x01\xf6y\x93\x00\x00\x01\x01\x08\n\x00\x00\x03\xe9\x00\x00\x13\x89"), 14)
	var h hexDecoder
	f.Fuzz(func(t *testing.T, b []byte, link int) {
		seg := tcp.Segment{Src: tcp.Endpoint{Port: 51000}, Dst: tcp.Endpoint{Port: 80}}
		if link > 64 || link < -1 {
			link = -1
		}
		if h.frame(b, link, &seg) && (seg.Src.Port != 51000 || seg.Dst.Port != 80) {
			t.Fatalf("decoded ports %d > %d", seg.Src.Port, seg.Dst.Port)
		}
	})
}
