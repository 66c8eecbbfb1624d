package tcpdump

import (
	"strings"
	"testing"
)

// TestCutLines reads packet lines cut short inside their IP part, as a
// log whose writer was killed mid-line, or that was cut by size, leaves
// them: each is a malformed packet reported at the line and column where
// it ends, never counted as UDP or another IP protocol, and the packets
// around it are read.
func TestCutLines(t *testing.T) {
	const good = "12:00:00.000000 IP 10.0.0.9.1 > 10.0.0.8.2: Flags [S], seq 1, win 100, length 0\n"
	const v4 = "12:00:00.000000 IP (tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP (6), length 40)"
	for _, c := range []struct {
		name, text string
		msg        string // what the problem says
	}{
		{"in the destination address", "12:00:00.000000 IP 10.0.0.1.80 > 10.0.", "cut short"},
		{"after the destination", "12:00:00.000000 IP 10.0.0.1.80 > 10.0.0.2.5000", "cut short"},
		{"at the colon", "12:00:00.000000 IP 10.0.0.1.80 > 10.0.0.2.5000:", "cut short"},
		{"after the colon", "12:00:00.000000 IP 10.0.0.1.80 > 10.0.0.2.5000: ", "cut short"},
		{"in the word Flags", "12:00:00.000000 IP 10.0.0.1.80 > 10.0.0.2.5000: Fla", "cut short"},
		{"after the flag letters", "12:00:00.000000 IP 10.0.0.1.80 > 10.0.0.2.5000: Flags [S", `expected "]"`},
		{"at the arrow", "12:00:00.000000 IP 10.0.0.1.80 >", "cut short"},
		{"in the source", "12:00:00.000000 IP 10.0.0", "cut short"},
		{"after IP", "12:00:00.000000 IP", "cut short"},
		{"numbered", "    7  12:00:00.000000 IP 10.0.0.1.80 > 10.0.", "cut short"},
		{"IPv6", "12:00:00.000000 IP6 fd00::1.80 > fd00::", "cut short"},
		{"IPv6 -v", "12:00:00.000000 IP6 (flowlabel 0x1, hlim 64, next-header TCP (6), payload length 20) fd00::1.80 > fd", "cut short"},
		{"-e", "12:00:00.000000 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 (0x0800), length 54: 10.0.0.1.80 > 10.0.0.2.50", "cut short"},
		{"in the -v header", "12:00:00.000000 IP (tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP (6), len", "cut short"},
		{"the -v TCP line missing", v4, "cut short"},
		{"in the -v TCP line", v4 + "\n    10.0.0.1.80 > 10.0.0.", "cut short"},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := good + c.text + "\n" + good
			segs, st, err := readAll(text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			last := strings.Split(c.text, "\n")
			line, col := 1+len(last), len(last[len(last)-1])+1
			if len(segs) != 2 || st.Malformed != 1 || st.UDP+st.OtherIP != 0 || len(st.Problems) != 1 {
				t.Fatalf("%d segments, stats %+v; want 2 segments and the cut line malformed", len(segs), *st)
			}
			p := st.Problems[0]
			if p.Pos.Line != line || p.Pos.Col != col || !strings.Contains(p.Msg, c.msg) {
				t.Errorf("problem %v, want it at %d:%d saying %q", p, line, col, c.msg)
			}
			if _, _, err := readAll(text, Options{Strict: true}); err == nil {
				t.Error("Strict: no error")
			}
		})
	}
}
