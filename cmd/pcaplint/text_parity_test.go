package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint"
	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// TestTextRenderingsGiveTheCapturesConnections reads every tcpdump text
// rendering under testdata/captures beside the capture it was rendered
// from, and requires the same connections: packets, Zeek state and history
// of each.
func TestTextRenderingsGiveTheCapturesConnections(t *testing.T) {
	texts, _ := filepath.Glob("../../testdata/captures/*/*.txt")
	checked := 0
	for _, txt := range texts {
		capture := captureOf(txt)
		if capture == "" {
			continue
		}
		checked++
		t.Run(filepath.Base(txt), func(t *testing.T) {
			if st, err := os.Stat(txt); err == nil && st.Size() == 0 {
				t.Skip("empty: tcpdump could not render this capture")
			}
			want := connSummary(readWhole(capture))
			got := connSummary(readWhole(txt))
			if !slices.Equal(got, want) {
				t.Errorf("connections from the text:\n%s\nfrom %s:\n%s", strings.Join(got, "\n"), capture, strings.Join(want, "\n"))
			}
		})
	}
	if checked < 10 {
		t.Fatalf("only %d renderings found beside their captures", checked)
	}
}

// captureOf finds the capture a rendering was made from: clean.n-S-vv.txt
// and clean.txt come from clean.pcap (or .pcapng).
func captureOf(txt string) string {
	base := strings.TrimSuffix(txt, ".txt")
	dir, name := filepath.Split(base)
	// The stem is cut from the file name: the path's "../" has dots too.
	for _, stem := range []string{base, dir + strings.SplitN(name, ".", 2)[0]} {
		for _, ext := range []string{"", ".pcap", ".pcapng"} {
			if p := stem + ext; p != txt && isFile(p) && (strings.HasSuffix(p, ".pcap") || strings.HasSuffix(p, ".pcapng")) {
				return p
			}
		}
	}
	return ""
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// connSummary is one sorted line per connection.
func connSummary(f report.File) []string {
	var out []string
	for _, c := range f.Conns {
		out = append(out, fmt.Sprintf("%d packets %s %s", c.Packets(), c.ZeekState(), c.History()))
	}
	slices.Sort(out)
	return out
}

// readWhole reads path on one tracker, keeping every connection whole.
func readWhole(path string) report.File {
	f, _ := pcaplint.ReadFile(context.Background(), path, pcaplint.ReadOptions{})
	return f
}

// TestUnnamedInterfacesKeepCopiesApart reads a "-i any" capture of a bridge
// as tcpdump renders it once its veths are gone: every interface is "?",
// and only the direction ("P", "Out") tells the copies of one packet apart.
// They must stay copies, as in the capture, not become retransmissions
// (15 retransmission and 6 syn-retransmitted findings before).
func TestUnnamedInterfacesKeepCopiesApart(t *testing.T) {
	capture := "../../testdata/captures/real/bridge-any.pcap"
	text := filepath.Join("testdata", "bridge-any.unnamed.txt") // tcpdump -n -r bridge-any.pcap
	read := func(path string) report.File {
		f, _ := pcaplint.ReadFile(context.Background(), path, pcaplint.ReadOptions{Options: pipeline.Options{Checks: checks.All()}})
		return f
	}
	want, got := read(capture), read(text)
	if len(want.Conns) != 3 {
		t.Fatalf("%s: %d connections, want 3", capture, len(want.Conns))
	}
	if w, g := connSummary(want), connSummary(got); !slices.Equal(g, w) {
		t.Errorf("connections from the text:\n%s\nfrom %s:\n%s", strings.Join(g, "\n"), capture, strings.Join(w, "\n"))
	}
	if len(got.Findings) != len(want.Findings) {
		t.Errorf("%d findings from the text, %d from the capture: %v", len(got.Findings), len(want.Findings), got.Findings)
	}
}
