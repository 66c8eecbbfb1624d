package drawing

import (
	"bytes"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

func TestSelectReadsScopes(t *testing.T) {
	named := &rules.Conn{ID: 1, Client: tcp.Endpoint{Name: "laptop", Port: 40000}, Server: tcp.Endpoint{Name: "localhost", Port: 9502}}
	v6 := &rules.Conn{ID: 2, Client: tcp.Endpoint{Addr: netip.MustParseAddr("::1"), Port: 40001}, Server: tcp.Endpoint{Addr: netip.MustParseAddr("::1"), Port: 443}}
	v4 := &rules.Conn{ID: 3, Client: tcp.Endpoint{Addr: netip.MustParseAddr("10.1.2.3"), Port: 40002}, Server: tcp.Endpoint{Addr: netip.MustParseAddr("192.0.2.7"), Port: 22}}
	tests := []struct {
		ids    []int
		filter string
		want   []int  // the IDs kept
		warned string // the new spelling the note names, if one
	}{
		// The old language, which is the scope language's words.
		{nil, "port 9502", []int{1}, ""},
		{nil, "port 80", nil, ""},
		{nil, "host localhost", []int{1}, ""},
		{nil, "host ::1", []int{2}, ""},
		{nil, "host [::1]", []int{2}, "host ::1"},
		{nil, "host [10.1.2.3]", []int{3}, "host 10.1.2.3"},
		{nil, "host ::ffff:10.1.2.3", []int{3}, ""},
		// What only scopes say.
		{nil, "net 10.0.0.0/8", []int{3}, ""},
		{nil, "net 10.0.0.0/8 and port 22", nil, ""},
		{nil, "host 192.0.2.7 and port 22", []int{3}, ""},
		{nil, "  port   443 ", []int{2}, ""},
		// With --conn.
		{[]int{2, 3}, "", []int{2, 3}, ""},
		{[]int{1, 3}, "port 22", []int{3}, ""},
	}
	for _, tt := range tests {
		var warn bytes.Buffer
		keep, err := Select(tt.ids, tt.filter, &warn)
		if err != nil {
			t.Errorf("%v %q: %v", tt.ids, tt.filter, err)
			continue
		}
		var got []int
		for _, c := range []*rules.Conn{named, v6, v4} {
			if keep(c) {
				got = append(got, c.ID)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%v %q keeps %v, want %v", tt.ids, tt.filter, got, tt.want)
		}
		if tt.warned == "" && warn.Len() > 0 || tt.warned != "" && !strings.Contains(warn.String(), `write --filter "`+tt.warned+`"`) {
			t.Errorf("%q: warned %q, want the new spelling %q", tt.filter, warn.String(), tt.warned)
		}
	}
	if keep, err := Select(nil, " ", nil); keep != nil || err != nil {
		t.Errorf("no --conn and no --filter: %v, %v; want every connection", keep != nil, err)
	}
}

func TestSelectSaysWhereAFilterIsWrong(t *testing.T) {
	tests := []struct{ filter, want string }{
		{"port x", `--filter: column 6: scope "port x": port "x" is not a number from 1 to 65535`},
		{"tcp", `--filter: column 1: scope "tcp": "tcp" needs a value`},
		{"host", `--filter: column 1: scope "host": "host" needs a value`},
		{"port 22 and prot 80", `--filter: column 13: scope "port 22 and prot 80": unknown selector "prot" (want host, net or port)`},
		{"host [x/y]", `--filter: column 6: scope "host [x/y]": host "[x/y]" is neither an address nor a host name`},
	}
	for _, tt := range tests {
		_, err := Select(nil, tt.filter, nil)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %s", tt.filter, err, tt.want)
		}
	}
}
