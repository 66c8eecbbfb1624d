package tcp

// Flags are the TCP control bits of a segment, in the bit positions of the
// TCP header (RFC 9293 section 3.1; AE from RFC 9768 AccECN occupies bit 8).
type Flags uint16

// The control bits.
const (
	FIN Flags = 1 << iota
	SYN
	RST
	PSH
	ACK
	URG
	ECE
	CWR
	AE
)

// flagLetters are tcpdump's letters, in the order tcpdump prints them.
var flagLetters = [...]struct {
	flag   Flags
	letter byte
}{
	{FIN, 'F'}, {SYN, 'S'}, {RST, 'R'}, {PSH, 'P'}, {ACK, '.'},
	{URG, 'U'}, {ECE, 'E'}, {CWR, 'W'}, {AE, 'e'},
}

// Has reports whether all bits of want are set.
func (f Flags) Has(want Flags) bool { return f&want == want }

// Any reports whether at least one bit of want is set.
func (f Flags) Any(want Flags) bool { return f&want != 0 }

// String renders the flags as tcpdump does inside "Flags [...]": letters in
// the order FSRP.UEWe, or "none".
func (f Flags) String() string {
	var buf [len(flagLetters)]byte
	n := 0
	for _, fl := range flagLetters {
		if f&fl.flag != 0 {
			buf[n] = fl.letter
			n++
		}
	}
	if n == 0 {
		return "none"
	}
	return string(buf[:n])
}

// ParseFlags reads tcpdump's flag letters ("S.", "FP.", "none"). It reports
// false for any other letter.
func ParseFlags(s string) (Flags, bool) {
	if s == "none" {
		return 0, true
	}
	var f Flags
	for i := 0; i < len(s); i++ {
		found := false
		for _, fl := range flagLetters {
			if s[i] == fl.letter {
				f |= fl.flag
				found = true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return f, true
}
