package tcpdump

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/internal/oracle"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// timeForm is what a variant's timestamps say.
type timeForm uint8

const (
	timeOfDay timeForm = iota // default and -tttt: the wall clock
	timeNone                  // -t
	timeDelta                 // -ttt, -ttttt: only differences
)

// variant is one way of running tcpdump over a capture.
type variant struct {
	name  string
	args  []string
	names bool // without -n: hosts and ports may be names
	time  timeForm
	quiet bool
	// exact: every seq and ack the text shows must be known (-S, -vv, hex
	// dumps), whatever the relative numbering hides.
	exact bool
	// stdoutOnly leaves out the stderr banner (and with it the link type).
	stdoutOnly bool
	nano       bool // needs a nanosecond capture
	absolute   bool // tell the reader -S instead of letting it guess
}

var variants = []variant{
	{name: "-n", args: []string{"-n"}},
	{name: "names", args: nil, names: true},
	{name: "-S", args: []string{"-n", "-S"}, exact: true},
	{name: "-S told", args: []string{"-n", "-S"}, exact: true, absolute: true},
	{name: "-S names", args: []string{"-S"}, names: true, exact: true},
	{name: "-t", args: []string{"-n", "-t"}, time: timeNone},
	{name: "-tt", args: []string{"-n", "-tt"}},
	{name: "-ttt", args: []string{"-n", "-ttt"}, time: timeDelta},
	{name: "-tttt", args: []string{"-n", "-tttt"}},
	{name: "-ttttt", args: []string{"-n", "-ttttt"}, time: timeDelta},
	{name: "-v", args: []string{"-n", "-v"}},
	{name: "-vv", args: []string{"-n", "-vv"}, exact: true},
	{name: "-e", args: []string{"-n", "-e"}},
	{name: "-e -v", args: []string{"-n", "-e", "-v"}},
	{name: "-vv -e -tttt", args: []string{"-n", "-vv", "-e", "-tttt"}, exact: true},
	{name: "-t -e", args: []string{"-n", "-t", "-e"}, time: timeNone},
	{name: "-#", args: []string{"-n", "-#"}},
	{name: "-x", args: []string{"-n", "-x"}, exact: true},
	{name: "-xx", args: []string{"-n", "-xx"}, exact: true},
	{name: "-xx without banner", args: []string{"-n", "-xx"}, exact: true, stdoutOnly: true},
	{name: "-X", args: []string{"-n", "-X"}, exact: true},
	{name: "-XX", args: []string{"-n", "-XX"}, exact: true},
	{name: "-A", args: []string{"-n", "-A", "-#"}},
	{name: "-q", args: []string{"-n", "-q"}, quiet: true},
	{name: "-q names -e", args: []string{"-q", "-e"}, quiet: true, names: true},
	{name: "-n -S -vv -e -#", args: []string{"-n", "-S", "-vv", "-e", "-#"}, exact: true},
	{name: "names -v -e -ttttt", args: []string{"-v", "-e", "-ttttt"}, names: true, time: timeDelta},
	{name: "-t -# -v", args: []string{"-n", "-t", "-#", "-v"}, time: timeNone},
	{name: "--nano", args: []string{"-n", "--nano"}, nano: true},
	{name: "--nano -tt -vv", args: []string{"-n", "--nano", "-tt", "-vv"}, nano: true, exact: true},
	{name: "--nano -ttt", args: []string{"-n", "--nano", "-ttt"}, nano: true, time: timeDelta},
}

// diffInput is a capture the differential test renders.
type diffInput struct {
	name string
	path string
	nano bool
	// recording holds what tcpdump printed of the capture in every
	// variant (internal/oracle).
	recording string
}

// TestDifferential renders every capture with tcpdump in every variant
// and requires the reader to find in the text the segments the capture
// holds. By default tcpdump's text is read from its recordings under
// testdata/oracle/tcpdump; with PCAPLINT_ORACLE=live (.ci/run) tcpdump
// runs, and a recording that differs from it fails the test.
func TestDifferential(t *testing.T) {
	captures := differentialCaptures(t)
	var recordings []string
	for _, c := range captures {
		recordings = append(recordings, c.recording)
	}
	defer oracle.CheckNoneLeft(t, recordingsDir, recordings)
	for _, c := range captures {
		if strings.HasPrefix(filepath.Base(c.path), "broken") {
			continue // deliberately broken captures are the hardening tests' business
		}
		data, err := os.ReadFile(c.path)
		if err != nil {
			t.Fatal(err)
		}
		want, err := groundTruth(data)
		if err != nil {
			t.Fatalf("%s: ground truth: %v", c.name, err)
		}
		if len(want) == 0 {
			continue
		}
		records := recordTimes(data)
		if records == nil {
			t.Logf("%s: pcapgo cannot list its records: -ttt times are not compared", c.name)
		}
		book := oracle.Open(t, c.recording)
		for _, v := range variants {
			if v.nano != c.nano {
				continue
			}
			t.Run(c.name+"/"+v.name, func(t *testing.T) {
				res := book.Run(t, v.key(), "tcpdump", func() oracle.Result { return runTcpdump(t, c.path, v) })
				if res.Fail != "" {
					tcpdumpFailed(t, res.Out, errors.New(res.Fail), want)
				}
				checkVariant(t, res.Out, shown(want, v), records, v)
			})
		}
	}
}

