package rules

import (
	"reflect"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// connCopies keeps a copy of every connection as it ends, without the
// tracker's bookkeeping, and counts the distinct Conn values it saw.
type connCopies struct {
	ended []Conn
	seen  map[*Conn]bool
}

func (*connCopies) Segment(*Conn, Dir, *tcp.Segment, bool) {}

func (cc *connCopies) End(c *Conn, _ EndReason) {
	cp := *c
	cp.key, cp.prev, cp.next, cp.queue, cp.qprev, cp.qnext = connKey{}, nil, nil, nil, nil, nil
	cp.history = append([]byte(nil), c.history...)
	cp.Transitions = append([]Transition(nil), c.Transitions...)
	cc.ended = append(cc.ended, cp)
	if cc.seen == nil {
		cc.seen = map[*Conn]bool{}
	}
	cc.seen[c] = true
}

// churn plays rounds of connections 10 s apart over a few ports, each
// round a mix of clean closes, resets, unacknowledged FINs, half-closes
// and connections left open, so that connections retire, are replaced and
// are reused in every state.
func churn(tr *Tracker) {
	scripts := [][]step{fullClose, reset, lastACKLost, halfClose, handshake}
	for r := range 30 {
		for i := range 20 {
			port := uint16(40000 + i + 20*(r%3))
			play(tr, port, after(time.Duration(r)*10*time.Second, scripts[(r+i)%len(scripts)])...)
		}
	}
	tr.Flush()
}

func TestRecycledConnectionsStartClean(t *testing.T) {
	var fresh, recycled connCopies
	churn(NewTracker(&fresh))
	tr := NewTracker(&recycled)
	tr.Recycle = true
	churn(tr)
	if len(recycled.ended) != len(fresh.ended) {
		t.Fatalf("%d connections with recycling, %d without", len(recycled.ended), len(fresh.ended))
	}
	if len(recycled.seen) >= len(recycled.ended)/2 {
		t.Errorf("%d Conn values for %d connections: recycling reused too few", len(recycled.seen), len(recycled.ended))
	}
	for i := range fresh.ended {
		if !reflect.DeepEqual(recycled.ended[i], fresh.ended[i]) {
			t.Fatalf("connection %d differs with recycling:\n%+v\nwithout:\n%+v", fresh.ended[i].ID, recycled.ended[i], fresh.ended[i])
		}
	}
}

func TestRecyclingKeepsAtMostMaxFree(t *testing.T) {
	tr := NewTracker()
	tr.Recycle = true
	for i := range 2 * maxFree {
		play(tr, uint16(1024+i), handshake...)
	}
	tr.Flush()
	n := 0
	for c := tr.free; c != nil; c = c.next {
		n++
	}
	if n != maxFree || tr.nFree != maxFree {
		t.Errorf("%d connections kept for reuse (counted %d), want %d", n, tr.nFree, maxFree)
	}
}
