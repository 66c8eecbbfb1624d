package tcp

// OptionSet records which TCP options a segment carried.
type OptionSet uint16

// Option presence bits.
const (
	OptMSS OptionSet = 1 << iota
	OptWScale
	OptSACKPermitted
	OptSACK
	OptTimestamp
	OptTFO
	OptMPTCP
	OptMD5
	OptAO
	OptUserTimeout
	OptEOL
	OptNOP
	OptUnknown
	OptMalformed // a length byte that lies, or options running past the header
)

// MaxSACKBlocks is the most SACK blocks one option can hold (40 bytes of
// option space: 2 + 4*8 = 34).
const MaxSACKBlocks = 4

// MaxUnknownOptions is how many unknown option kinds are kept per segment;
// more are still counted in UnknownCount.
const MaxUnknownOptions = 4

// SACKBlock is one selective acknowledgement block: the half-open sequence
// range [Left, Right) the receiver holds (RFC 2018).
type SACKBlock struct {
	Left, Right uint32
}

// UnknownOption is an option kind pcaplint does not interpret, kept as kind
// and length.
type UnknownOption struct {
	Kind, Len uint8
}

// Options are the parsed TCP options of a segment. The fixed-size arrays keep
// a Segment free of heap pointers, so that decoding allocates nothing.
type Options struct {
	Has          OptionSet
	MSS          uint16
	WScale       uint8 // the shift count, as sent (may exceed 14 on a broken stack)
	TSVal        uint32
	TSEcr        uint32
	SACK         [MaxSACKBlocks]SACKBlock
	NumSACK      uint8
	TFOCookieLen uint8 // 0 for a cookie request
	Unknown      [MaxUnknownOptions]UnknownOption
	NumUnknown   uint8 // how many of Unknown are filled
	UnknownCount uint8 // how many unknown options there were in all
}

// AddUnknown records an unknown option kind.
func (o *Options) AddUnknown(kind, length uint8) {
	o.Has |= OptUnknown
	if o.UnknownCount < 255 {
		o.UnknownCount++
	}
	if int(o.NumUnknown) < MaxUnknownOptions {
		o.Unknown[o.NumUnknown] = UnknownOption{Kind: kind, Len: length}
		o.NumUnknown++
	}
}

// AddSACK records a SACK block; blocks past MaxSACKBlocks mark the options
// malformed, as no valid option can hold them.
func (o *Options) AddSACK(left, right uint32) {
	o.Has |= OptSACK
	if int(o.NumSACK) < MaxSACKBlocks {
		o.SACK[o.NumSACK] = SACKBlock{Left: left, Right: right}
		o.NumSACK++
		return
	}
	o.Has |= OptMalformed
}

// SACKBlocks returns the SACK blocks carried.
func (o *Options) SACKBlocks() []SACKBlock { return o.SACK[:o.NumSACK] }
