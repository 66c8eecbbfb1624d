package parse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// readAll reads src to its end and returns its segments and final error.
func readAll(src Source) ([]tcp.Segment, error) {
	var segs []tcp.Segment
	var seg tcp.Segment
	for {
		if err := src.Next(&seg); err != nil {
			return segs, err
		}
		seg.Payload = bytes.Clone(seg.Payload) // valid until the next Next
		segs = append(segs, seg)
	}
}

// TestPrefetchSame reads captures, whole and cut short, directly and read
// ahead: the segments, the final error and the stats must be the same.
func TestPrefetchSame(t *testing.T) {
	data, err := os.ReadFile("../testdata/captures/real/bulk.pcap")
	if err != nil {
		t.Skip(err)
	}
	for _, n := range []int{len(data), len(data) * 2 / 3} {
		open := func() Source {
			src, err := Open(bytes.NewReader(data[:n]), "x.pcap", Options{})
			if err != nil {
				t.Fatal(err)
			}
			return src
		}
		direct := open()
		want, wantErr := readAll(direct)
		p := Prefetch(open(), true)
		got, gotErr := readAll(p)
		if len(got) != len(want) {
			t.Fatalf("%d bytes: %d segments read ahead, want %d", n, len(got), len(want))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("%d bytes: segment %d differs: %+v, want %+v", n, i, got[i], want[i])
			}
		}
		if (gotErr == io.EOF) != (wantErr == io.EOF) || gotErr.Error() != wantErr.Error() {
			t.Errorf("%d bytes: error %v, want %v", n, gotErr, wantErr)
		}
		if p.Stats().TCP != direct.Stats().TCP || p.Stats().Records != direct.Stats().Records {
			t.Errorf("%d bytes: stats %+v, want %+v", n, p.Stats(), direct.Stats())
		}
		if errors.Is(gotErr, io.EOF) && p.Next(&tcp.Segment{}) != io.EOF {
			t.Errorf("%d bytes: Next after the end is not io.EOF", n)
		}
	}
}

// TestPrefetchClose stops reading early without hanging.
func TestPrefetchClose(t *testing.T) {
	data, err := os.ReadFile("../testdata/captures/real/bulk.pcap")
	if err != nil {
		t.Skip(err)
	}
	src, err := Open(bytes.NewReader(data), "x.pcap", Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := Prefetch(src, true)
	var seg tcp.Segment
	if err := p.Next(&seg); err != nil {
		t.Fatal(err)
	}
	p.Close()
	p.Close()
}

// TestCloseStopsTextReadingAhead stops a tcpdump text input partway, by
// its file's closer and through a Prefetcher: the text reader's own
// goroutine must end too.
func TestCloseStopsTextReadingAhead(t *testing.T) {
	var text bytes.Buffer
	for i := range 20_000 {
		fmt.Fprintf(&text, "12:00:00.%06d IP 10.0.0.1.%d > 10.0.0.2.80: Flags [S], seq %d, win 1, length 0\n", i%1_000_000, 1024+i%60000, i)
	}
	path := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(path, text.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	settle := func(want int) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for runtime.NumGoroutine() > want {
			if time.Now().After(deadline) {
				t.Fatalf("%d goroutines, want %d: the text reader still reads", runtime.NumGoroutine(), want)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	for _, prefetch := range []bool{false, true} {
		before := runtime.NumGoroutine()
		src, closer, err := OpenFile(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if prefetch {
			src = Prefetch(src, true)
		}
		var seg tcp.Segment
		for range 10 {
			if err := src.Next(&seg); err != nil {
				t.Fatal(err)
			}
		}
		if prefetch {
			src.Close()
		} else {
			closer.Close()
		}
		settle(before)
		closer.Close()
	}
}

// TestReadsAhead: the tcpdump text reader says it reads ahead when it
// will (two CPUs, or a live input), a capture reader never, and a
// Prefetcher when it or its source does.
func TestReadsAhead(t *testing.T) {
	text := "12:00:00.000001 IP 10.0.0.1.1024 > 10.0.0.2.80: Flags [S], seq 1, win 1, length 0\n"
	two := runtime.GOMAXPROCS(0) >= 2
	for _, tt := range []struct {
		name string
		in   []byte
		live bool
		want bool
	}{
		{"text", []byte(text), false, two},
		{"live text", []byte(text), true, true},
	} {
		src, err := Open(bytes.NewReader(tt.in), "x.txt", Options{Live: tt.live})
		if err != nil {
			t.Fatal(err)
		}
		if got := src.ReadsAhead(); got != tt.want {
			t.Errorf("%s: ReadsAhead %v before reading, want %v", tt.name, got, tt.want)
		}
		readAll(src)
		if got := src.ReadsAhead(); got != tt.want {
			t.Errorf("%s: ReadsAhead %v once read, want %v", tt.name, got, tt.want)
		}
	}
	data, err := os.ReadFile("../testdata/captures/real/bulk.pcap")
	if err != nil {
		t.Skip(err)
	}
	src, err := Open(bytes.NewReader(data), "x.pcap", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if src.ReadsAhead() {
		t.Error("a capture reader says it reads ahead")
	}
	p := Prefetch(src, false)
	defer p.Close()
	if p.ReadsAhead() != two {
		t.Errorf("Prefetch: ReadsAhead %v with GOMAXPROCS %d", p.ReadsAhead(), runtime.GOMAXPROCS(0))
	}
}
