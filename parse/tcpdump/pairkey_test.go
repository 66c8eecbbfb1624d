package tcpdump

import (
	"net/netip"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// keyEndpoints are endpoints that differ in one way or another.
func keyEndpoints() []tcp.Endpoint {
	var eps []tcp.Endpoint
	for _, port := range []uint16{0, 80, 443} {
		for _, host := range []string{"", "10.0.0.1", "10.0.0.2", "::ffff:10.0.0.1", "2001:db8::1", "fe80::1%eth0", "fe80::1%eth1", "fe80::1"} {
			ep := tcp.Endpoint{Port: port}
			if host != "" {
				ep.Addr = netip.MustParseAddr(host)
			}
			eps = append(eps, ep)
		}
		for _, name := range []string{"localhost", "example.com"} {
			eps = append(eps, tcp.Endpoint{Name: name, Port: port})
		}
	}
	return eps
}

func TestEndpointsPackAlikeExactlyWhenEqual(t *testing.T) {
	var in endInterner
	eps := keyEndpoints()
	for _, a := range eps {
		for _, b := range eps {
			if same := in.key(a) == in.key(b); same != (a == b) {
				t.Errorf("%v and %v: packed alike %v, equal %v", a, b, same, a == b)
			}
		}
	}
}

func TestPairTableOneEntryForBothDirections(t *testing.T) {
	pt := newPairTable()
	eps := keyEndpoints()
	owner := make(map[*pairState][2]int) // which unordered pair an entry is for
	for i, a := range eps {
		for j, b := range eps {
			st, dir := pt.state(a, b)
			back, backDir := pt.state(b, a)
			if st != back {
				t.Errorf("%v > %v and its reverse have different entries", a, b)
			}
			if i != j && dir == backDir {
				t.Errorf("%v > %v and its reverse have the same direction %d", a, b, dir)
			}
			pair := [2]int{min(i, j), max(i, j)}
			if o, ok := owner[st]; ok && o != pair {
				t.Errorf("%v > %v shares the entry of %v > %v", a, b, eps[o[0]], eps[o[1]])
			}
			owner[st] = pair
		}
	}
}
