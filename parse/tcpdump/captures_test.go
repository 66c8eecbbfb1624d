package tcpdump

import (
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

func TestSeedTutorial(t *testing.T) {
	segs, st := mustRead(t, realCapture(t, "seed-tutorial.txt"), Options{})
	if len(segs) != 7 {
		t.Fatalf("got %d segments, want 7", len(segs))
	}
	const clientISN, serverISN = 2927179378, 1721825043
	checks := []struct {
		what      string
		got, want uint32
	}{
		{"client ISN", segs[0].Seq, clientISN},
		{"server ISN", segs[1].Seq, serverISN},
		{"SYN-ACK ack", segs[1].Ack, clientISN + 1},
		{"third segment ack", segs[2].Ack, serverISN + 1},
		{"fourth segment seq", segs[3].Seq, clientISN + 1},
		{"fourth segment end", segs[3].End(), clientISN + 8},
		{"server data seq", segs[5].Seq, serverISN + 1},
		{"last ack", segs[6].Ack, serverISN + 19},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.what, c.got, c.want)
		}
	}
	if segs[2].Has(tcp.KnownSeq) {
		t.Errorf("the third segment, a pure ACK, shows no seq")
	}
	if st.Other != 3 {
		t.Errorf("the annotations (1) (2) (3) counted %d times in Other, want 3", st.Other)
	}
}

// TestLoopbackRenderings reads three renderings of one capture: names and
// relative numbers; -n -S -e; -n -vv -tttt. They must agree on every
// number once made absolute.
func TestLoopbackRenderings(t *testing.T) {
	files := []string{"loopback-9502-any.txt", "loopback-9502-any.n.S.e.txt", "loopback-9502-any.n.vv.tttt.txt"}
	var all [][]tcp.Segment
	for _, f := range files {
		// The -tttt rendering shows the date the others need.
		segs, _ := mustRead(t, realCapture(t, f), Options{Date: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)})
		if len(segs) != 11 {
			t.Fatalf("%s: got %d segments, want 11", f, len(segs))
		}
		all = append(all, segs)
	}
	for i := range all[0] {
		ref := all[0][i]
		for k, segs := range all[1:] {
			s := segs[i]
			if s.Flags != ref.Flags || s.Ack != ref.Ack || s.Window != ref.Window || s.Options != ref.Options ||
				s.PayloadLen != ref.PayloadLen || s.Src.Port != ref.Src.Port || !s.Time.Equal(ref.Time) {
				t.Errorf("%s segment %d differs from %s:\n%+v\n%+v", files[k+1], i+1, files[0], s, ref)
			}
			if s.Has(tcp.KnownSeq) && ref.Has(tcp.KnownSeq) && s.Seq != ref.Seq {
				t.Errorf("%s segment %d: seq %d, want %d", files[k+1], i+1, s.Seq, ref.Seq)
			}
		}
	}
	// -vv shows every seq: check the pure ACKs against the sender's next.
	vv := all[2]
	if vv[2].Seq != 1495086032 || vv[10].Seq != 3406275751 {
		t.Errorf("-vv pure ACK seqs %d %d", vv[2].Seq, vv[10].Seq)
	}
}
