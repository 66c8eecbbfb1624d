package explain

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// seedLines reads the tutorial's seven lines, as a reader pastes them.
func seedLines(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("testdata/seed-tutorial.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

// seedSegments builds the tutorial's seven segments from its numbers, the
// way the tcpdump text reader gives them: absolute numbers, no seq on the
// pure ACKs (tcpdump prints none without -vv), times on 1970-01-01 UTC.
func seedSegments() []tcp.Segment {
	const j, k = 2927179378, 1721825043
	client := tcp.Endpoint{Name: "localhost", Port: 39870}
	server := tcp.Endpoint{Name: "localhost", Port: 9502}
	at := func(s, us int) time.Time { return time.Date(1970, 1, 1, 14, 12, s, us*1000, time.UTC) }
	synOpts := func(val, ecr uint32) tcp.Options {
		return tcp.Options{Has: tcp.OptMSS | tcp.OptSACKPermitted | tcp.OptTimestamp | tcp.OptNOP | tcp.OptWScale,
			MSS: 16396, WScale: 3, TSVal: val, TSEcr: ecr}
	}
	ts := func(val, ecr uint32) tcp.Options {
		return tcp.Options{Has: tcp.OptTimestamp | tcp.OptNOP, TSVal: val, TSEcr: ecr}
	}
	const text = tcp.KnownAll &^ tcp.KnownChecksum
	const pureAck = text &^ tcp.KnownSeq
	segs := []tcp.Segment{
		{Time: at(45, 104687), Src: client, Dst: server, Seq: j, Window: 32792, Flags: tcp.SYN, Options: synOpts(255474104, 0), Known: text},
		{Time: at(45, 104701), Src: server, Dst: client, Seq: k, Ack: j + 1, Window: 32768, Flags: tcp.SYN | tcp.ACK, Options: synOpts(255474104, 255474104), Known: text},
		{Time: at(45, 104711), Src: client, Dst: server, Ack: k + 1, Window: 4099, Flags: tcp.ACK, Options: ts(255474104, 255474104), Known: pureAck},
		{Time: at(61, 415407), Src: client, Dst: server, Seq: j + 1, Ack: k + 1, Window: 4099, Flags: tcp.PSH | tcp.ACK, Options: ts(255478182, 255474104), PayloadLen: 7, Known: text},
		{Time: at(61, 415432), Src: server, Dst: client, Ack: j + 8, Window: 4096, Flags: tcp.ACK, Options: ts(255478182, 255478182), Known: pureAck},
		{Time: at(61, 415747), Src: server, Dst: client, Seq: k + 1, Ack: j + 8, Window: 4096, Flags: tcp.PSH | tcp.ACK, Options: ts(255478182, 255478182), PayloadLen: 18, Known: text},
		{Time: at(61, 415757), Src: client, Dst: server, Ack: k + 19, Window: 4097, Flags: tcp.ACK, Options: ts(255478182, 255478182), Known: pureAck},
	}
	for i := range segs {
		segs[i].Pos = tcp.Pos{File: "seed-tutorial.txt", Line: i + 1, Col: 1}
		segs[i].Interface = -1
	}
	return segs
}

// explained splits text output into the explanation of each log line.
func explained(out string) map[int]string {
	notes := map[int]string{}
	for i, block := range strings.Split(out, "\n\n") {
		notes[i+1] = block
	}
	return notes
}

func TestSeedTutorial(t *testing.T) {
	lines := seedLines(t)
	out := checkGolden(t, "seed-tutorial", seedSegments(), lines, Options{})
	notes := explained(out)
	want := map[int][]string{
		1: {"Handshake 1/3", "client localhost:39870 (it sent the first SYN)", "server localhost:9502", "j = 2927179378",
			"MSS 16396", "window scale 3 (its windows count ×8)", "Client: CLOSED → SYN_SENT"},
		2: {"Handshake 2/3", "j + 1 = 2927179379 ✓", "k = 1721825043", "14 µs after the SYN", "client's windows count ×8"},
		3: {"Handshake 3/3", "ack 1 is relative", "k + 1 = 1721825044 ✓", "complete, 24 µs after the SYN",
			"Window 4099 × 8 = 32792 bytes (scale 3", "Server: SYN_RECEIVED → ESTABLISHED"},
		4: {"idle for 16.3 s", "sends 7 bytes: relative 1–7, absolute 2927179379–2927179385", "PUSH", "7 bytes from the client are now in flight"},
		5: {"acknowledges the client's bytes up to relative 7", "ack 8", "absolute 2927179386", "acknowledges line 4 (7 bytes), sent 25 µs earlier",
			"Nothing from the client is in flight", "Window 4096 × 8 = 32768 bytes"},
		6: {"sends 18 bytes: relative 1–18, absolute 1721825044–1721825061"},
		7: {"up to relative 18", "ack 19", "absolute 1721825062", "acknowledges line 6 (18 bytes), sent 10 µs earlier",
			"Window 4097 × 8 = 32776 bytes", "was 32792"},
		8: {"Connection 1: the client localhost:39870 connected to the server localhost:9502", "round-trip time: 24 µs",
			"client sent 7 bytes and the server 18", "7 packets", "Zeek state S1"},
	}
	for n, parts := range want {
		for _, p := range parts {
			if !strings.Contains(notes[n], p) {
				t.Errorf("explanation %d lacks %q:\n%s", n, p, notes[n])
			}
		}
	}
	if !strings.HasPrefix(notes[1], lines[0]+"\n") {
		t.Errorf("the first explanation does not start with the original line:\n%s", notes[1])
	}
}

// TestSeedTutorialFromText reads the tutorial through parse.Open, as the
// command does, and expects the same explanation as from the hand-built
// segments. It skips until the tcpdump text reader is part of parse.
func TestSeedTutorialFromText(t *testing.T) {
	f, err := os.Open("testdata/seed-tutorial.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	src, err := parse.Open(f, "seed-tutorial.txt", parse.Options{})
	if err != nil {
		t.Skipf("no tcpdump text reader yet: %v", err)
	}
	texts, ok := src.(interface{ PacketLine() string })
	if !ok {
		t.Fatal("the text source does not give the original lines (PacketLine)")
	}
	var segs []tcp.Segment
	var lines []string
	for {
		var seg tcp.Segment
		if err := src.Next(&seg); err != nil {
			break
		}
		segs = append(segs, seg)
		lines = append(lines, texts.PacketLine())
	}
	checkGolden(t, "seed-tutorial", segs, lines, Options{})
}
