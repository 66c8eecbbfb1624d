package rules

import (
	"cmp"
	"encoding/binary"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// endKey is an endpoint packed into a fixed-size, pointer-free value, so
// that connection lookup hashes and compares a few words rather than
// strings. Addresses with a zone and host names (tcpdump text printed
// without -n) are interned by the tracker: addr then holds their number.
type endKey struct {
	addr [16]byte
	port uint16
	kind uint8
}

// Kinds of endKey.
const (
	keyInterned uint8 = iota
	keyIPv4
	keyIPv6
)

// connKey is the unordered 4-tuple: lo is the smaller endpoint.
type connKey struct{ lo, hi endKey }

// compareEndKeys is a total order on endKeys.
func compareEndKeys(a, b *endKey) int {
	if c := cmp.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	if c := cmp.Compare(binary.BigEndian.Uint64(a.addr[:8]), binary.BigEndian.Uint64(b.addr[:8])); c != 0 {
		return c
	}
	if c := cmp.Compare(binary.BigEndian.Uint64(a.addr[8:]), binary.BigEndian.Uint64(b.addr[8:])); c != 0 {
		return c
	}
	return cmp.Compare(a.port, b.port)
}

// interner numbers the endpoints that do not pack into an endKey.
type interner map[tcp.Endpoint]uint32

// endKeyOf packs e, interning it in in when it must.
func (in *interner) endKeyOf(e tcp.Endpoint) endKey {
	if e.Name == "" && e.Addr.Is4() { // the common case first: no zone
		return endKey{addr: e.Addr.As16(), port: e.Port, kind: keyIPv4}
	}
	k := endKey{port: e.Port}
	switch {
	case e.Name != "" || !e.Addr.IsValid() || e.Addr.Zone() != "":
		if *in == nil {
			*in = interner{}
		}
		e.Port = 0
		n, ok := (*in)[e]
		if !ok {
			n = uint32(len(*in)) + 1
			(*in)[e] = n
		}
		k.addr[0], k.addr[1], k.addr[2], k.addr[3] = byte(n), byte(n>>8), byte(n>>16), byte(n>>24)
	case e.Addr.Is4():
		k.kind = keyIPv4
		k.addr = e.Addr.As16()
	default:
		k.kind = keyIPv6
		k.addr = e.Addr.As16()
	}
	return k
}

// keyOf is the key of the connection between a and b, in either direction.
func (in *interner) keyOf(a, b tcp.Endpoint) connKey {
	ka, kb := in.endKeyOf(a), in.endKeyOf(b)
	if compareEndKeys(&kb, &ka) < 0 {
		return connKey{kb, ka}
	}
	return connKey{ka, kb}
}
