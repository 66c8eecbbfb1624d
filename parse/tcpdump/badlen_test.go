package tcpdump

import (
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// tcpdump prints "IP bad-len 0" for an IPv4 packet whose total length is 0
// (captured before segmentation offload): a packet it could not decode,
// reported as malformed rather than counted as another IP protocol.
func TestIPBadLenIsAMalformedPacket(t *testing.T) {
	in := "07:08:09.009000 IP bad-len 0\n"
	r := NewReader(strings.NewReader(in), "gso.txt", Options{})
	var seg tcp.Segment
	if err := r.Next(&seg); err == nil {
		t.Fatalf("got a segment %+v", seg)
	}
	st := r.Stats()
	if st.Malformed != 1 || st.OtherIP != 0 || len(st.Problems) != 1 || !strings.Contains(st.Problems[0].Msg, "bad-len 0") {
		t.Errorf("stats %+v", *st)
	}
	if p := st.Problems[0].Pos; p.Line != 1 || p.Col != 20 {
		t.Errorf("problem at %v, want line 1 column 20", p)
	}
}
