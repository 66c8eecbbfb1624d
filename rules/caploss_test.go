package rules

import (
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// lossOf tracks every segment of src for which keep is true and returns
// the capture-loss estimate.
func lossOf(t *testing.T, src parse.Source, keep func(n int, seg *tcp.Segment) bool) CaptureLoss {
	t.Helper()
	tr := NewTracker()
	var seg tcp.Segment
	for n := 1; ; n++ {
		err := src.Next(&seg)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if keep == nil || keep(n, &seg) {
			tr.Add(&seg)
		}
	}
	tr.Flush()
	return tr.CaptureLoss()
}

// lossOfText is lossOf a tcpdump -S log.
func lossOfText(t *testing.T, log string) CaptureLoss {
	t.Helper()
	src, err := parse.Open(strings.NewReader(log), "test.txt", parse.Options{Absolute: true})
	if err != nil {
		t.Fatal(err)
	}
	return lossOf(t, src, nil)
}

const (
	syn    = "10:00:00.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1000, win 502, length 0\n"
	synack = "10:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 502, length 0\n"
	ack    = "10:00:00.000200 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 5001, win 502, length 0\n"
	hello  = syn + synack + ack
)

// data is a client segment of 100 bytes from seq; ackOf a server ACK.
func data(seq int) string {
	return "10:00:00.001000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq " + strconv.Itoa(seq) + ":" + strconv.Itoa(seq+100) + ", ack 5001, win 502, length 100\n"
}

func ackOf(n int) string {
	return "10:00:00.002000 IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack " + strconv.Itoa(n) + ", win 502, length 0\n"
}

func TestCaptureLossCountsACKsAboveHolesOnly(t *testing.T) {
	tests := []struct {
		name string
		log  string
		want CaptureLoss
	}{
		{"every byte seen and acknowledged", hello + data(1001) + ackOf(1101) + data(1101) + ackOf(1201),
			CaptureLoss{Acks: 4}},
		{"a segment the capture missed, acknowledged", hello + data(1001) + data(1201) + ackOf(1301),
			CaptureLoss{Acks: 3, GapAcks: 1, GapBytes: 100}},
		{"a segment the network lost, retransmitted before the ACK", hello + data(1001) + data(1201) + ackOf(1101) + data(1101) + ackOf(1301),
			CaptureLoss{Acks: 4}},
		{"reordered, then acknowledged", hello + data(1101) + data(1001) + ackOf(1201),
			CaptureLoss{Acks: 3}},
		{"an ACK beyond everything seen", hello + data(1001) + ackOf(1201),
			CaptureLoss{Acks: 3, GapAcks: 1, GapBytes: 100}},
		{"the hole is counted once", hello + data(1001) + data(1201) + ackOf(1301) + ackOf(1301) + data(1301) + ackOf(1401),
			CaptureLoss{Acks: 4, GapAcks: 1, GapBytes: 100}},
		{"midstream: no ACK counts before its data is seen", ackOf(1101) + data(1101) + ackOf(1201),
			CaptureLoss{Acks: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lossOfText(t, tt.log); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCaptureLossOfARealRecordingWithPacketsCutOut(t *testing.T) {
	open := func() parse.Source {
		src, closer, err := parse.OpenFile("../testdata/captures/real/bulk.pcap", parse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { closer.Close() })
		return src
	}
	whole := lossOf(t, open(), nil)
	if whole.Acks == 0 || whole.GapAcks != 0 {
		t.Fatalf("the whole recording: %+v, want ACKs and no gap", whole)
	}
	// Every 50th data segment cut out, as a capture that drops packets
	// would: the receiver acknowledged what the capture did not see.
	cut := 0
	lossy := lossOf(t, open(), func(n int, seg *tcp.Segment) bool {
		if seg.PayloadLen > 0 && n%50 == 0 {
			cut++
			return false
		}
		return true
	})
	t.Logf("whole %+v, cut %d: %+v (%.2f%%)", whole, cut, lossy, lossy.Percent())
	if lossy.Acks != whole.Acks || lossy.GapAcks != int64(cut) || lossy.Percent() <= 0 {
		t.Errorf("%d data segments cut out: %+v (%.2f%%); whole recording %+v", cut, lossy, lossy.Percent(), whole)
	}
}

func TestNetworkLossIsNotCaptureLoss(t *testing.T) {
	// loss.pcap: an nft rule dropped 1 in 20 packets after tcpdump saw
	// them; the receiver never acknowledged what it did not get.
	src, closer, err := parse.OpenFile("../testdata/captures/real/loss.pcap", parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	if l := lossOf(t, src, nil); l.Acks == 0 || l.GapAcks != 0 {
		t.Errorf("got %+v, want ACKs and no gap", l)
	}
}
