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
