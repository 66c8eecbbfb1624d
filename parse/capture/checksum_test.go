package capture

import (
	"bytes"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

func checksumVerdicts(t *testing.T, data []byte) []tcp.Checksum {
	t.Helper()
	r, err := NewReader(bytes.NewReader(data), "t")
	if err != nil {
		t.Fatal(err)
	}
	r.VerifyChecksums(true)
	var out []tcp.Checksum
	var seg tcp.Segment
	for r.Next(&seg) != io.EOF {
		out = append(out, seg.Checksum)
	}
	return out
}

func TestChecksumsVerified(t *testing.T) {
	data := synthCapture(t, 1, 4)
	for i, v := range checksumVerdicts(t, data) {
		if v != tcp.ChecksumGood {
			t.Errorf("segment %d: checksum verdict %d, want good", i+1, v)
		}
	}
	// Flip a payload byte of the last packet (the file ends with its payload).
	bad := bytes.Clone(data)
	bad[len(bad)-1] ^= 0xff
	got := checksumVerdicts(t, bad)
	if got[len(got)-1] != tcp.ChecksumBadTCP {
		t.Errorf("corrupted payload: verdict %d, want bad TCP checksum", got[len(got)-1])
	}
}

// TestChecksumsAgreeWithTcpdump compares the verdicts with tcpdump -vv's
// "(correct)" / "(incorrect -> …)" on the real loopback capture, where
// the kernel leaves most checksums to an offload engine that loopback lacks:
// those are recognised as offload, not as bad.
func TestChecksumsAgreeWithTcpdump(t *testing.T) {
	data, err := os.ReadFile(loopbackCapture)
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(loopbackText)
	if err != nil {
		t.Fatal(err)
	}
	var want []tcp.Checksum
	for _, line := range strings.Split(string(text), "\n") {
		switch {
		case strings.Contains(line, "(incorrect"):
			// Every "incorrect" checksum of this capture is the pseudo-header
			// sum that checksum offload leaves: not computed, not wrong.
			want = append(want, tcp.ChecksumUnknown)
		case strings.Contains(line, "(correct)"):
			want = append(want, tcp.ChecksumGood)
		}
	}
	got := checksumVerdicts(t, data)
	if !slices.Equal(got, want) {
		t.Errorf("verdicts %v, tcpdump says %v", got, want)
	}
}
