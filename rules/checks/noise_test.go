package checks

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/ruleset"
)

// unhealthy are the real recordings in testdata whose traffic has a fault
// on purpose, with the finding it is there to raise.
var unhealthy = map[string]string{
	"zero-window":     "the server stops reading for 1.5 s: zero-window, held 1.46 s, a warning",
	"rst-abort":       "the server resets with 5 bytes unread: rst-unexpected",
	"linux-loopback":  "an abort with SO_LINGER 0: rst-unexpected",
	"rst-reuse":       "an abort with SO_LINGER 0 (rst-unexpected), then the port reused",
	"lossy-transfer":  "generated, not recorded: losses, timeouts and zero windows on purpose",
	"lossy-1pct":      "a router dropped 1 % of the server's data before the receiver-side capture: seq-gap",
	"lossy-3pct":      "a router dropped 3 % of the server's data before the receiver-side capture: seq-gap",
	"lossy-3pct-nots": "the same without TCP timestamps: seq-gap",
	"kernel-drops":    "a 1 KiB capture buffer: the kernel dropped packets, seq-gap on bytes the capture missed",
}

// TestHealthyRealTrafficRaisesNoWarning lints every real recording in
// testdata but the unhealthy ones, pcap and text, with the default rule
// set: the noise budget on healthy traffic is 0 warnings and 0 errors
// (bench/README.md has the same on the 600,000-packet bench capture).
func TestHealthyRealTrafficRaisesNoWarning(t *testing.T) {
	cfg, ok := ruleset.Builtin(ruleset.Default, All())
	if !ok {
		t.Fatal("no default rule set")
	}
	var inputs []string
	for _, glob := range []string{"../../testdata/captures/real/*", "../../testdata/agreement/*"} {
		paths, _ := filepath.Glob(glob)
		inputs = append(inputs, paths...)
	}
	checked := 0
	for _, path := range inputs {
		name := filepath.Base(path)
		if ext := filepath.Ext(name); ext != ".pcap" && ext != ".pcapng" && ext != ".txt" {
			continue
		}
		if why, bad := unhealthy[strings.SplitN(name, ".", 2)[0]]; bad {
			t.Logf("%s left out: %s", name, why)
			continue
		}
		checked++
		t.Run(name, func(t *testing.T) {
			for _, f := range lint(t, path, cfg) {
				if f.Severity >= rules.Warning {
					t.Errorf("%s %s %s: %s", f.Pos, f.Severity, f.Rule, f.Message)
				}
			}
		})
	}
	if checked < 20 {
		t.Errorf("only %d real inputs checked", checked)
	}
}
