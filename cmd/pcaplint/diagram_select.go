package main

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// selector returns which connections to keep: those with the given IDs
// and matching the filter; nil keeps all.
func selector(ids []int, filter string) (func(*rules.Conn) bool, error) {
	match, err := parseFilter(filter)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 && match == nil {
		return nil, nil
	}
	return func(c *rules.Conn) bool {
		if len(ids) > 0 && !slices.Contains(ids, c.ID) {
			return false
		}
		return match == nil || match(c.Client) || match(c.Server)
	}, nil
}

// parseFilter reads the small filter language: "port N" or "host H",
// where H is an address or a name as the input printed it.
func parseFilter(s string) (func(tcp.Endpoint) bool, error) {
	f := strings.Fields(s)
	switch {
	case len(f) == 0:
		return nil, nil
	case len(f) == 2 && f[0] == "port":
		p, err := strconv.ParseUint(f[1], 10, 16)
		if err != nil {
			return nil, fmt.Errorf("--filter: %q is not a port number", f[1])
		}
		return func(e tcp.Endpoint) bool { return e.Port == uint16(p) }, nil
	case len(f) == 2 && f[0] == "host":
		host := strings.Trim(f[1], "[]")
		if a, err := netip.ParseAddr(host); err == nil {
			return func(e tcp.Endpoint) bool { return e.Addr.Unmap() == a.Unmap() }, nil
		}
		return func(e tcp.Endpoint) bool { return !e.Addr.IsValid() && e.Name == host }, nil
	}
	return nil, fmt.Errorf("--filter %q: want 'port N' or 'host H'", s)
}
