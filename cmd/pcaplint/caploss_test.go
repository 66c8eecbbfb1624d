package main

import (
	"encoding/binary"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// cutPackets copies a little-endian pcap without the packets numbered in
// cut (from 1): a capture that missed them, as one whose buffer overflowed.
func cutPackets(t *testing.T, src string, cut ...int) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if binary.LittleEndian.Uint32(b) != 0xa1b2c3d4 {
		t.Fatalf("%s: not a little-endian microsecond pcap", src)
	}
	out := append([]byte(nil), b[:24]...)
	for off, n := 24, 1; off+16 <= len(b); n++ {
		end := off + 16 + int(binary.LittleEndian.Uint32(b[off+8:]))
		keep := true
		for _, c := range cut {
			keep = keep && c != n
		}
		if keep {
			out = append(out, b[off:end]...)
		}
		off = end
	}
	path := filepath.Join(t.TempDir(), "cut-"+filepath.Base(src))
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCaptureLossIsReportedPerInputInTextJSONAndSARIF(t *testing.T) {
	const real = "../../testdata/captures/real/"
	// Packets 20 and 24 of zero-window.pcap carry client data the server
	// acknowledges: cut out, they are bytes the capture never saw.
	gap := cutPackets(t, real+"zero-window.pcap", 20, 24)
	tests := []struct {
		name, input string
		text        string // in the text report
		gapAcks     int64
		drops       any // kernel_drops in JSON: nil when the input does not say
	}{
		{"capture with packets cut out", gap, "capture loss, not network loss: 2 of ", 2, nil},
		{"log with the kernel's drop count", real + "kernel-drops.txt", "tcpdump says the kernel dropped 60 packets", 1, float64(60)},
		{"clean recording", real + "zero-window.pcap", "", 0, nil},
		{"two runs of tcpdump, no counts", real + "zero-window.two-runs.txt", "", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, text, _ := runCmd(t, builtinChecks(), "lint", "--fail-on", "never", tt.input)
			if tt.text != "" && !strings.Contains(text, tt.text) {
				t.Errorf("text report lacks %q:\n%s", tt.text, text)
			}
			if tt.text == "" && strings.Contains(text, "capture loss") {
				t.Errorf("text report says capture loss:\n%s", text)
			}
			_, rep, _ := lintJSON(t, tt.input)
			l := rep.Files[0].CaptureLoss
			if l.GapAcks != tt.gapAcks || l.Acks == 0 {
				t.Errorf("JSON capture_loss %+v, want %d gap ACKs", l, tt.gapAcks)
			}
			var drops any
			if l.KernelDrops != nil {
				drops = float64(*l.KernelDrops)
			}
			if drops != tt.drops {
				t.Errorf("JSON kernel_drops %v, want %v", drops, tt.drops)
			}
			_, sarif, _ := runCmd(t, builtinChecks(), "lint", "--format", "sarif", "--fail-on", "never", tt.input)
			if got := strings.Contains(sarif, `"id": "capture-loss"`); got != (tt.text != "") {
				t.Errorf("SARIF capture-loss notification: %v, want %v", got, tt.text != "")
			}
			if !strings.Contains(sarif, `"captureLoss"`) {
				t.Error("SARIF artifacts lack the captureLoss property")
			}
		})
	}
}

// Several inputs in one run: each input's capture loss is said with that
// input, and only there, in text, JSON and SARIF alike.
func TestCaptureLossStaysWithItsInput(t *testing.T) {
	const real = "../../testdata/captures/real/"
	gap := cutPackets(t, real+"zero-window.pcap", 20, 24)
	inputs := []string{gap, real + "kernel-drops.txt", real + "zero-window.pcap"}
	wantGapAcks := map[string]int64{filepath.Base(gap): 2, "kernel-drops.txt": 1, "zero-window.pcap": 0}
	_, text, _ := runCmd(t, builtinChecks(), append([]string{"lint", "--fail-on", "never"}, inputs...)...)
	for _, in := range inputs {
		said := strings.Contains(text, in+": capture loss, not network loss: ")
		if said != (wantGapAcks[filepath.Base(in)] > 0) {
			t.Errorf("text: capture loss said with %s: %v\n%s", in, said, text)
		}
	}
	_, rep, _ := lintJSON(t, inputs...)
	if len(rep.Files) != len(inputs) {
		t.Fatalf("JSON: %d files, want %d", len(rep.Files), len(inputs))
	}
	for _, f := range rep.Files {
		if want := wantGapAcks[filepath.Base(f.Path)]; f.CaptureLoss.GapAcks != want || f.CaptureLoss.Acks == 0 {
			t.Errorf("JSON: %s capture_loss %+v, want %d gap ACKs", f.Path, f.CaptureLoss, want)
		}
		if drops := f.CaptureLoss.KernelDrops; (drops != nil) != (filepath.Base(f.Path) == "kernel-drops.txt") {
			t.Errorf("JSON: %s kernel_drops %v", f.Path, drops)
		}
	}
	_, out, _ := runCmd(t, builtinChecks(), append([]string{"lint", "--format", "sarif", "--fail-on", "never"}, inputs...)...)
	var sarif struct {
		Runs []struct {
			Invocations []struct {
				Notifications []struct {
					Descriptor struct{ ID string } `json:"descriptor"`
					Locations  []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Artifacts []struct {
				Location   struct{ URI string } `json:"location"`
				Properties struct {
					CaptureLoss struct {
						GapAcks int64 `json:"gap_acks"`
					} `json:"captureLoss"`
				} `json:"properties"`
			} `json:"artifacts"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &sarif); err != nil || len(sarif.Runs) != 1 || len(sarif.Runs[0].Invocations) != 1 {
		t.Fatalf("SARIF: %v\n%s", err, out)
	}
	noted := map[string]int{}
	for _, n := range sarif.Runs[0].Invocations[0].Notifications {
		if n.Descriptor.ID == "capture-loss" && len(n.Locations) == 1 {
			noted[path.Base(n.Locations[0].PhysicalLocation.ArtifactLocation.URI)]++
		}
	}
	artifacts := 0
	for _, a := range sarif.Runs[0].Artifacts {
		base := path.Base(a.Location.URI)
		want, ok := wantGapAcks[base]
		if !ok {
			continue
		}
		artifacts++
		if a.Properties.CaptureLoss.GapAcks != want {
			t.Errorf("SARIF: artifact %s captureLoss gap_acks %d, want %d", base, a.Properties.CaptureLoss.GapAcks, want)
		}
		if wantNote := min(want, 1); int64(noted[base]) != wantNote {
			t.Errorf("SARIF: %d capture-loss notifications for %s, want %d", noted[base], base, wantNote)
		}
	}
	if artifacts != len(inputs) {
		t.Errorf("SARIF: %d artifacts of the inputs, want %d", artifacts, len(inputs))
	}
}
