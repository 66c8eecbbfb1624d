package tcp

// SeqLess reports a < b in RFC 1982 serial arithmetic on 32-bit sequence
// numbers: b is ahead of a by less than 2^31.
func SeqLess(a, b uint32) bool { return int32(b-a) > 0 }

// SeqLEQ reports a <= b in serial arithmetic.
func SeqLEQ(a, b uint32) bool { return int32(b-a) >= 0 }

// SeqMax returns the later of a and b in serial arithmetic.
func SeqMax(a, b uint32) uint32 {
	if SeqLess(a, b) {
		return b
	}
	return a
}

// SeqDiff returns b - a as a signed distance in sequence space.
func SeqDiff(a, b uint32) int64 { return int64(int32(b - a)) }
