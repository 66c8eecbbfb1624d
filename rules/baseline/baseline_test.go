package baseline

import (
	"maps"
	"net/netip"
	"slices"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

func finding(line int, server uint16, clientPort uint16, msg string) rules.Finding {
	ep := func(ip string, port uint16) tcp.Endpoint {
		return tcp.Endpoint{Addr: netip.MustParseAddr(ip), Port: port}
	}
	return rules.Finding{Rule: "seq-gap", Message: msg, Pos: tcp.Pos{Line: line},
		Conn: rules.ConnRef{ID: line, Client: ep("10.0.0.1", clientPort), Server: ep("10.0.0.2", server)}}
}

// one is a single input's findings, as New takes them.
func one(path string, fds ...rules.Finding) *Baseline {
	return New(maps.All(map[string][]rules.Finding{path: fds}))
}

func TestMatchesMovedFindingsAndCountsCopies(t *testing.T) {
	b := one("./logs/a.txt", finding(12, 80, 40000, "1448 bytes not captured at seq 1001"))
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
			left := b.Matcher().Filter(tt.path, []rules.Finding{tt.fd, tt.fd})
			want := 1 // the baseline's count is 1: the second copy is always new
			if tt.new {
				want = 2
			}
			if got := len(left); got != want {
				t.Errorf("%d findings left, want %d", got, want)
			}
		})
	}
}

// A duration's unit follows its size, so it is no part of a finding's
// identity: the same zero window held 1.181 s in one run and 953 ms in the
// next is a known finding, also against a baseline written before
// durations were folded ("#.#s" in its fingerprint).
func TestFingerprintsIgnoreADurationsUnit(t *testing.T) {
	held := func(d string) rules.Finding {
		return finding(12, 80, 40000, "server 10.0.0.2:80 advertised a zero window for "+d)
	}
	written := one("a.txt", held("1.181s"))
	older := one("a.txt", held("1.181s"))
	older.Findings[0].Fingerprint = "server #.#.#.#:# advertised a zero window for #.#s"
	tests := []struct {
		name  string
		b     *Baseline
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
			m := tt.b.Matcher()
			m.Filter("a.txt", []rules.Finding{tt.fd})
			if (m.Removed == 1) != tt.known {
				t.Errorf("%q: known %v, want %v (fingerprint %q)", tt.fd.Message, m.Removed == 1, tt.known, Fingerprint(tt.fd.Message))
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct{ data, err string }{
		{`{"version": 1, "findings": []}`, ""},
		{`{"findings": 3}`, "not a pcaplint baseline: json: cannot unmarshal number into Go struct field Baseline.findings of type []baseline.Entry"},
		{`{"version": 1, "other": 3}`, `not a pcaplint baseline: json: unknown field "other"`},
		{`{"version": 2, "findings": []}`, "version 2, this pcaplint reads version 1"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.data))
		if got := errString(err); got != tt.err {
			t.Errorf("Parse(%s): %q, want %q", tt.data, got, tt.err)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// New sorts its entries, whatever order the inputs come in, and counts
// the findings sharing a key.
func TestNewSortsAndCounts(t *testing.T) {
	fd := finding(1, 80, 40000, "RST from server after 3 bytes")
	b := New(maps.All(map[string][]rules.Finding{"b.txt": {fd}, "a.txt": {fd, fd}}))
	var got []string
	for _, e := range b.Findings {
		got = append(got, e.File)
	}
	if !slices.Equal(got, []string{"a.txt", "b.txt"}) || b.Findings[0].Count != 2 || b.Findings[1].Count != 1 {
		t.Errorf("entries %+v", b.Findings)
	}
}
