package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse"
	"github.com/pcaplint/pcaplint/parse/tcp"
)

// A capture cut inside a record still prints the report of what came
// before the cut, names the file, packet and offset where it broke, and
// exits 2. Three cuts per capture by default, fifty with PCAPLINT_HEAVY=1.
func TestLintOfACutCaptureReportsUpToTheCutAndExits2(t *testing.T) {
	perFile := 3
	if os.Getenv("PCAPLINT_HEAVY") != "" {
		perFile = 50
	}
	paths, _ := filepath.Glob("../../testdata/captures/*/*.pcap*")
	more, _ := filepath.Glob("../../testdata/checks/*/*.pcap")
	paths = append(paths, more...)
	dir := t.TempDir()
	checks := builtinChecks()
	for _, path := range paths {
		base := filepath.Base(path)
		if strings.HasPrefix(base, "broken-") || strings.HasSuffix(base, ".gz") || strings.HasSuffix(base, ".txt") || base == "empty-valid.pcap" {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for k := 1; k <= perFile; k++ {
			// Past the file header, never at the end: 24 + 3 is inside a
			// record header or record for any capture with packets.
			n := 27 + (len(data)-28)*k/(perFile+1)
			cut := filepath.Join(dir, base+".cut")
			if err := os.WriteFile(cut, data[:n], 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := runCmd(t, checks, "lint", "--rules", "default", "--fail-on", "never", cut)
			if !cutInsideARecord(t, cut) && code == exitClean {
				continue // cut where a record ends: a shorter, whole capture
			}
			if code == exitError && strings.Contains(stdout, "could not be read to the end") &&
				strings.Contains(stderr, "pcaplint: error: "+cut+":#") && strings.Contains(stderr, "(offset ") {
				continue
			}
			t.Errorf("%s cut to %d bytes: exit %d\nstdout: %s\nstderr: %s", path, n, code, stdout, stderr)
		}
	}
}

// cutInsideARecord reports whether reading path ends in an error rather
// than at a record boundary.
func cutInsideARecord(t *testing.T, path string) bool {
	t.Helper()
	src, closer, err := parse.OpenFile(path, parse.Options{})
	if err != nil {
		return true
	}
	defer closer.Close()
	return parse.Each(src, func(*tcp.Segment) {}) != nil
}

// The findings before the cut are the ones a whole capture has there.
func TestLintOfACutCaptureKeepsTheFindingsBeforeTheCut(t *testing.T) {
	data, err := os.ReadFile("../../testdata/captures/craft/check-handshake-incomplete.pcap")
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.pcap")
	if err := os.WriteFile(cut, data[:400], 0o644); err != nil { // inside packet 5
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, builtinChecks(), "lint", "--rules", "default", cut)
	if code != exitError {
		t.Fatalf("exit %d, want 2", code)
	}
	for _, want := range []string{
		cut + ":#2: info syn-retransmitted",
		cut + ":#3: warning handshake-incomplete: SYN from client 192.0.2.1:51000 never answered",
		"4 findings (0 errors, 2 warnings, 2 info) in 1 input, 2 connections; 1 could not be read to the end",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if want := "pcaplint: error: " + cut + ":#5 (offset 384): record cut short"; !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
}
