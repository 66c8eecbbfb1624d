package tcpdump

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// newReaderAhead returns a reader that reads ahead on a goroutine, or not,
// whatever GOMAXPROCS says.
func newReaderAhead(in io.Reader, opts Options, ahead bool) *Reader {
	r := NewReader(in, "in.txt", opts)
	r.begin(ahead)
	return r
}

// transcript is everything a caller can see of a reader: each segment with
// its packet's first line, the error that ended the reading, and the stats.
func transcript(r *Reader) string {
	var b strings.Builder
	var seg tcp.Segment
	for {
		err := r.Next(&seg)
		if err != nil {
			fmt.Fprintf(&b, "end: %v (EOF %v)\n", err, errors.Is(err, io.EOF))
			break
		}
		fmt.Fprintf(&b, "%+v\n%s\n", seg, r.PacketLine())
	}
	fmt.Fprintf(&b, "%+v\n", *r.Stats())
	return b.String()
}

// sameEitherWay fails the test when reading ahead changes what a caller
// sees of in.
func sameEitherWay(t *testing.T, in func() io.Reader, opts Options) {
	t.Helper()
	want := transcript(newReaderAhead(in(), opts, false))
	got := transcript(newReaderAhead(in(), opts, true))
	if got != want {
		t.Fatalf("reading ahead gives\n%.2000s\nreading in turn gives\n%.2000s", got, want)
	}
}

// textInputs are the tcpdump renderings in the repository.
func textInputs(t *testing.T) map[string][]byte {
	t.Helper()
	var paths []string
	for _, pattern := range []string{"testdata/*.txt", "../../testdata/*/*.txt", "../../testdata/*/*/*.txt"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		t.Fatal("no tcpdump text found in testdata")
	}
	inputs := make(map[string][]byte)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs[p] = b
	}
	return inputs
}

func TestReadingAheadChangesNothing(t *testing.T) {
	for path, text := range textInputs(t) {
		t.Run(path, func(t *testing.T) {
			for _, opts := range []Options{{}, {Strict: true}, {Absolute: true}} {
				sameEitherWay(t, func() io.Reader { return bytes.NewReader(text) }, opts)
				// A line at a time, as from a pipe: batches are handed
				// over whenever nothing more is buffered.
				sameEitherWay(t, func() io.Reader { return iotest.OneByteReader(bytes.NewReader(text)) }, opts)
				// A read error partway.
				sameEitherWay(t, func() io.Reader {
					return io.MultiReader(bytes.NewReader(text[:len(text)/2]), iotest.ErrReader(errors.New("disk on fire")))
				}, opts)
			}
		})
	}
}

func TestReadingAheadChangesNothingOnOddInput(t *testing.T) {
	long := strings.Repeat("x", MaxLine+10)
	for name, text := range map[string]string{
		"binary first":          "\x00\x01\x02\n12:00:00.000000 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0\n",
		"binary later":          "12:00:00.000000 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0\n\x00\x01\n12:00:00.000001 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0\n",
		"line too long":         "12:00:00.000000 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0\n" + long + "\n12:00:00.000001 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0",
		"malformed, then more":  strings.Repeat("12:00:00.000000 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq x, win 1, length 0\n12:00:00.000001 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0\n", 700),
		"long lines":            strings.Repeat("12:00:00.000000 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0: "+strings.Repeat("x", 100_000)+"\n", 40),
		"empty":                 "",
		"no newline at the end": "12:00:00.000000 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0",
	} {
		t.Run(name, func(t *testing.T) {
			for _, opts := range []Options{{}, {Strict: true}} {
				sameEitherWay(t, func() io.Reader { return strings.NewReader(text) }, opts)
			}
		})
	}
}

// fuzzCorpus reads the values of a fuzz target's corpus in testdata.
func fuzzCorpus(t *testing.T, target string) [][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "fuzz", target, "*"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus for %s (%v)", target, err)
	}
	var values [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n")[1:] {
			_, quoted, ok := strings.Cut(strings.TrimSuffix(strings.TrimSpace(line), ")"), "(")
			if !ok {
				continue
			}
			v, err := strconv.Unquote(quoted)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			values = append(values, []byte(v))
		}
	}
	return values
}

func TestReadingAheadOnFuzzCorpus(t *testing.T) {
	var inputs [][]byte
	inputs = append(inputs, fuzzCorpus(t, "FuzzReader")...)
	for _, line := range fuzzCorpus(t, "FuzzLine") {
		inputs = append(inputs, lineInputs(string(line))...)
	}
	t.Logf("%d inputs", len(inputs))
	for _, in := range inputs {
		for _, opts := range []Options{{}, {Strict: true, Absolute: true}} {
			sameEitherWay(t, func() io.Reader { return bytes.NewReader(in) }, opts)
			sameEitherWay(t, func() io.Reader { return iotest.OneByteReader(bytes.NewReader(in)) }, opts)
		}
	}
}

// goroutinesSettle waits for the goroutine count to come back to want.
func goroutinesSettle(t *testing.T, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > want {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines, want %d: a reader's goroutine is left running", runtime.NumGoroutine(), want)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}

func TestReadingAheadEnds(t *testing.T) {
	log := benchLog(20_000)
	var seg tcp.Segment

	t.Run("at the end of the input", func(t *testing.T) {
		before := runtime.NumGoroutine()
		r := newReaderAhead(bytes.NewReader(log), Options{}, true)
		for r.Next(&seg) == nil {
		}
		goroutinesSettle(t, before)
	})
	t.Run("at a fatal error", func(t *testing.T) {
		before := runtime.NumGoroutine()
		r := newReaderAhead(io.MultiReader(strings.NewReader("\x00\n"), bytes.NewReader(log)), Options{}, true)
		if err := r.Next(&seg); err == nil || errors.Is(err, io.EOF) {
			t.Fatalf("Next = %v, want a fatal problem", err)
		}
		goroutinesSettle(t, before)
	})
	t.Run("at Close", func(t *testing.T) {
		for _, ahead := range []bool{true, false} {
			before := runtime.NumGoroutine()
			r := newReaderAhead(bytes.NewReader(log), Options{}, ahead)
			for range 10 {
				if err := r.Next(&seg); err != nil {
					t.Fatal(err)
				}
			}
			r.Close()
			goroutinesSettle(t, before)
			n := 0
			for r.Next(&seg) == nil {
				n++
			}
			if n > 1 {
				t.Errorf("reading ahead %v: %d segments after Close, want the packet in progress at most", ahead, n)
			}
		}
	})
	t.Run("when the reader is dropped", func(t *testing.T) {
		before := runtime.NumGoroutine()
		r := newReaderAhead(bytes.NewReader(log), Options{}, true)
		for range 10 {
			if err := r.Next(&seg); err != nil {
				t.Fatal(err)
			}
		}
		r = nil
		goroutinesSettle(t, before)
	})
}

func TestReadingAheadKeepsAPipeLive(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	r := newReaderAhead(pr, Options{}, true)
	defer r.Close()
	got := make(chan error)
	go func() {
		var seg tcp.Segment
		got <- r.Next(&seg)
	}()
	// The first packet is complete once the second one starts; nothing
	// more comes for now.
	fmt.Fprintln(pw, "12:00:00.000000 IP 1.2.3.4.1 > 1.2.3.4.2: Flags [S], seq 1, win 1, length 0")
	fmt.Fprintln(pw, "12:00:00.000001 IP 1.2.3.4.2 > 1.2.3.4.1: Flags [S.], seq 7, ack 2, win 1, length 0")
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no segment while the pipe waits for more: lines are held back for a batch")
	}
}
