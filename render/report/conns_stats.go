package report

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/stats"
)

// JSONConnStats is the JSON form of a connection's statistics (conns
// --stats; docs/stats.md). Every name carries its unit.
type JSONConnStats struct {
	ElapsedMS float64      `json:"elapsed_ms"`
	Client    JSONDirStats `json:"client"`
	Server    JSONDirStats `json:"server"`
}

// JSONDirStats is the JSON form of what one end sent. The RTT figures are
// null when no RTT was measured for its segments.
type JSONDirStats struct {
	Bytes            int64    `json:"bytes"`
	UniqueBytes      int64    `json:"unique_bytes"`
	RetransSegments  int64    `json:"retrans_segments"`
	RetransBytes     int64    `json:"retrans_bytes"`
	GoodputBps       float64  `json:"goodput_bytes_per_s"`
	RTTSamples       int64    `json:"rtt_samples"`
	RTTEchoSamples   int64    `json:"rtt_ts_echo_samples"`
	RTTMinMS         *float64 `json:"rtt_min_ms"`
	RTTMedianMS      *float64 `json:"rtt_median_ms"`
	RTTP95MS         *float64 `json:"rtt_p95_ms"`
	RTTMaxMS         *float64 `json:"rtt_max_ms"`
	RTTMeanMS        *float64 `json:"rtt_mean_ms"`
	MaxInFlightBytes int64    `json:"max_in_flight_bytes"`
	MaxWindowBytes   int64    `json:"max_window_bytes"`
	ZeroWindowMS     float64  `json:"zero_window_ms"`
}

// NewJSONConnStats converts a connection's statistics.
func NewJSONConnStats(s stats.Summary) *JSONConnStats {
	return &JSONConnStats{ElapsedMS: ms(s.Elapsed), Client: newJSONDirStats(&s.Dirs[rules.FromClient]),
		Server: newJSONDirStats(&s.Dirs[rules.FromServer])}
}

func newJSONDirStats(f *stats.Figures) JSONDirStats {
	j := JSONDirStats{Bytes: f.Bytes, UniqueBytes: f.UniqueBytes, RetransSegments: f.RetransSegments,
		RetransBytes: f.RetransBytes, GoodputBps: math.Round(f.GoodputBps*1000) / 1000,
		RTTSamples: f.RTTSamples, RTTEchoSamples: f.RTTEchoSamples,
		MaxInFlightBytes: f.MaxInFlight, MaxWindowBytes: f.MaxWindow, ZeroWindowMS: ms(f.ZeroWindow)}
	if f.RTTSamples > 0 {
		j.RTTMinMS, j.RTTMedianMS, j.RTTP95MS = msPtr(f.RTTMin), msPtr(f.RTTMedian), msPtr(f.RTTP95)
		j.RTTMaxMS, j.RTTMeanMS = msPtr(f.RTTMax), msPtr(f.RTTMean)
	}
	return j
}

// ms is a duration in milliseconds, to the nanosecond.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func msPtr(d time.Duration) *float64 {
	v := ms(d)
	return &v
}

// writeStatsTable prints the statistics of f's connections, a row per
// connection and direction, under a line that says what they are.
func writeStatsTable(w io.Writer, f *File) {
	fmt.Fprintln(w, "statistics per direction (docs/stats.md): RTT in ms, min/median/p95/max, from samples")
	fmt.Fprintln(w, "ID\tFROM\tBYTES\tUNIQUE\tRETRANS SEGS\tRETRANS BYTES\tGOODPUT\tRTT\tSAMPLES\tMAX IN FLIGHT\tMAX WINDOW\tZERO WINDOW")
	for _, c := range f.Conns {
		s, ok := f.ConnStats[c]
		if !ok {
			continue
		}
		for d := range s.Dirs {
			g := &s.Dirs[d]
			fmt.Fprintf(w, "%d\t%s\t%d\t%d\t%d\t%d\t%s\t%s\t%d\t%d\t%d\t%s\n", c.ID, rules.Dir(d), g.Bytes, g.UniqueBytes,
				g.RetransSegments, g.RetransBytes, rate(g.GoodputBps), rttCell(g), g.RTTSamples, g.MaxInFlight, g.MaxWindow,
				formatDuration(g.ZeroWindow))
		}
	}
}

// rttCell is min/median/p95/max in milliseconds, "-" without samples.
func rttCell(g *stats.Figures) string {
	if g.RTTSamples == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f/%.3f/%.3f/%.3f", ms(g.RTTMin), ms(g.RTTMedian), ms(g.RTTP95), ms(g.RTTMax))
}

// rate prints bytes per second with a decimal prefix, three digits.
func rate(bps float64) string {
	for _, u := range []struct {
		scale float64
		name  string
	}{{1e9, "GB/s"}, {1e6, "MB/s"}, {1e3, "kB/s"}} {
		if bps >= u.scale {
			return fmt.Sprintf("%.3g %s", bps/u.scale, u.name)
		}
	}
	return fmt.Sprintf("%.0f B/s", bps)
}