// recordingsDir holds tcpdump's text of every capture in every variant:
// generated/ for the generated scenarios, then the paths under testdata.
var recordingsDir = filepath.Join("..", "..", "testdata", "oracle", "tcpdump")

// differentialCaptures writes the generated scenarios to a temporary
// folder and adds every capture under the repository's testdata/.
func differentialCaptures(t *testing.T) []diffInput {
	dir := t.TempDir()
	var out []diffInput
	gen := scenarios()
	for _, name := range slices.Sorted(maps.Keys(gen)) {
		for _, nano := range []bool{false, true} {
			file := name + ".pcap"
			if nano {
				if name != "ipv4" && name != "ipv6" {
					continue
				}
				file = name + "-nano.pcap"
			}
			path := filepath.Join(dir, file)
			if err := os.WriteFile(path, gen[name].pcap(nano), 0o644); err != nil {
				t.Fatal(err)
			}
			out = append(out, diffInput{name: strings.TrimSuffix(file, ".pcap"), path: path, nano: nano,
				recording: filepath.Join(recordingsDir, "generated", file+".txt.gz")})
		}
	}
	const testdata = "../../testdata"
	_ = filepath.WalkDir(testdata, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".pcap") || strings.HasSuffix(path, ".pcapng")) {
			rel, _ := filepath.Rel(testdata, path)
			out = append(out, diffInput{name: "testdata/" + filepath.Base(path), path: path,
				recording: filepath.Join(recordingsDir, rel+".txt.gz")})
		}
		return nil
	})
	return out
}

// key names a variant's rendering in a recording: its arguments, and how
// stderr was kept. Variants that differ only in how the text is read share
// one rendering.
func (v variant) key() string {
	k := "tcpdump " + strings.Join(v.args, " ")
	if v.stdoutOnly {
		k += " 2>/dev/null"
	} else {
		k += " 2>&1"
	}
	return k
}

// runTcpdump renders a capture, with stderr merged as "2>&1" would unless
// the variant keeps stdout only. The capture's path is replaced by its
// base name in the text, so that the text is the same wherever the
// capture lies. When tcpdump fails, Fail says how, with the last line it
// wrote.
func runTcpdump(t testing.TB, path string, v variant) oracle.Result {
	t.Helper()
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Fatalf("tcpdump is not on PATH (apt-get install tcpdump); it is needed with %s=live or record", oracle.EnvVar)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "tcpdump", append([]string{"-r", path}, v.args...)...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	var out, errOut bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if v.stdoutOnly {
		cmd.Stderr = &errOut
	}
	err := cmd.Run()
	stable := strings.NewReplacer(path, filepath.Base(path))
	res := oracle.Result{Out: stable.Replace(out.String())}
	if err != nil {
		lines := strings.Split(strings.TrimSpace(out.String()+errOut.String()), "\n")
		res.Fail = stable.Replace(fmt.Sprintf("tcpdump %v: %v: %s", v.args, err, lines[len(lines)-1]))
	}
	return res
}

// tcpdumpFailed skips a variant that tcpdump itself could not render, so
// that it is not mistaken for a reader failure. This happens with files
// libpcap cannot read to the end, such as a pcapng whose interfaces have
// different link types (two-interfaces.pcapng: libpcap 1.10 stops with
// "an interface has a type 101 different from the type of the first
// interface"). What tcpdump did print, its error line included, must still
// read without a problem, and as no more segments than the capture holds.
func tcpdumpFailed(t *testing.T, text string, err error, want []truth) {
	t.Helper()
	segs, st, rerr := readAll(text, Options{Location: time.UTC})
	if rerr != nil {
		t.Fatalf("reading what tcpdump printed before it failed: %v\n%v", rerr, err)
	}
	for _, p := range st.Problems {
		t.Errorf("problem in what tcpdump printed before it failed: %v", p)
	}
	if len(segs) > len(want) {
		t.Errorf("got %d segments from a partial rendering, the capture holds %d", len(segs), len(want))
	}
	t.Skipf("tcpdump cannot render this capture (%d segments printed before it stopped): %v", len(segs), err)
}

