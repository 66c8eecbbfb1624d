package tcpdump

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// noiseRenderings are tcpdump's renderings of lan-noise.pcap (Ethernet)
// and lan-noise-any.pcap (Linux cooked v2): one frame of every kind a busy
// interface shows besides TCP, with and without -e, -v and -t, made by
// testdata/craft/render.sh with the real tcpdump.
var noiseRenderings = []string{
	"lan-noise.txt", "lan-noise.e.txt", "lan-noise.v.txt", "lan-noise.e-v.txt",
	"lan-noise.vv-e-tttt.txt", "lan-noise.t-e.txt", "lan-noise.t-v.txt",
	"lan-noise-any.txt", "lan-noise-any.e.txt", "lan-noise-any.v.txt", "lan-noise-any.e-v.txt",
	"lan-noise-any.vv-e-tttt.txt", "lan-noise-any.t-e.txt", "lan-noise-any.t-v.txt",
}

// noisePackets splits a rendering into the texts of its packets (a first
// line and its continuation lines) and returns those before the first TCP
// packet.
func noisePackets(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../testdata/captures/craft", name))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if strings.Contains(line, ": Flags [") {
			break
		}
		if line == "" {
			continue
		}
		if len(texts) > 0 && (line[0] == '\t' || strings.HasPrefix(line, "    ")) {
			texts[len(texts)-1] += line
			continue
		}
		texts = append(texts, line)
	}
	return texts
}

// TestSniffRecognisesEveryKindOfLine: a log that opens with 1,000 lines and
// more of one kind that is not TCP (ARP, 802.1Q, STP, LLDP, CDP, EAPOL, an
// unknown ethertype's hex dump, IGMP, ICMP, UDP, ICMPv6 neighbour
// discovery, …) is tcpdump text, and its first packet says so: the
// look-ahead is one packet, whatever comes later.
func TestSniffRecognisesEveryKindOfLine(t *testing.T) {
	kinds := 0
	for _, name := range noiseRenderings {
		texts := noisePackets(t, name)
		if len(texts) < 20 {
			t.Fatalf("%s: only %d packets before the first TCP line", name, len(texts))
		}
		for i, text := range texts {
			kinds++
			log := strings.Repeat(text, 1000/strings.Count(text, "\n")+1)
			if got := SniffPrefix([]byte(text), false); got != IsText {
				t.Errorf("%s packet %d: SniffPrefix(%q) = %v, want IsText from this packet alone", name, i+1, text, got)
			}
			if !Sniff([]byte(log)) {
				t.Errorf("%s packet %d: %d lines of %q not recognised", name, i+1, strings.Count(log, "\n"), text)
			}
		}
	}
	if kinds < 250 {
		t.Errorf("only %d packets tested", kinds)
	}
}

// TestSniffRefusesOtherInput: binary data and other text stay refused, and
// a long text of another kind is refused within ForeignLines lines,
// without reading to its end.
func TestSniffRefusesOtherInput(t *testing.T) {
	cases := []struct {
		name, text string
	}{
		{"pcap magic", "\xd4\xc3\xb2\xa1\x02\x00\x04\x00\x00\x00\x00\x00"},
		{"pcapng magic", "\x0a\x0d\x0d\x0a\x1c\x00\x00\x00\x4d\x3c\x2b\x1a"},
		{"ELF", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00"},
		{"NUL in text", "14:12:45.104687 IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S]\x00\x00\n"},
		{"empty", ""},
		{"Go test log", "=== RUN   TestServer\n=== PAUSE TestServer\n=== CONT  TestServer\n    server_test.go:42: listening on 127.0.0.1:8080\n    server_test.go:57: GET / -> 200, length 12\n--- PASS: TestServer (0.01s)\nPASS\nok  \texample.com/server\t0.215s\n"},
		{"JSON", "{\n  \"files\": [\n    {\"path\": \"a.pcap\", \"connections\": 3, \"length\": 12}\n  ],\n  \"summary\": {\"files\": 1}\n}\n"},
		{"JSON lines", "{\"time\":\"2026-12-04T16:01:33.123456Z\",\"level\":\"info\",\"msg\":\"request 10.0.0.1:5000 > 10.0.0.2:80\"}\n"},
		{"shell session", "$ ls -la /tmp\ntotal 8\ndrwxrwxrwt  2 root root 4096 Dec  4 16:01 .\ndrwxr-xr-x 19 root root 4096 Dec  1 09:12 ..\n$ echo done > out.txt\n$ exit\n"},
		{"tshark", "    1 0.000000000     10.0.0.1 → 10.0.0.2     TCP 74 55920 → 80 [SYN] Seq=0 Win=65495 Len=0\n    2 0.000023000     10.0.0.2 → 10.0.0.1     TCP 74 80 → 55920 [SYN, ACK] Seq=0 Ack=1 Len=0\n"},
		{"application log", "2026-12-04 16:01:33.123 INFO  server started, length 5\n2026-12-04 16:01:33.456 WARN  retrying 10.0.0.1 > 10.0.0.2\n"},
		{"syslog", "Dec  4 16:01:33 host kernel: [12345.678901] eth0: link up, length 3\nDec  4 16:01:34 host sshd[99]: Accepted publickey for root\n"},
		{"CSV", "time,src,dst,length\n16:01:33.123456,10.0.0.1,10.0.0.2,60\n"},
		{"prose", "IP addresses are assigned by DHCP.\nARP maps them to MAC addresses.\n"},
	}
	for _, c := range cases {
		if Sniff([]byte(c.text)) {
			t.Errorf("%s: Sniff = true", c.name)
		}
		if c.text == "" || strings.IndexByte(c.text, 0) >= 0 || strings.HasPrefix(c.name, "pcap") || c.name == "ELF" {
			continue
		}
		long := strings.Repeat(c.text, ForeignLines) + strings.Repeat("x", 1<<20)
		if got := SniffPrefix([]byte(long), false); got != NotText {
			t.Errorf("%s repeated: SniffPrefix = %v, want NotText before the end", c.name, got)
		}
	}
	for _, s := range []string{"\xd4\xc3\xb2\xa1\x02\x00", "\x0a\x0d\x0d\x0a\x1c\x00"} {
		if got := SniffPrefix([]byte(s), false); got != NotText {
			t.Errorf("SniffPrefix(%q, false) = %v, want NotText", s, got)
		}
	}
}

// TestSniffWaitsForACutLine: a line cut off by the end of what was read
// is not judged until it is complete, unless the input ends there.
func TestSniffWaitsForACutLine(t *testing.T) {
	cut := "07:08:09.001000 ARP, Request who-has 192.0.2.1 tell 192.0.2.10, len"
	if got := SniffPrefix([]byte(cut), false); got != Undecided {
		t.Errorf("cut line: %v, want Undecided", got)
	}
	if got := SniffPrefix([]byte(cut), true); got != IsText {
		t.Errorf("cut line at the end of the input: %v, want IsText", got)
	}
}
