package main

import (
	"bytes"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
)

const rstAbortLog = "../../testdata/captures/real/rst-abort.txt"

func TestBaselineRoundTrip(t *testing.T) {
	base := filepath.Join(t.TempDir(), "baseline.json")
	code, out, stderr := runCmd(t, stubChecks(), "lint", "--rules", "default", "--write-baseline", base, rstAbortLog)
	if code != exitClean || !strings.Contains(out, "push-data") || !strings.Contains(stderr, "recorded 1 finding in "+base) {
		t.Fatalf("--write-baseline: exit %d\n%s%s", code, out, stderr)
	}
	code, out, stderr = runCmd(t, stubChecks(), "lint", "--rules", "default", "--baseline", base, rstAbortLog)
	if code != exitClean || strings.Contains(out, "push-data") || !strings.Contains(stderr, "1 finding known in the baseline") {
		t.Errorf("--baseline: exit %d\n%s%s", code, out, stderr)
	}
	// Written again from the same findings, the file is the same.
	again := filepath.Join(t.TempDir(), "again.json")
	runCmd(t, stubChecks(), "lint", "--rules", "default", "--write-baseline", again, rstAbortLog)
	a, _ := os.ReadFile(base)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) || !strings.Contains(string(a), `"fingerprint": "client pushed # bytes"`) {
		t.Errorf("baselines differ or lack the fingerprint:\n%s\n%s", a, b)
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"findings": 3}`), 0o644)
	zeros := filepath.Join(dir, "zeros.json")
	os.Symlink("/dev/zero", zeros) // as a link committed in a repository would
	big := filepath.Join(dir, "big.json")
	os.WriteFile(big, bytes.Repeat([]byte(" "), 1<<20+1), 0o644)
	tests := []struct{ file, want string }{
		{filepath.Join(dir, "missing.json"), "no such file; record the current findings with --write-baseline"},
		{bad, "not a pcaplint baseline"},
		{zeros, "more than 1 MiB of JSON; refusing it"},
		{big, "more than 1 MiB of JSON; refusing it"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, stubChecks(), "lint", "--max-json-mib", "1", "--baseline", tt.file, rstAbortLog)
		if code != exitError || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit %d, %q", tt.file, code, stderr)
		}
		// Only a missing file may be suggested as one to write.
		if tt.file != filepath.Join(dir, "missing.json") && strings.Contains(stderr, "--write-baseline") {
			t.Errorf("%s: suggests overwriting it: %q", tt.file, stderr)
		}
	}
	code, _, stderr := runCmd(t, stubChecks(), "merge", "--max-json-mib", "1", zeros)
	if code != exitError || !strings.Contains(stderr, "more than 1 MiB of JSON; refusing it") {
		t.Errorf("merge /dev/zero: exit %d, %q", code, stderr)
	}
}

func finding(line int, server uint16, clientPort uint16, msg string) rules.Finding {
	ep := func(ip string, port uint16) tcp.Endpoint {
		return tcp.Endpoint{Addr: netip.MustParseAddr(ip), Port: port}
	}
	return rules.Finding{Rule: "seq-gap", Message: msg, Pos: tcp.Pos{Line: line},
		Conn: rules.ConnRef{ID: line, Client: ep("10.0.0.1", clientPort), Server: ep("10.0.0.2", server)}}
}

func TestBaselineMatchesMovedFindingsAndCountsCopies(t *testing.T) {
	old := &report.Report{Files: []report.File{{Path: "./logs/a.txt", Findings: []rules.Finding{
		finding(12, 80, 40000, "1448 bytes not captured at seq 1001"),
	}}}}
	b := newBaseline(old)
	tests := []struct {
		name string
		path string
		fd   rules.Finding
		new  bool
	}{
		{"same", "logs/a.txt", finding(12, 80, 40000, "1448 bytes not captured at seq 1001"), false},
		{"moved, other numbers, other client port", "logs/a.txt", finding(40, 80, 51234, "96 bytes not captured at seq 7"), false},
		{"other server port", "logs/a.txt", finding(12, 81, 40000, "1448 bytes not captured at seq 1001"), true},
		{"other file", "logs/b.txt", finding(12, 80, 40000, "1448 bytes not captured at seq 1001"), true},
		{"other words", "logs/a.txt", finding(12, 80, 40000, "1448 bytes lost at seq 1001"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := &report.Report{Files: []report.File{{Path: tt.path, Findings: []rules.Finding{tt.fd, tt.fd}}}}
			b.filter(rep)
			want := 1 // the baseline's count is 1: the second copy is always new
			if tt.new {
				want = 2
			}
			if got := len(rep.Files[0].Findings); got != want {
				t.Errorf("%d findings left, want %d", got, want)
			}
		})
	}
}

// A duration's unit follows its size, so it is no part of a finding's
// identity: the same zero window held 1.181 s in one run and 953 ms in the
// next is a known finding, also against a baseline written before
// durations were folded ("#.#s" in its fingerprint).
func TestBaselineFingerprintsIgnoreADurationsUnit(t *testing.T) {
	held := func(d string) rules.Finding {
		return finding(12, 80, 40000, "server 10.0.0.2:80 advertised a zero window for "+d)
	}
	written := newBaseline(&report.Report{Files: []report.File{{Path: "a.txt", Findings: []rules.Finding{held("1.181s")}}}})
	older := newBaseline(&report.Report{Files: []report.File{{Path: "a.txt", Findings: []rules.Finding{held("1.181s")}}}})
	older.Findings[0].Fingerprint = "server #.#.#.#:# advertised a zero window for #.#s"
	tests := []struct {
		name  string
		b     *baseline
		fd    rules.Finding
		known bool
	}{
		{"the same duration", written, held("1.181s"), true},
		{"in milliseconds", written, held("953ms"), true},
		{"in microseconds", written, held("59µs"), true},
		{"in minutes and seconds", written, held("1m0.02s"), true},
		{"against an older baseline, in milliseconds", older, held("953ms"), true},
		{"other words", written, finding(12, 80, 40000, "server 10.0.0.2:80 advertised a zero window, still closed 953ms later"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := &report.Report{Files: []report.File{{Path: "a.txt", Findings: []rules.Finding{tt.fd}}}}
			if removed := tt.b.filter(rep); (removed == 1) != tt.known {
				t.Errorf("%q: known %v, want %v (fingerprint %q)", tt.fd.Message, removed == 1, tt.known, fingerprint(tt.fd.Message))
			}
		})
	}
}
