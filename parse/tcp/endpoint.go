package tcp

import (
	"net/netip"
	"strconv"
)

// Endpoint is one end of a TCP connection. Captures always give an address;
// tcpdump text printed with name resolution gives a host name instead, which
// is kept as an opaque Name (Addr is then the zero Addr). Endpoint is
// comparable and can be used in map keys.
type Endpoint struct {
	Addr netip.Addr
	Name string
	Port uint16
}

// Host is the address, or the host name when the input gave a name.
func (e Endpoint) Host() string {
	if e.Addr.IsValid() {
		return e.Addr.String()
	}
	return e.Name
}

// String renders the endpoint as "host:port", with IPv6 addresses in
// brackets ("[::1]:443").
func (e Endpoint) String() string {
	port := strconv.Itoa(int(e.Port))
	if e.Addr.IsValid() {
		if e.Addr.Is6() && !e.Addr.Is4In6() {
			return "[" + e.Addr.String() + "]:" + port
		}
		return e.Addr.String() + ":" + port
	}
	return e.Name + ":" + port
}

// Less orders endpoints by address (or name), then port. It gives the
// tracker a canonical order for the two ends of a connection.
func (e Endpoint) Less(o Endpoint) bool {
	if c := e.Addr.Compare(o.Addr); c != 0 {
		return c < 0
	}
	if e.Name != o.Name {
		return e.Name < o.Name
	}
	return e.Port < o.Port
}
