package checks

import "github.com/pcaplint/pcaplint/rules"

// All returns the built-in checks in the order of the catalogue.
func All() []*rules.Check {
	return []*rules.Check{
		handshakeIncomplete, handshakeBadAck, handshakeNotCaptured, oneDirectionCaptured, synRetransmitted,
		connectionRefused, handshakeSlow,
		seqGap, ackUnseen, ackRegression, retransmission, fastRetransmission,
		spuriousRetransmission, retransmissionInconsistent, outOfOrder, duplicateAck,
		rstUnexpected, rstOutOfWindow, rstAfterClose,
		dataAfterFIN, finNotAcked, teardownIncomplete,
		zeroWindow, zeroWindowProbe, windowFull, windowUpdate, keepAlive,
		portReuse, synWithData, badOptions, timestampRegression, badChecksum, segmentationOffload,
	}
}

// Limits returns the checks that report pcaplint's own limits rather than
// TCP faults. They are not in the TCP catalogue; they run beside it.
func Limits() []*rules.Check {
	return []*rules.Check{connTableFull}
}

// ByID returns the built-in check with the given ID, or nil.
func ByID(id string) *rules.Check {
	for _, c := range append(All(), Limits()...) {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// onSegment wraps a check's segment logic: it gets the sequence
// analysis' state of the connection, brought up to the segment (the check
// requires seq).
func onSegment(fn func(p *rules.Pass, st *connState)) func(*rules.Pass) {
	return func(p *rules.Pass) { fn(p, stateOf(p.Conn)) }
}

// onEnd wraps a check's end-of-connection logic, as onSegment does.
func onEnd(fn func(p *rules.Pass, st *connState)) func(*rules.Pass) {
	return func(p *rules.Pass) { fn(p, stateOf(p.Conn)) }
}
