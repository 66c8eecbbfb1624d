package tcpdump

import (
	"encoding/binary"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// endKey is an endpoint packed into three words with no strings and no
// padding, so that the relative-number table hashes and compares pair keys
// as plain memory. A host name, or an address with a zone, does not pack:
// it is numbered (interned) and the number takes the address's place.
type endKey struct {
	hi, lo uint64 // the address's 16 bytes, or the interned number
	meta   uint64 // kind<<16 | port
}

// Kinds of endKey, in meta above the port. IPv4 and IPv6 are kept apart
// because an IPv4 address and its IPv4-mapped IPv6 form have the same 16
// bytes.
const (
	keyNoAddr = iota // a port alone (after IPv6 extension headers)
	keyIPv4
	keyIPv6     // without a zone
	keyInterned // a host name, or an address with a zone
)

// pairKey is a connection, its two ends in canonical order, as tcpdump's
// tcp_seq_hash keys on the unordered pair of address+port endpoints.
type pairKey struct{ a, b endKey }

// v4PairKey is a connection between two IPv4 endpoints without names,
// each packed as address<<16 | port, in canonical order: the usual case,
// in a key a third of pairKey's size, so that more of the table stays in
// the cache.
type v4PairKey [2]uint64

// pairTable holds the state of each connection, keyed on its endpoints.
type pairTable struct {
	v4    map[v4PairKey]*pairState
	other map[pairKey]*pairState
	names endInterner
}

func newPairTable() pairTable {
	return pairTable{v4: make(map[v4PairKey]*pairState), other: make(map[pairKey]*pairState)}
}

// state returns the entry of the connection between src and dst, made
// empty the first time, and the direction of src > dst in it: 0 when src
// is the first end of the canonical order. Equal endpoints, and only
// those, share a key.
func (t *pairTable) state(src, dst tcp.Endpoint) (*pairState, int) {
	if src.Name == "" && dst.Name == "" && src.Addr.Is4() && dst.Addr.Is4() {
		a, b := v4Word(src), v4Word(dst)
		key, dir := v4PairKey{a, b}, 0
		if b < a {
			key, dir = v4PairKey{b, a}, 1
		}
		return entry(t.v4, key), dir
	}
	a, b := t.names.key(src), t.names.key(dst)
	key, dir := pairKey{a, b}, 0
	if b.less(a) {
		key, dir = pairKey{b, a}, 1
	}
	return entry(t.other, key), dir
}

// entry returns m[key], made empty the first time.
func entry[K comparable](m map[K]*pairState, key K) *pairState {
	st := m[key]
	if st == nil {
		st = &pairState{}
		m[key] = st
	}
	return st
}

func v4Word(e tcp.Endpoint) uint64 {
	a := e.Addr.As4()
	return uint64(binary.BigEndian.Uint32(a[:]))<<16 | uint64(e.Port)
}

// endInterner numbers the endpoints that do not pack, ports left out.
type endInterner map[tcp.Endpoint]uint64

// key packs e; two endpoints pack alike exactly when they are equal.
func (in *endInterner) key(e tcp.Endpoint) endKey {
	port := uint64(e.Port)
	switch {
	case e.Name != "" || e.Addr.Zone() != "":
		// Interned below.
	case !e.Addr.IsValid():
		return endKey{meta: keyNoAddr<<16 | port}
	default:
		kind := uint64(keyIPv6)
		if e.Addr.Is4() {
			kind = keyIPv4
		}
		a := e.Addr.As16()
		return endKey{hi: binary.BigEndian.Uint64(a[:8]), lo: binary.BigEndian.Uint64(a[8:]), meta: kind<<16 | port}
	}
	if *in == nil {
		*in = make(endInterner)
	}
	e.Port = 0
	n, ok := (*in)[e]
	if !ok {
		n = uint64(len(*in)) + 1
		(*in)[e] = n
	}
	return endKey{lo: n, meta: keyInterned<<16 | port}
}

// less is a total order on endKeys.
func (k endKey) less(o endKey) bool {
	switch {
	case k.meta>>16 != o.meta>>16:
		return k.meta>>16 < o.meta>>16
	case k.hi != o.hi:
		return k.hi < o.hi
	case k.lo != o.lo:
		return k.lo < o.lo
	}
	return k.meta < o.meta
}
