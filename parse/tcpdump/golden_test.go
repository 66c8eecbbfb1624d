package tcpdump

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/*.txt renderings with the real tcpdump")

// goldens are renderings by the real tcpdump (4.99.3) of the generated
// captures, committed so that they are checked where tcpdump is absent.
var goldens = []struct {
	scenario string
	nano     bool
	v        variant
}{
	{"ipv4", false, variant{name: "n.vv.e.num", args: []string{"-n", "-vv", "-e", "-#"}, exact: true}},
	{"ipv6", false, variant{name: "tttt.v", args: []string{"-tttt", "-v"}, names: true}},
	{"wrap-vlan", false, variant{name: "n.S.e", args: []string{"-n", "-S", "-e"}, exact: true}},
	{"reuse-sll", false, variant{name: "n.XX", args: []string{"-n", "-XX"}, exact: true}},
	{"midstream", false, variant{name: "n.ttt.A.num", args: []string{"-n", "-ttt", "-A", "-#"}, time: timeDelta}},
	{"ipv4", false, variant{name: "n.q", args: []string{"-n", "-q"}, quiet: true}},
	{"ipv4", true, variant{name: "n.nano.tt", args: []string{"-n", "--nano", "-tt"}, nano: true}},
	// -A prints the payload's lines at column 0, and this payload's look
	// like packet lines without -#'s number: they continue the packet.
	{"hostile-payload", false, variant{name: "n.A.num", args: []string{"-n", "-A", "-#"}}},
}

func goldenPath(scenario string, nano bool, v variant) string {
	if nano {
		scenario += "-nano"
	}
	return filepath.Join("testdata", scenario+"."+v.name+".txt")
}

func TestGolden(t *testing.T) {
	gen := scenarios()
	gen["hostile-payload"] = hostilePayload()
	for _, g := range goldens {
		path := goldenPath(g.scenario, g.nano, g.v)
		t.Run(filepath.Base(path), func(t *testing.T) {
			pcap := gen[g.scenario].pcap(g.nano)
			if *updateGolden {
				writeGolden(t, path, pcap, g.v)
			}
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update where tcpdump is installed)", err)
			}
			want, err := groundTruth(pcap)
			if err != nil {
				t.Fatal(err)
			}
			checkVariant(t, string(text), want, recordTimes(pcap), g.v)
		})
	}
}

func writeGolden(t *testing.T, path string, pcap []byte, v variant) {
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Fatal("-update needs tcpdump on PATH")
	}
	in := filepath.Join(t.TempDir(), strings.TrimSuffix(filepath.Base(path), ".txt")+".pcap")
	if err := os.WriteFile(in, pcap, 0o644); err != nil {
		t.Fatal(err)
	}
	res := runTcpdump(t, in, v) // the banner names the file by its base name
	if res.Fail != "" {
		t.Fatal(res.Fail)
	}
	if err := os.WriteFile(path, []byte(res.Out), 0o644); err != nil {
		t.Fatal(err)
	}
}
