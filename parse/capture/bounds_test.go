package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

const craftDir = "../../testdata/captures/craft"

// maxBrokenAlloc is what reading a broken file may allocate in all: the
// 256 KiB read buffer, one growStep of record buffer, and change.
const maxBrokenAlloc = 3 << 20

// lyingPcap is a pcap file header and one record header claiming
// maxRecordLen captured bytes, followed by only 10 of them.
func lyingPcap() []byte {
	b := binary.LittleEndian.AppendUint32(nil, pcapMagicMicro)
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 4)
	b = append(b, make([]byte, 8)...)
	b = binary.LittleEndian.AppendUint32(b, 0xffffffff) // snaplen
	b = binary.LittleEndian.AppendUint32(b, 1)          // Ethernet
	b = append(b, make([]byte, 8)...)                   // time
	b = binary.LittleEndian.AppendUint32(b, maxRecordLen)
	b = binary.LittleEndian.AppendUint32(b, maxRecordLen)
	return append(b, make([]byte, 10)...)
}

// lyingPcapng is a section header and an enhanced packet block whose
// leading length claims about maxRecordLen bytes, followed by 64.
func lyingPcapng() []byte {
	b := binary.LittleEndian.AppendUint32(nil, ngSectionHeader)
	b = binary.LittleEndian.AppendUint32(b, 28)
	b = binary.LittleEndian.AppendUint32(b, ngByteOrderMagic)
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint16(b, 0)
	b = binary.LittleEndian.AppendUint64(b, ^uint64(0))
	b = binary.LittleEndian.AppendUint32(b, 28)
	b = binary.LittleEndian.AppendUint32(b, ngEnhancedPacket)
	b = binary.LittleEndian.AppendUint32(b, maxRecordLen)
	return append(b, make([]byte, 64)...)
}

// readAllocating reads data to its end and returns the bytes allocated on
// the way and the final error.
func readAllocating(t *testing.T, name string, data []byte) (uint64, error) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r, err := NewReader(bytes.NewReader(data), name)
	if err == nil {
		var seg tcp.Segment
		for err == nil {
			err = r.Next(&seg)
		}
	}
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, err
}

func TestLyingLengthsAreErrorsWithoutLargeAllocations(t *testing.T) {
	cases := map[string][]byte{
		"record claiming 16 MiB in a 50-byte pcap":     lyingPcap(),
		"block claiming 16 MiB in a 100-byte pcapng":   lyingPcapng(),
		"pcap record claiming 4 GiB (caplen overflow)": mustRead(t, "broken-caplen-huge.pcap"),
		"pcapng block length beyond its trailer":       mustRead(t, "broken-pcapng-block-length.pcapng"),
		"pcap cut inside a record":                     mustRead(t, "broken-truncated-record.pcap"),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			alloc, err := readAllocating(t, "lying", data)
			var p tcp.Problem
			if !errors.As(err, &p) || !p.Fatal || p.Pos.File != "lying" {
				t.Fatalf("error %v, want a fatal tcp.Problem naming the file", err)
			}
			if !strings.Contains(p.Error(), "offset") {
				t.Errorf("error %q names no byte offset", p.Error())
			}
			if alloc > maxBrokenAlloc {
				t.Errorf("allocated %d bytes reading %d, want at most %d", alloc, len(data), maxBrokenAlloc)
			}
		})
	}
}

func TestSnaplenBeyondTheFileIsNoError(t *testing.T) {
	alloc, err := readAllocating(t, "snaplen-huge.pcap", mustRead(t, "snaplen-huge.pcap"))
	if err != io.EOF {
		t.Fatalf("error %v, want io.EOF", err)
	}
	if alloc > maxBrokenAlloc {
		t.Errorf("allocated %d bytes, want at most %d", alloc, maxBrokenAlloc)
	}
}

func TestReadIntoGrowsWithTheBytesThatCome(t *testing.T) {
	tests := []struct {
		name      string
		have, ask int
		wantErr   bool
	}{
		{"a small record fits", 100, 100, false},
		{"a record larger than one step", 3*growStep + 5, 3*growStep + 5, false},
		{"a record cut short", 10, growStep * 8, true},
		{"an empty record", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := bytes.Repeat([]byte{7}, tt.have)
			var buf []byte
			n, err := readInto(bytes.NewReader(src), &buf, tt.ask)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v", err)
			}
			if n != min(tt.have, tt.ask) || !bytes.Equal(buf, src[:n]) {
				t.Fatalf("read %d bytes, buffer of %d", n, len(buf))
			}
			if cap(buf) > max(tt.have, 0)+growStep {
				t.Errorf("buffer capacity %d for %d bytes read", cap(buf), tt.have)
			}
		})
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(craftDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
