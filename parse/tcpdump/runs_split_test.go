package tcpdump

import (
	"os"
	"strings"
	"testing"
)

// TestEachRunDecidesItsNumbering reads a log of two tcpdump runs, the
// first with -# (where only a numbered line starts a packet), the second
// without: the second run's banner lets its packets be told apart by
// their timestamps again.
func TestEachRunDecidesItsNumbering(t *testing.T) {
	numbered, err := os.ReadFile("testdata/hostile-payload.n.A.num.txt")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := os.ReadFile("testdata/ipv6.tttt.v.txt")
	if err != nil {
		t.Fatal(err)
	}
	first, _ := mustRead(t, string(numbered), Options{})
	second, _ := mustRead(t, string(plain), Options{})
	both, st := mustRead(t, string(numbered)+string(plain), Options{})
	if len(both) != len(first)+len(second) || st.Malformed != 0 {
		t.Errorf("%d segments (%d malformed), want %d + %d", len(both), st.Malformed, len(first), len(second))
	}
	if !strings.HasPrefix(string(plain), "reading from file ") {
		t.Fatal("the second run has no banner")
	}
}
