package checks

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/rules"
)

// TestNumberingNeedsNoFlag renders conversations whose ISNs are 0, 1, 100,
// 2^20-1 or random, on either side, with the real tcpdump with and
// without -S, and wants from each text, read with no flag, the findings of
// the capture: whether the numbers are relative is told by which reading
// continues the connection, not by their size. The -S rendering read with
// -S told gives them too.
func TestNumberingNeedsNoFlag(t *testing.T) {
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("tcpdump is not on PATH: this test renders captures with the real tcpdump (apt-get install tcpdump)")
	}
	random := rand.New(rand.NewPCG(2026, 14)).Uint32()
	var pairs [][2]uint32 // client's and server's ISN
	for _, small := range []uint32{0, 1, 100, 1<<20 - 1} {
		pairs = append(pairs, [2]uint32{small, random}, [2]uint32{random, small}, [2]uint32{small, small})
	}
	pairs = append(pairs, [2]uint32{random, 0xffffff00}, [2]uint32{0, 1 << 20})
	dir := t.TempDir()
	for _, pair := range pairs {
		cisn, sisn := pair[0], pair[1]
		name := fmt.Sprintf("client-%d-server-%d", cisn, sisn)
		t.Run(name, func(t *testing.T) {
			c := newCapture()
			a := c.conn(40000, cisn, sisn)
			a.handshake()
			a.data(client, 100)
			a.ack(server)
			a.data(server, 300)
			a.resend(server) // a retransmission: info retransmission
			a.ack(client)
			a.lose(client, 100) // a gap: warning seq-gap
			a.data(client, 100)
			a.ack(server)
			a.close(client)
			pcap := filepath.Join(dir, name+".pcap")
			if err := c.write(pcap); err != nil {
				t.Fatal(err)
			}
			want := findingSet(lintRead(t, pcap, parse.Options{}, allAtInfo(nil), nil))
			if len(want) == 0 {
				t.Fatal("the capture gives no finding")
			}
			for _, r := range []struct {
				flags []string
				opts  parse.Options
			}{
				{[]string{"-n"}, parse.Options{}},
				{[]string{"-n", "-S"}, parse.Options{}},
				{[]string{"-n", "-S"}, parse.Options{Absolute: true}},
				{[]string{"-n", "-vv"}, parse.Options{}},
			} {
				txt := renderText(t, pcap, r.flags...)
				got := findingSet(lintRead(t, txt, r.opts, allAtInfo(nil), nil))
				if !slices.Equal(got, want) {
					text, _ := os.ReadFile(txt)
					t.Errorf("tcpdump %v (told -S: %v): findings\n%q\nwant the capture's\n%q\n%s", r.flags, r.opts.Absolute, got, want, text)
				}
			}
		})
	}
}

// renderText writes tcpdump's rendering of pcap with flags beside it.
func renderText(t *testing.T, pcap string, flags ...string) string {
	t.Helper()
	out, err := exec.Command("tcpdump", append([]string{"-r", pcap}, flags...)...).Output()
	if err != nil {
		t.Fatalf("tcpdump %v: %v", flags, err)
	}
	txt := fmt.Sprintf("%s%v.txt", pcap, flags)
	if err := os.WriteFile(txt, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return txt
}

// findingSet is the findings as "rule severity: message", sorted, without
// positions: a text and a capture place them differently.
func findingSet(fs []rules.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%s %s: %s", f.Rule, f.Severity, f.Message)
	}
	slices.Sort(out)
	return out
}
