package tcpdump

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// benchLog makes a tcpdump -n log of n lines: a few hundred interleaved
// connections exchanging data and ACKs, IPv4 and IPv6, as relative numbers.
func benchLog(n int) []byte {
	var b bytes.Buffer
	t := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		conn := i % 257
		src := fmt.Sprintf("10.0.%d.%d.%d", conn/200, conn%200+1, 40000+conn)
		dst := "192.168.1.10.443"
		if conn%5 == 0 {
			src, dst = fmt.Sprintf("2001:db8::%x.%d", conn, 40000+conn), "2001:db8::1.443"
		}
		round := uint32(i / 257)
		stamp := t.Add(time.Duration(i) * 137 * time.Microsecond).Format("15:04:05.000000")
		switch {
		case round == 0:
			fmt.Fprintf(&b, "%s IP %s > %s: Flags [S], seq %d, win 64240, options [mss 1460,sackOK,TS val %d ecr 0,nop,wscale 7], length 0\n", stamp, src, dst, 1000000+conn, i)
		case i%2 == 0:
			fmt.Fprintf(&b, "%s IP %s > %s: Flags [P.], seq %d:%d, ack 1, win 502, options [nop,nop,TS val %d ecr %d], length 1448\n", stamp, src, dst, 1+round*1448, 1+(round+1)*1448, i, i-1)
		default:
			fmt.Fprintf(&b, "%s IP %s > %s: Flags [.], ack %d, win 509, options [nop,nop,TS val %d ecr %d], length 0\n", stamp, dst, src, 1+round*1448, i, i-1)
		}
	}
	return b.Bytes()
}

func BenchmarkReader(b *testing.B) {
	const lines = 100_000
	log := benchLog(lines)
	b.ReportAllocs()
	b.SetBytes(int64(len(log)))
	b.ResetTimer()
	var seg tcp.Segment
	start := time.Now()
	for i := 0; i < b.N; i++ {
		r := NewReader(bytes.NewReader(log), "bench.txt", Options{})
		for {
			err := r.Next(&seg)
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
		if got := r.Stats().TCP; got != lines {
			b.Fatalf("read %d segments, want %d (%v)", got, lines, r.Stats().Problems)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/time.Since(start).Seconds(), "lines/s")
}

// repeating is an endless input that plays a log over and over.
type repeating struct {
	log []byte
	off int
}

func (r *repeating) Read(p []byte) (int, error) {
	n := copy(p, r.log[r.off:])
	r.off = (r.off + n) % len(r.log)
	return n, nil
}

// BenchmarkNext measures one segment at a time on the steady path, once
// the connections, hosts and buffers of a log are known: allocs/op is the
// allocations per line.
func BenchmarkNext(b *testing.B) {
	r := NewReader(&repeating{log: benchLog(10_000)}, "bench.txt", Options{})
	var seg tcp.Segment
	for i := 0; i < 20_000; i++ {
		if err := r.Next(&seg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := r.Next(&seg); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSteadyPathDoesNotAllocate(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation count in -short mode")
	}
	r := NewReader(&repeating{log: benchLog(2_000)}, "bench.txt", Options{})
	var seg tcp.Segment
	next := func() {
		if err := r.Next(&seg); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 5_000; i++ {
		next()
	}
	if n := testing.AllocsPerRun(10_000, next); n != 0 {
		t.Errorf("%v allocations per line, want 0", n)
	}
}
