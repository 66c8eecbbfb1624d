package rules

import (
	"io"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// collector keeps every connection the tracker ends.
type collector struct{ conns []*Conn }

func (c *collector) Segment(*Conn, Dir, *tcp.Segment, bool) {}
func (c *collector) End(conn *Conn, _ EndReason)            { c.conns = append(c.conns, conn) }

func trackFile(t *testing.T, path string) []*Conn {
	t.Helper()
	src, closer, err := parse.OpenFile(path, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	col := &collector{}
	tr := NewTracker(col)
	var seg tcp.Segment
	for {
		err := src.Next(&seg)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		tr.Add(&seg)
	}
	tr.Flush()
	sortByID(col.conns)
	return col.conns
}

func TestRealLoopbackCaptureIsOneCleanConnection(t *testing.T) {
	conns := trackFile(t, "../testdata/captures/real/loopback-9502-any.pcap")
	if len(conns) != 1 {
		t.Fatalf("got %d connections, want 1", len(conns))
	}
	c := conns[0]
	if c.Packets() != 11 || c.ZeekState() != "SF" || c.History() != "ShADadfF" {
		t.Errorf("packets %d state %s history %s; want 11 SF ShADadfF", c.Packets(), c.ZeekState(), c.History())
	}
	if c.Client.String() != "127.0.0.1:56198" || c.Server.String() != "127.0.0.1:9502" {
		t.Errorf("client %v server %v", c.Client, c.Server)
	}
	if c.Bytes() != 25 || c.HandshakeRTT() <= 0 {
		t.Errorf("bytes %d rtt %v", c.Bytes(), c.HandshakeRTT())
	}
	var got []string
	for _, tr := range c.Transitions {
		got = append(got, tr.Endpoint.String()+":"+tr.To.String())
	}
	want := []string{"client:SYN_SENT", "server:SYN_RECEIVED", "client:ESTABLISHED", "server:ESTABLISHED",
		"server:FIN_WAIT_1", "client:CLOSE_WAIT", "server:FIN_WAIT_2", "client:LAST_ACK", "server:TIME_WAIT", "client:CLOSED"}
	if len(got) != len(want) {
		t.Fatalf("transitions %v\nwant %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("transition %d = %s, want %s (all: %v)", i, got[i], want[i], got)
		}
	}
}
