package ruleset

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

func TestParseScope(t *testing.T) {
	ep := func(addr string, port uint16) tcp.Endpoint {
		return tcp.Endpoint{Addr: netip.MustParseAddr(addr), Port: port}
	}
	conn := rules.ConnRef{Client: ep("10.1.2.3", 40000), Server: ep("192.0.2.7", 22)}
	named := rules.ConnRef{Client: tcp.Endpoint{Name: "laptop", Port: 5000}, Server: tcp.Endpoint{Name: "localhost", Port: 80}}
	tests := []struct {
		scope       string
		conn, named bool
	}{
		{"port 22", true, false},
		{"host 10.1.2.3", true, false},
		{"host ::ffff:10.1.2.3", true, false},
		{"net 10.0.0.0/8", true, false},
		{"net 10.1.2.99/24", true, false},
		{"net 172.16.0.0/12", false, false},
		{"host localhost", false, true},
		{"host localhost and port 80", false, true},
		{"host 192.0.2.7 and port 22", true, false},
		{"host 10.1.2.3 and port 22", false, false}, // both must hold on one end
	}
	for _, tt := range tests {
		t.Run(tt.scope, func(t *testing.T) {
			sc, err := ParseScope(tt.scope)
			if err != nil {
				t.Fatal(err)
			}
			if got := sc.Match(conn); got != tt.conn {
				t.Errorf("match on addresses = %v, want %v", got, tt.conn)
			}
			if got := sc.Match(named); got != tt.named {
				t.Errorf("match on names = %v, want %v", got, tt.named)
			}
		})
	}
}

func TestParseScopeRejects(t *testing.T) {
	for _, s := range []string{"", "port", "port 0", "port x", "host", "net 10.0.0.1", "host a port 1",
		"port 1 and port 2", "src host 1.2.3.4", "host 1.2.3.4 and net 10.0.0.0/8", "host a/b"} {
		if _, err := ParseScope(s); err == nil {
			t.Errorf("%q: no error", s)
		}
	}
}

// TestScopeErrorsSayWhere: an error points at the word it is about.
func TestScopeErrorsSayWhere(t *testing.T) {
	tests := []struct {
		scope string
		col   int
	}{
		{"", 1}, {"port", 1}, {"port 0", 6}, {"  port x", 8}, {"prot 22", 1},
		{"host a port 1", 8}, {"port 1 and port 2", 12}, {"host 1.2.3.4 and net 10.0.0.0/8", 18},
		{"host 10.0.0.1 and port 99999", 24},
	}
	for _, tt := range tests {
		_, err := ParseScope(tt.scope)
		var se *ScopeError
		if !errors.As(err, &se) || se.Col != tt.col {
			t.Errorf("%q: %v, want an error at column %d", tt.scope, err, tt.col)
		}
	}
}
