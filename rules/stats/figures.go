package stats

import "time"

// Figures are the statistics of what one end of a connection sent, as
// docs/stats.md defines them.
type Figures struct {
	// Bytes counts payload bytes, retransmissions included; UniqueBytes
	// those whose sequence numbers the capture had not seen from this
	// end before (tcptrace's "unique bytes sent").
	Bytes, UniqueBytes int64
	// RetransSegments and RetransBytes count the data segments the
	// sequence analysis calls retransmissions of any kind (so that they
	// agree with the retransmission findings), and their payload.
	RetransSegments, RetransBytes int64
	// GoodputBps is UniqueBytes per second of the connection's elapsed
	// time, first segment to last (tcptrace's "throughput").
	GoodputBps float64
	// RTTSamples counts the round-trip times measured for this end's
	// segments, RTTEchoSamples those of them a TS echo gave (RTTSampler).
	RTTSamples, RTTEchoSamples int64
	// RTTMin, RTTMedian, RTTP95, RTTMax and RTTMean summarise them; the
	// median and p95 are nearest-rank, exact up to 64 samples and within
	// 1 % beyond (Quantiles).
	RTTMin, RTTMedian, RTTP95, RTTMax, RTTMean time.Duration
	// MaxInFlight is the most bytes this end had sent and the peer not
	// yet acknowledged, after a data segment (SND.NXT - SND.UNA, RFC 9293
	// section 3.3.1, as the capture saw them).
	MaxInFlight int64
	// MaxWindow is the largest receive window this end advertised,
	// scaled by its window scale (RFC 7323 section 2.2); the unscaled
	// window of a SYN counts only where no scaling was agreed.
	MaxWindow int64
	// ZeroWindow is how long this end advertised a zero window: from a
	// segment with window 0 to its next with a window above 0, or to the
	// connection's last segment.
	ZeroWindow time.Duration
}

// Summary is the statistics of one connection: its elapsed time and the
// Figures of each direction, indexed by rules.Dir.
type Summary struct {
	Elapsed time.Duration
	Dirs    [2]Figures
}

// dirState is what the Observer keeps of one direction while the
// connection lives.
type dirState struct {
	bytes, unique            int64
	retransSegs, retransByte int64
	rtt                      Quantiles
	echo                     int64
	maxInFlight              int64
	maxWin, synWin           int64
	zero                     time.Duration
	zeroSince                time.Time
	inZero                   bool
}

// figures computes the direction's Figures over elapsed; scaled says
// whether window scaling was agreed (both SYNs carried it).
func (s *dirState) figures(elapsed time.Duration, scaled bool) Figures {
	f := Figures{
		Bytes: s.bytes, UniqueBytes: s.unique, RetransSegments: s.retransSegs, RetransBytes: s.retransByte,
		RTTSamples: s.rtt.Count(), RTTEchoSamples: s.echo,
		RTTMin: s.rtt.Min(), RTTMedian: s.rtt.Quantile(0.5), RTTP95: s.rtt.Quantile(0.95), RTTMax: s.rtt.Max(), RTTMean: s.rtt.Mean(),
		MaxInFlight: s.maxInFlight, MaxWindow: s.maxWin, ZeroWindow: s.zero,
	}
	if !scaled {
		f.MaxWindow = max(f.MaxWindow, s.synWin)
	}
	if elapsed > 0 {
		f.GoodputBps = float64(s.unique) / elapsed.Seconds()
	}
	return f
}
