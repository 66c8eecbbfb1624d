package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// sliceSpool is a ConnSpool over connections in memory.
type sliceSpool []JSONConn

func (s sliceSpool) Len() int { return len(s) }

func (s sliceSpool) Each(fn func(*JSONConn) error) error {
	for i := range s {
		if err := fn(&s[i]); err != nil {
			return err
		}
	}
	return nil
}

// spooled is r with every input's connections moved to a spool.
func spooled(r *Report) *Report {
	out := *r
	out.Files = nil
	for _, f := range r.Files {
		var sp sliceSpool
		for _, c := range f.Conns {
			sp = append(sp, NewJSONConn(c))
		}
		f.Spool, f.ConnCount, f.Conns = sp, len(f.Conns), nil
		out.Files = append(out.Files, f)
	}
	return &out
}

// TestStreamedJSONIsTheEncodedReport: the JSON of lint and of conns,
// printed an input and a connection at a time, with connections in
// memory or in a spool, and with no input at all, is byte for byte
// encoding/json's indented encoding of the whole report.
func TestStreamedJSONIsTheEncodedReport(t *testing.T) {
	for name, r := range map[string]*Report{
		"sample":      sampleReport(),
		"no input":    {Files: []File{}, Skipped: []Skip{{Path: "README", Reason: "not a capture"}}},
		"empty":       {Files: []File{{Path: "empty.pcap"}}},
		"hostile":     {Files: []File{{Path: `"connections": [] <&>` + "\n", Conns: sampleReport().Files[1].Conns}}},
		"interrupted": interruptedReport(),
	} {
		var whole bytes.Buffer
		enc := json.NewEncoder(&whole)
		enc.SetIndent("", "  ")
		if err := enc.Encode(NewJSONReport(r)); err != nil {
			t.Fatal(err)
		}
		var conns bytes.Buffer
		if err := writeJSON(&conns, struct {
			Files []JSONFile `json:"files"`
		}{Files: connsFiles(r)}); err != nil {
			t.Fatal(err)
		}
		for _, variant := range []*Report{r, spooled(r)} {
			var got bytes.Buffer
			if err := (JSON{}).Print(&got, variant); err != nil {
				t.Fatal(err)
			}
			if got.String() != whole.String() {
				t.Errorf("%s: lint JSON streamed:\n%s\nencoded whole:\n%s", name, got.String(), whole.String())
			}
			got.Reset()
			if err := WriteConnsJSON(&got, variant); err != nil {
				t.Fatal(err)
			}
			if got.String() != conns.String() {
				t.Errorf("%s: conns JSON streamed:\n%s\nencoded whole:\n%s", name, got.String(), conns.String())
			}
		}
	}
}

func connsFiles(r *Report) []JSONFile {
	out := []JSONFile{}
	for i := range r.Files {
		out = append(out, NewJSONFile(&r.Files[i]))
	}
	return out
}
