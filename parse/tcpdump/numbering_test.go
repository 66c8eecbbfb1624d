package tcpdump

import (
	"strings"
	"testing"
)

// TestNumberingIsToldByConsistency: the reading that continues the
// connection exactly decides, whatever the size of the ISNs; a line that
// fits neither is read as the last settled connection was, and as
// relative, with one warning, before any settled.
func TestNumberingIsToldByConsistency(t *testing.T) {
	const (
		syn    = "10:00:00.000001 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 100, win 65535, length 0\n"
		synAck = "10:00:00.000002 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 0, ack 101, win 65535, length 0\n"
		// the server's ISN is 0: its numbers read alike either way
		pureAck = "10:00:00.000003 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 65535, length 0\n"
	)
	second := func(s string) string { // the same lines on another connection
		return strings.ReplaceAll(s, "40000", "40001")
	}
	cases := []struct {
		name  string
		text  string
		seq   uint32 // of the last segment, absolute
		doubt bool
	}{
		{"relative: data at 1", syn + synAck + pureAck +
			"10:00:00.000004 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:11, ack 1, win 65535, length 10\n", 101, false},
		{"absolute: data at ISN+1", syn + synAck + pureAck +
			"10:00:00.000004 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 101:111, ack 1, win 65535, length 10\n", 101, false},
		{"neither fits: relative, said", syn + synAck + pureAck +
			"10:00:00.000004 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 5001:5011, ack 1, win 65535, length 10\n", 5101, true},
		{"neither fits after an absolute connection: absolute", syn + synAck + pureAck +
			"10:00:00.000004 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 101:111, ack 1, win 65535, length 10\n" +
			second(syn+synAck+pureAck) +
			"10:00:00.000005 IP 10.0.0.1.40001 > 10.0.0.2.80: Flags [P.], seq 5001:5011, ack 1, win 65535, length 10\n", 5001, false},
		{"both ISNs 0: the readings agree", strings.ReplaceAll(strings.ReplaceAll(syn+synAck, "seq 100", "seq 0"), "ack 101", "ack 1") + pureAck +
			"10:00:00.000004 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:11, ack 1, win 65535, length 10\n", 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			segs, st, err := readAll(c.text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := segs[len(segs)-1].Seq; got != c.seq {
				t.Errorf("last seq %d, want %d", got, c.seq)
			}
			said := len(st.Problems) == 1 && strings.Contains(st.Problems[0].Msg, "read as relative")
			if said != c.doubt || len(st.Problems) > 1 {
				t.Errorf("problems %v, want the doubt said: %v", st.Problems, c.doubt)
			}
		})
	}
}
