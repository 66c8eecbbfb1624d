package ruleset

import (
	"net/netip"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// stubChecks stands in for the built-in checks: IDs and defaults from
// docs/design/checks.md, parameters of every type the loader converts.
func stubChecks() []*rules.Check {
	return []*rules.Check{
		{ID: "handshake-incomplete", Default: rules.Warning},
		{ID: "handshake-bad-ack", Default: rules.Error},
		{ID: "handshake-slow", Default: rules.Off, Params: []*rules.Param{{Name: "max", Default: rules.DurationValue(time.Second),
			Min: rules.DurationValue(0), Max: rules.DurationValue(time.Hour)}}},
		{ID: "retransmission", Default: rules.Info, Params: []*rules.Param{{Name: "max-per-connection", Default: rules.IntValue(0),
			Min: rules.IntValue(0)}}},
		{ID: "rst-unexpected", Default: rules.Warning},
		{ID: "rst-out-of-window", Default: rules.Error},
		{ID: "window-full", Default: rules.Info, Params: []*rules.Param{
			{Name: "ratio", Default: rules.FloatValue(1), Min: rules.FloatValue(0), Max: rules.FloatValue(2)},
			{Name: "exact", Default: rules.BoolValue(true)},
			{Name: "keep", Default: rules.BytesValue(1024), Max: rules.BytesValue(1 << 20)}}},
		{ID: "bad-checksum", Default: rules.Off},
	}
}

// testConn is a finished connection from 10.0.0.1:40000 to 10.0.0.2:8080
// whose handshake took 300ms.
func testConn() *rules.Conn {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	c := &rules.Conn{ID: 7,
		Client:  tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.1"), Port: 40000},
		Server:  tcp.Endpoint{Addr: netip.MustParseAddr("10.0.0.2"), Port: 8080},
		Start:   t0,
		End:     t0.Add(2 * time.Second),
		SYNTime: t0, EstablishedTime: t0.Add(300 * time.Millisecond),
	}
	c.Sides[0].Packets, c.Sides[1].Packets = 5, 4
	c.Sides[0].Bytes, c.Sides[1].Bytes = 100, 2000
	c.Sides[0].ISN, c.Sides[0].HasISN, c.Sides[0].WScale = 1000, true, 7
	c.Sides[1].ISN, c.Sides[1].HasISN, c.Sides[1].WScale = 5000, true, 2
	return c
}
