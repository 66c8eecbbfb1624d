package explain

import (
	"encoding/binary"
	"errors"
	"time"

	"github.com/pcaplint/pcaplint/rules"
)

// ended is what the summary of a connection reads of it, taken when the
// connection ends, so that a session keeps this (in a spill, see
// session) rather than every connection until its summaries are printed.
type ended struct {
	id                                int
	head                              Key
	client, server                    string
	rtt, duration                     time.Duration
	clientBytes, serverBytes, packets int64
	zeek                              string
	clientState, serverState          string
}

// newEnded takes what the summary reads of c.
func newEnded(c *rules.Conn) *ended {
	cl, sv := &c.Sides[rules.FromClient], &c.Sides[rules.FromServer]
	duration, rtt := Duration(c.Duration()), Duration(c.HandshakeRTT())
	if c.Untimed() { // a segment had no time (tcpdump -t)
		duration = unknownDuration
		if c.Established() {
			rtt = unknownDuration
		}
	}
	return &ended{id: c.ID, head: headKey(c), client: c.Client.String(), server: c.Server.String(),
		rtt: time.Duration(rtt), duration: time.Duration(duration), clientBytes: cl.Bytes, serverBytes: sv.Bytes, packets: c.Packets(),
		zeek: c.ZeekState(), clientState: cl.State.String(), serverState: sv.State.String()}
}

// append encodes e onto b: its strings each after its length (a uvarint),
// its numbers as varints.
func (e *ended) append(b []byte) []byte {
	for _, s := range []string{string(e.head), e.client, e.server, e.zeek, e.clientState, e.serverState} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, n := range []int64{int64(e.id), int64(e.rtt), int64(e.duration), e.clientBytes, e.serverBytes, e.packets} {
		b = binary.AppendVarint(b, n)
	}
	return b
}

// errCut is the error of a record that ends too soon.
var errCut = errors.New("explain: reading back a connection's summary: the record is cut")

// decodeEnded reads back what append wrote.
func decodeEnded(b []byte) (*ended, error) {
	var strs [6]string
	for i := range strs {
		n, w := binary.Uvarint(b)
		if w <= 0 || uint64(len(b)-w) < n {
			return nil, errCut
		}
		strs[i], b = string(b[w:w+int(n)]), b[w+int(n):]
	}
	var nums [6]int64
	for i := range nums {
		v, w := binary.Varint(b)
		if w <= 0 {
			return nil, errCut
		}
		nums[i], b = v, b[w:]
	}
	return &ended{head: Key(strs[0]), client: strs[1], server: strs[2], zeek: strs[3], clientState: strs[4], serverState: strs[5],
		id: int(nums[0]), rtt: time.Duration(nums[1]), duration: time.Duration(nums[2]),
		clientBytes: nums[3], serverBytes: nums[4], packets: nums[5]}, nil
}
