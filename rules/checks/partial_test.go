package checks

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// readSegments loads a whole capture.
func readSegments(t *testing.T, path string) []tcp.Segment {
	t.Helper()
	src, closer, err := parse.OpenFile(path, parse.Options{Checksums: true})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	var segs []tcp.Segment
	for {
		var seg tcp.Segment
		if err := src.Next(&seg); err == io.EOF {
			return segs
		} else if err != nil {
			t.Fatal(err)
		}
		seg.Payload = bytes.Clone(seg.Payload) // it points into the reader's buffer until the next Next
		segs = append(segs, seg)
	}
}

type finding struct {
	packet int
	rule   string
}

func runSegments(t *testing.T, segs []tcp.Segment) map[finding]bool {
	t.Helper()
	eng, err := rules.NewEngine(All(), allAtInfo(nil))
	if err != nil {
		t.Fatal(err)
	}
	tr := rules.NewTracker(eng)
	for i := range segs {
		tr.Add(&segs[i])
	}
	tr.Flush()
	got := map[finding]bool{}
	for _, f := range eng.Findings() {
		got[finding{f.Pos.Packet, f.Rule}] = true
	}
	return got
}

// lessEvidence reports whether f, found without options, stands in for a
// finding of the whole input at the same segment that options decided: a
// hole's fill the TSval showed resent is judged by timing (out-of-order
// for retransmission), a resent range the SACK blocks held is a plain
// retransmission (for spurious-retransmission).
func lessEvidence(f finding, whole map[finding]bool) bool {
	switch f.rule {
	case "out-of-order":
		return whole[finding{f.packet, "retransmission"}]
	case "retransmission":
		return whole[finding{f.packet, "spurious-retransmission"}]
	}
	return false
}

// TestMissingFieldsRaiseNothingNew strips what tcpdump text leaves out —
// the seq of pure ACKs (no -vv), everything but the length (-q), options
// and checksums (no -v) — and wants no finding that the whole capture
// does not have: checks skip what they cannot see.
func TestMissingFieldsRaiseNothingNew(t *testing.T) {
	strips := []struct {
		name  string
		strip func(*tcp.Segment)
	}{
		{"pure ACKs without seq", func(s *tcp.Segment) {
			if s.PayloadLen == 0 && s.Flags&(tcp.SYN|tcp.FIN|tcp.RST) == 0 {
				s.Known &^= tcp.KnownSeq
			}
		}},
		{"quiet lines (-q)", func(s *tcp.Segment) {
			s.Known &^= tcp.KnownSeq | tcp.KnownAck | tcp.KnownFlags | tcp.KnownWindow | tcp.KnownOptions | tcp.KnownChecksum
		}},
		{"no options or checksums", func(s *tcp.Segment) { s.Known &^= tcp.KnownOptions | tcp.KnownChecksum }},
	}
	caps, _ := filepath.Glob(filepath.Join(checksTestdata, "*", "*.pcap"))
	for _, path := range caps {
		whole := runSegments(t, readSegments(t, path))
		for _, s := range strips {
			t.Run(filepath.Base(path)+"/"+s.name, func(t *testing.T) {
				segs := readSegments(t, path)
				for i := range segs {
					s.strip(&segs[i])
				}
				for f := range runSegments(t, segs) {
					if !whole[f] && !lessEvidence(f, whole) {
						t.Errorf("#%d %s: raised only when fields are missing", f.packet, f.rule)
					}
				}
			})
		}
	}
}