// shown is the part of the truth that a variant's text shows. With -q,
// tcpdump's udp_print prints "UDP, length N" without decoding the payload
// (the VXLAN and Geneve printers run only when ndo_qflag is off), so
// packets tunnelled in UDP show no TCP at all.
func shown(want []truth, v variant) []truth {
	if !v.quiet {
		return want
	}
	return slices.DeleteFunc(slices.Clone(want), func(w truth) bool {
		return w.tunnel == tcp.TunnelVXLAN || w.tunnel == tcp.TunnelGeneve
	})
}

// checkVariant parses a rendering and compares it with the ground truth.
func checkVariant(t *testing.T, text string, want []truth, records []time.Time, v variant) {
	t.Helper()
	var date time.Time
	if len(want) > 0 {
		y, m, d := want[0].t.Date()
		date = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	segs, st, err := readAll(text, Options{Location: time.UTC, Date: date, Absolute: v.absolute})
	if err != nil {
		t.Fatalf("reading: %v", err)
	}
	doubt := false
	for _, p := range st.Problems {
		if strings.Contains(p.Msg, "cannot tell yet whether the sequence numbers are relative") {
			doubt = true // said, not a fault of the text
			continue
		}
		t.Errorf("problem: %v", p)
	}
	if doubt && slices.Contains(v.args, "-S") && !v.absolute {
		// Small ISNs and a handshake that does not add up (bad-acks): no
		// line fits either reading, and the reader said it read relative.
		t.Skip("the text cannot tell -S here, and the reader said so")
	}
	if len(segs) != len(want) || st.TCP != int64(len(want)) || st.Malformed != 0 {
		t.Fatalf("got %d segments (stats %+v), want %d\n%s", len(segs), st, len(want), text)
	}
	lines := strings.Split(text, "\n")
	ref := settledDelta(want, records, v)
	for i := range want {
		var firstGot, firstWant time.Time // inside the -ttt/-ttttt ambiguity: see settledDelta
		if i >= ref {
			firstGot, firstWant = segs[ref].Time, want[ref].t
		}
		if msg := compare(&segs[i], &want[i], v, firstGot, firstWant); msg != "" {
			t.Errorf("segment %d (line %d: %s): %s", i+1, segs[i].Pos.Line, lines[segs[i].Pos.Line-1], msg)
		}
	}
}

// compare reports how a parsed segment differs from the truth, given what
// the variant can show.
func compare(s *tcp.Segment, w *truth, v variant, firstGot, firstWant time.Time) string {
	var diffs []string
	add := func(format string, args ...any) { diffs = append(diffs, fmt.Sprintf(format, args...)) }
	hex := slices.ContainsFunc(v.args, func(a string) bool { return strings.HasPrefix(a, "-x") || strings.HasPrefix(a, "-X") })
	if s.Src.Port != w.src.Port() || s.Dst.Port != w.dst.Port() {
		add("ports %d > %d, want %d > %d", s.Src.Port, s.Dst.Port, w.src.Port(), w.dst.Port())
	}
	if (!v.names || s.Src.Addr.IsValid()) && (s.Src.Addr != w.src.Addr() || s.Dst.Addr != w.dst.Addr()) {
		add("addresses %v > %v, want %v > %v", s.Src, s.Dst, w.src, w.dst)
	}
	if s.PayloadLen != w.payload {
		add("payload %d, want %d", s.PayloadLen, w.payload)
	}
	if msg := compareTime(s, w, v, firstGot, firstWant); msg != "" {
		add("%s", msg)
	}
	if w.ifindex >= 0 && s.Dir != w.dir {
		add("direction %d, want %d", s.Dir, w.dir)
	}
	if w.ifindex >= 0 && slices.Contains(v.args, "-e") && s.Interface != w.ifindex {
		add("interface %d, want ifindex %d", s.Interface, w.ifindex)
	}
	if v.quiet {
		if s.Known != tcp.KnownTime {
			add("-q known %b, want only the time", s.Known)
		}
		return strings.Join(diffs, "; ")
	}
	if !s.Has(tcp.KnownFlags|tcp.KnownWindow|tcp.KnownOptions) || s.Flags != w.flags || s.Window != w.win {
		add("flags %v win %d (known %b), want %v %d", s.Flags, s.Window, s.Known, w.flags, w.win)
	}
	opts := shownOptions(&s.Options, w.opts, hex)
	if s.Options.Has != opts.Has || s.Options.MSS != opts.MSS || s.Options.WScale != opts.WScale ||
		s.Options.TSVal != opts.TSVal || s.Options.TSEcr != opts.TSEcr || !slices.Equal(s.Options.SACKBlocks(), opts.SACKBlocks()) ||
		!slices.Equal(s.Options.Unknown[:s.Options.NumUnknown], opts.Unknown[:opts.NumUnknown]) {
		add("options %+v, want %+v", s.Options, opts)
	}
	if s.Has(tcp.KnownSeq) && s.Seq != w.seq {
		add("seq %d, want %d", s.Seq, w.seq)
	}
	if s.Has(tcp.KnownAck) && s.Ack != w.ack {
		add("ack %d, want %d", s.Ack, w.ack)
	}
	vv := slices.Contains(v.args, "-vv")
	showsSeq := vv || hex || w.payload > 0 || w.flags.Any(tcp.SYN|tcp.FIN|tcp.RST)
	if v.exact && (showsSeq && !s.Has(tcp.KnownSeq) || w.flags.Has(tcp.ACK) && !s.Has(tcp.KnownAck)) {
		add("seq/ack not known (known %b)", s.Known)
	}
	if !showsSeq && s.Has(tcp.KnownSeq) && !hex {
		add("a pure ACK without -vv cannot know its seq")
	}
	return strings.Join(diffs, "; ")
}

// shownOptions are the truth's options as the text can show them. An
// option whose length byte lies ends tcpdump's option list with "[bad
// opt]" (print-tcp.c checks the length before it prints the option's
// name), so its kind is not in the text; the capture reader keeps it, as
// the last option it records. When the text read one unknown option fewer
// than the truth holds, that one is the lying option. A hex dump shows it.
func shownOptions(got *tcp.Options, o tcp.Options, hex bool) tcp.Options {
	if hex || o.Has&tcp.OptMalformed == 0 || got.Has&tcp.OptMalformed == 0 || o.NumUnknown != got.NumUnknown+1 {
		return o
	}
	o.NumUnknown--
	o.UnknownCount--
	o.Unknown[o.NumUnknown] = tcp.UnknownOption{}
	if o.UnknownCount == 0 {
		o.Has &^= tcp.OptUnknown
	}
	return o
}

// settledDelta is the index of the segment from which the reader places
// -ttt times exactly; those after it are compared with it. A -ttt log is
// read as -ttttt until a gap is smaller than the one before it (the two
// forms look alike until then: see the reader's clock), counting every
// record, TCP or not, since tcpdump prints the time since the previous
// record whatever it was. From the record where the gap shrinks on, times
// are right relative to the record before it, so the reference is the
// first TCP segment from that record on. Without the records' times
// nothing is settled. For every other form it is 0.
func settledDelta(want []truth, records []time.Time, v variant) int {
	if v.time != timeDelta || !slices.Contains(v.args, "-ttt") {
		return 0
	}
	prec := time.Microsecond
	if slices.Contains(v.args, "--nano") {
		prec = time.Nanosecond
	}
	gap := func(r int) time.Duration { return records[r].Truncate(prec).Sub(records[r-1].Truncate(prec)) }
	for r := 2; r < len(records); r++ {
		if g := gap(r); g >= 0 && g < gap(r-1) {
			for i := range want {
				if want[i].record >= r-1 {
					return i
				}
			}
			break
		}
	}
	return len(want)
}

func compareTime(s *tcp.Segment, w *truth, v variant, firstGot, firstWant time.Time) string {
	if firstGot.IsZero() && v.time == timeDelta {
		return ""
	}
	if !w.timed {
		// A pcapng Simple Packet Block has no timestamp: tcpdump prints
		// the epoch (1970-01-01 00:00:00), which the text cannot tell
		// from a real time, and the capture reader knows no time.
		return ""
	}
	prec := time.Microsecond
	if v.nano && slices.Contains(v.args, "--nano") {
		prec = time.Nanosecond
	}
	switch v.time {
	case timeNone:
		if s.Has(tcp.KnownTime) {
			return "-t shows no time"
		}
	case timeDelta:
		got, want := s.Time.Sub(firstGot), w.t.Truncate(prec).Sub(firstWant.Truncate(prec))
		if !s.Has(tcp.KnownTime) || got != want {
			return fmt.Sprintf("time since the first %v, want %v", got, want)
		}
	default:
		if !s.Has(tcp.KnownTime) || !s.Time.Equal(w.t.Truncate(prec)) {
			return fmt.Sprintf("time %v, want %v", s.Time, w.t.Truncate(prec))
		}
	}
	return ""
}
