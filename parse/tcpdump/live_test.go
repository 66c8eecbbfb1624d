package tcpdump

import (
	"bytes"
	"io"
	"os"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// TestLiveReadingChangesNothing writes logs through a pipe that goes quiet
// for longer than liveGrace between packets, and after an IPv4 header of
// -v (whose TCP part is on the next line): a live reader gives what a
// reader of the whole file gives.
func TestLiveReadingChangesNothing(t *testing.T) {
	for _, path := range []string{
		"../../testdata/captures/real/clean.n-S-vv-tttt.txt",
		"testdata/midstream.n.ttt.A.num.txt",
	} {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want := transcript(newReaderAhead(bytes.NewReader(raw), Options{}, true))
		pr, pw := io.Pipe()
		go func() {
			lines := bytes.SplitAfter(raw, []byte("\n"))
			for i, line := range lines {
				pw.Write(line)
				// tcpdump writes a packet's lines at once: quiet
				// spells come between packets.
				between := i+1 < len(lines) && isPacketStart(lines[i+1]) && i%2 == 0
				if bytes.HasSuffix(line, []byte(")\n")) || between {
					time.Sleep(liveGrace + 10*time.Millisecond)
				}
			}
			pw.Close()
		}()
		if got := transcript(newReaderAhead(pr, Options{Live: true}, true)); got != want {
			t.Errorf("%s: read live\n%.2000s\nread whole\n%.2000s", path, got, want)
		}
	}
}

// TestLivePacketNeedsNoNextLine: a live reader gives a packet's segment
// once the input is quiet, without waiting for the next packet, and says
// it is idle.
func TestLivePacketNeedsNoNextLine(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	r := NewReader(pr, "in.txt", Options{Live: true})
	got := make(chan error)
	var seg tcp.Segment
	go func() { got <- r.Next(&seg) }()
	start := time.Now()
	pw.Write([]byte("12:00:00.000000 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0\n"))
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 100*time.Millisecond {
			t.Errorf("segment given after %v", d)
		}
		if !r.Idle() {
			t.Error("a reader waiting for its input does not say it is idle")
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no segment before the next packet")
	}
	r.Close()
}
