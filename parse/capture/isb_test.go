package capture

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// dumpcapCapture is a real loopback conversation captured by dumpcap, which
// ends it with an Interface Statistics Block (testdata/record/dumpcap-isb.sh).
const dumpcapCapture = "testdata/dumpcap-lo.pcapng"

// isb builds a little-endian Interface Statistics Block for interface id
// with the given options (code → 64-bit value).
func isb(id uint32, opts ...[2]uint64) []byte {
	var body bytes.Buffer
	le := binary.LittleEndian
	body.Write(le.AppendUint32(nil, id))
	body.Write(make([]byte, 8)) // timestamp
	for _, o := range opts {
		body.Write(le.AppendUint16(nil, uint16(o[0])))
		body.Write(le.AppendUint16(nil, 8))
		body.Write(le.AppendUint64(nil, o[1]))
	}
	body.Write(make([]byte, 4)) // opt_endofopt
	n := uint32(body.Len() + 12)
	b := le.AppendUint32(nil, ngInterfaceStats)
	b = le.AppendUint32(b, n)
	b = append(b, body.Bytes()...)
	return le.AppendUint32(b, n)
}

// TestInterfaceStatisticsGiveTheCaptureDrops reads the drop counters of
// Interface Statistics Blocks, as tcpdump's "packets dropped by kernel"
// line is read from a log: the latest block of each interface counts
// (its counters are totals), interfaces and sections add up.
func TestInterfaceStatisticsGiveTheCaptureDrops(t *testing.T) {
	real, err := os.ReadFile(dumpcapCapture)
	if err != nil {
		t.Fatal(err)
	}
	const ifdrop, osdrop, ifrecv = ngOptIsbIfdrop, ngOptIsbOsdrop, 4
	for _, c := range []struct {
		name           string
		file           []byte
		drops, reports int64
		err            string
	}{
		{"dumpcap's own block: nothing dropped", real, 0, 1, ""},
		{"interface and OS drops add up", append(bytes.Clone(real), isb(0, [2]uint64{ifdrop, 5}, [2]uint64{osdrop, 2}, [2]uint64{ifrecv, 99})...), 7, 1, ""},
		{"the latest block counts", append(append(bytes.Clone(real), isb(0, [2]uint64{ifdrop, 3})...), isb(0, [2]uint64{ifdrop, 9})...), 9, 1, ""},
		{"a second section adds its own", append(bytes.Clone(real), append(bytes.Clone(real), isb(0, [2]uint64{ifdrop, 4})...)...), 4, 2, ""},
		{"a hostile counter saturates", append(bytes.Clone(real), isb(0, [2]uint64{ifdrop, 1 << 63}, [2]uint64{osdrop, 1 << 63})...), 1<<63 - 1, 1, ""},
		{"statistics of an undescribed interface", append(bytes.Clone(real), isb(3, [2]uint64{ifdrop, 1})...), 0, 1, "interface statistics block for interface 3, but the section describes 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := NewReader(bytes.NewReader(c.file), "test.pcapng")
			if err != nil {
				t.Fatal(err)
			}
			n, err := countSegments(r)
			if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
				t.Fatalf("error %v, want %q", err, c.err)
			}
			if c.err == "" && n%10 != 0 {
				t.Errorf("%d segments, want a multiple of the capture's 10", n)
			}
			st := r.Stats()
			if st.KernelDrops != c.drops || st.DropReports != c.reports {
				t.Errorf("drops %d in %d reports, want %d in %d", st.KernelDrops, st.DropReports, c.drops, c.reports)
			}
			if st.DropsCountedBy == "" {
				t.Error("the drop count does not say where it comes from")
			}
		})
	}
}

// countSegments reads r to its end, counting TCP segments.
func countSegments(r *Reader) (int, error) {
	n := 0
	for {
		var s tcp.Segment
		err := r.Next(&s)
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}
