package tcpdump

import (
	"math/rand"
	"testing"
)

// TestIsBinaryAgreesWithByteByByte checks the word-at-a-time scan against
// hasControl, the definition, on lines of every length with a few control,
// DEL, TAB and high bytes anywhere.
func TestIsBinaryAgreesWithByteByByte(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	odd := []byte{0x00, 0x01, '\t', '\n', 0x1f, ' ', 0x7e, 0x7f, 0x80, 0xff}
	for range 200_000 {
		b := make([]byte, r.Intn(70))
		for i := range b {
			if r.Intn(12) == 0 {
				b[i] = odd[r.Intn(len(odd))]
			} else {
				b[i] = byte(' ' + r.Intn(95))
			}
		}
		if got, want := isBinary(b), hasControl(b); got != want {
			t.Fatalf("isBinary(%q) = %v, want %v", b, got, want)
		}
	}
}
