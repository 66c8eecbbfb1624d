package ruleset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

const exampleFile = `version: 1
extends: default
rules:
  rst-unexpected: error
  retransmission:
    severity: warning
    params: {max-per-connection: 3}
    ignore: ["port 22", "host 10.0.0.5", "net 10.0.0.0/8", "host localhost"]
  handshake-slow:
    severity: info
    params: {max: 250ms}
custom:
  - id: api-slow-handshake
    severity: warning
    on: connection
    when: conn.handshake_rtt > duration("200ms") && conn.server.port == 8080
    message: "handshake to {{conn.server}} took {{conn.handshake_rtt}}"
  - id: big-window
    on: segment
    severity: info
    when: from == "client" && scaled_window > 10000 && rel_seq == 1
`

func parseOK(t *testing.T, src string) *rules.Config {
	t.Helper()
	cfg, err := Parse("rules.yaml", []byte(src), stubChecks())
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return cfg
}

func TestTheExampleRuleFileLoads(t *testing.T) {
	cfg := parseOK(t, exampleFile)
	if got := cfg.Rules["rst-unexpected"].Severity; got != rules.Error {
		t.Errorf("rst-unexpected at %v, want error", got)
	}
	rt := cfg.Rules["retransmission"]
	if rt.Severity != rules.Warning || rt.Params["max-per-connection"] != rules.IntValue(3) || len(rt.Ignore) != 4 {
		t.Errorf("retransmission = %+v", rt)
	}
	if got := cfg.Rules["handshake-slow"].Params["max"]; got != rules.DurationValue(250*time.Millisecond) {
		t.Errorf("handshake-slow max = %v (%T)", got, got)
	}
	if got := cfg.Rules["handshake-bad-ack"].Severity; got != rules.Error {
		t.Errorf("a rule not named keeps its default, got %v", got)
	}
	if len(cfg.Custom) != 2 {
		t.Fatalf("%d custom rules, want 2", len(cfg.Custom))
	}
	fired, msg, err := cfg.Custom[0].Eval(testConn(), rules.FromClient, nil)
	if err != nil || !fired || msg != "handshake to 10.0.0.2:8080 took 300ms" {
		t.Errorf("api-slow-handshake: fired %v msg %q err %v", fired, msg, err)
	}
	seg := &tcp.Segment{Seq: 1001, Ack: 5001, Window: 100, Flags: tcp.ACK}
	fired, msg, err = cfg.Custom[1].Eval(testConn(), rules.FromClient, seg)
	if err != nil || !fired || !strings.HasPrefix(msg, "big-window: from ==") {
		t.Errorf("big-window: fired %v msg %q err %v", fired, msg, err)
	}
}

func TestBuiltinSets(t *testing.T) {
	tests := []struct {
		set  string
		id   string
		want rules.Severity
	}{
		{"default", "retransmission", rules.Info},
		{"default", "bad-checksum", rules.Off},
		{"strict", "retransmission", rules.Warning},
		{"strict", "bad-checksum", rules.Warning},
		{"strict", "handshake-bad-ack", rules.Error},
		{"minimal", "retransmission", rules.Off},
		{"minimal", "handshake-bad-ack", rules.Error},
		{"minimal", "rst-unexpected", rules.Warning},
		{"minimal", "handshake-incomplete", rules.Warning},
	}
	for _, tt := range tests {
		t.Run(tt.set+" sets "+tt.id+" to "+tt.want.String(), func(t *testing.T) {
			cfg := parseOK(t, "extends: "+tt.set+"\n")
			if got := cfg.Rules[tt.id].Severity; got != tt.want {
				t.Errorf("got %v", got)
			}
		})
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestExtendsAFileRelativeToTheExtendingFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"app/base/team.yaml": "extends: strict\nrules:\n  retransmission:\n    params: {max-per-connection: 5}\n" +
			"custom:\n  - id: c1\n    when: conn.packets > 1\n",
		"app/.pcaplint.yaml": "extends: base/../base/team.yaml\nrules:\n  retransmission: error\n" +
			"custom:\n  - id: c1\n    severity: off\n    when: 'true'\n",
	})
	cfg, err := Load(filepath.Join(dir, "app/.pcaplint.yaml"), stubChecks())
	if err != nil {
		t.Fatal(err)
	}
	rt := cfg.Rules["retransmission"]
	if rt.Severity != rules.Error || rt.Params["max-per-connection"] != rules.IntValue(5) {
		t.Errorf("retransmission = %+v, want error with the base's params", rt)
	}
	if cfg.Rules["bad-checksum"].Severity != rules.Warning {
		t.Errorf("the strict base did not carry through")
	}
	if len(cfg.Custom) != 0 {
		t.Errorf("custom rule set to off in the child is still there")
	}
}

func TestExtendsCycleAndMissingFileAreErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.yaml": "extends: b.yaml\n",
		"b.yaml": "extends: a.yaml\n",
		"c.yaml": "extends: nowhere.yaml\n",
	})
	_, err := Load(filepath.Join(dir, "a.yaml"), stubChecks())
	if err == nil || !strings.Contains(err.Error(), "b.yaml:1:10: extends cycle: ") {
		t.Errorf("cycle: %v", err)
	}
	_, err = Load(filepath.Join(dir, "c.yaml"), stubChecks())
	if err == nil || !strings.Contains(err.Error(), "c.yaml:1:10: reading rule file") {
		t.Errorf("missing: %v", err)
	}
}

func TestEmptyFileIsTheDefaultSet(t *testing.T) {
	cfg := parseOK(t, "")
	if cfg.Rules["retransmission"].Severity != rules.Info {
		t.Errorf("got %+v", cfg.Rules["retransmission"])
	}
}

// TestParamsOfEveryType reads a parameter of each type the loader
// converts, in every form a rule file may write it.
func TestParamsOfEveryType(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       rules.Value
	}{
		{"max", "250ms", rules.DurationValue(250 * time.Millisecond)},
		{"max", "0", rules.DurationValue(0)},
		{"max-per-connection", "7", rules.IntValue(7)},
		{"ratio", "1", rules.FloatValue(1)},
		{"ratio", "0.25", rules.FloatValue(0.25)},
		{"exact", "false", rules.BoolValue(false)},
		{"keep", "4096", rules.BytesValue(4096)},
		{"keep", "64KiB", rules.BytesValue(64 << 10)},
		{"keep", "1MiB", rules.BytesValue(1 << 20)},
		{"keep", "10B", rules.BytesValue(10)},
	}
	owner := map[string]string{"max": "handshake-slow", "max-per-connection": "retransmission",
		"ratio": "window-full", "exact": "window-full", "keep": "window-full"}
	for _, tt := range tests {
		t.Run(tt.name+"="+tt.yaml, func(t *testing.T) {
			id := owner[tt.name]
			cfg := parseOK(t, "rules:\n  "+id+":\n    params: {"+tt.name+": "+tt.yaml+"}\n")
			if got := cfg.Rules[id].Params[tt.name]; got != tt.want {
				t.Errorf("got %s %v, want %s %v", got.Type(), got, tt.want.Type(), tt.want)
			}
			if _, err := rules.NewEngine(stubChecks(), cfg); err != nil {
				t.Errorf("the engine refused it: %v", err)
			}
		})
	}
}

// TestAFileThatCannotBeReadIsNamedOnce: the rule file named (--rules) that
// cannot be read is the position of the error, and its path is not said
// again in the message, as it was ('x: reading rule file "x": …').
func TestAFileThatCannotBeReadIsNamedOnce(t *testing.T) {
	dir := writeFiles(t, map[string]string{"sub/a.yaml": ""})
	tests := []struct{ name, path, want string }{
		{"a missing file", "nosuch.yaml", "DIR/nosuch.yaml: cannot read the rule file: no such file or directory"},
		{"a directory", "sub", "DIR/sub: cannot read the rule file: is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(filepath.Join(dir, tt.path), stubChecks())
			if err == nil {
				t.Fatal("no error")
			}
			if got := strings.ReplaceAll(err.Error(), dir, "DIR"); got != tt.want {
				t.Errorf("%q, want %q", got, tt.want)
			}
		})
	}
}
