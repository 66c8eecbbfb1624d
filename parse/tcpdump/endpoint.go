package tcpdump

import (
	"bytes"
	"net/netip"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// maxCached bounds the host-name and IPv6 caches, so that a log of a scan
// over millions of addresses cannot grow them without end; past the bound,
// lookups still work and allocate.
const maxCached = 1 << 16

// hosts turns the host part of an endpoint into an address or an interned
// name, without allocating for hosts seen before.
type hosts struct {
	names map[string]string
	v6    map[string]netip.Addr
}

func newHosts() hosts {
	return hosts{names: make(map[string]string), v6: make(map[string]netip.Addr)}
}

// endpointError says why an endpoint did not parse; col is the 0-based
// offset in the endpoint text.
type endpointError struct {
	msg     string
	unknown bool // an unknown service name, not malformed text
}

// endpoint parses "HOST.PORT" into ep. tcpdump joins host and port with a
// '.', and neither a port number nor a service name contains one, so the
// split is at the last '.' (this keeps IPv6 literals, "::ffff:1.2.3.4.80"
// and host names whole). A text without a '.' is a port alone, as tcpdump
// prints it after IPv6 extension headers; ep then has no address.
func (h *hosts) endpoint(text []byte, ep *tcp.Endpoint) *endpointError {
	*ep = tcp.Endpoint{}
	host, port := []byte(nil), text
	if k := bytes.LastIndexByte(text, '.'); k >= 0 {
		host, port = text[:k], text[k+1:]
	}
	p, err := portNumber(port)
	if err != nil {
		return err
	}
	ep.Port = p
	if host == nil {
		return nil
	}
	if len(host) == 0 {
		return &endpointError{msg: "expected a host before the port"}
	}
	h.host(host, ep)
	return nil
}

// host fills the address or, for a name, the interned Name.
func (h *hosts) host(b []byte, ep *tcp.Endpoint) {
	if a, ok := parseIPv4(b); ok {
		ep.Addr = a
		return
	}
	if bytes.IndexByte(b, ':') >= 0 {
		if a, ok := h.v6[string(b)]; ok {
			ep.Addr = a
			return
		}
		if a, err := netip.ParseAddr(string(b)); err == nil {
			if len(h.v6) < maxCached {
				h.v6[string(b)] = a
			}
			ep.Addr = a
			return
		}
	}
	ep.Name = h.intern(b)
}

// intern returns b as a string, the same string every time.
func (h *hosts) intern(b []byte) string {
	if s, ok := h.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(h.names) < maxCached {
		h.names[s] = s
	}
	return s
}

// portNumber reads a port number, or maps a service name back to its
// number (tcpdump prints names from the reading host's /etc/services
// unless -n is given).
func portNumber(b []byte) (uint16, *endpointError) {
	if len(b) == 0 {
		return 0, &endpointError{msg: "expected a port after the host"}
	}
	if isDigit(b[0]) {
		v, n, ok := parseUint(b, 65535)
		if !ok || n != len(b) {
			return 0, &endpointError{msg: "expected a port number (0-65535)"}
		}
		return uint16(v), nil
	}
	if p, ok := services[string(b)]; ok {
		return p, nil
	}
	return 0, &endpointError{msg: "unknown service name " + quote(b), unknown: true}
}

// parseIPv4 reads a dotted-quad IPv4 address without allocating: four
// decimal numbers up to 255, without leading zeros, joined by '.'.
func parseIPv4(b []byte) (netip.Addr, bool) {
	var a [4]byte
	k, v, n := 0, 0, 0 // the octet, its value, its digits
	for _, ch := range b {
		switch {
		case isDigit(ch):
			if n == 1 && v == 0 {
				return netip.Addr{}, false
			}
			v = v*10 + int(ch-'0')
			n++
			if v > 255 {
				return netip.Addr{}, false
			}
		case ch == '.' && n > 0 && k < 3:
			a[k] = byte(v)
			k, v, n = k+1, 0, 0
		default:
			return netip.Addr{}, false
		}
	}
	if k != 3 || n == 0 {
		return netip.Addr{}, false
	}
	a[3] = byte(v)
	return netip.AddrFrom4(a), true
}
