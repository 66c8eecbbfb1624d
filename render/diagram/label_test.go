package diagram_test

import (
	"testing"

	"github.com/pcaplint/pcaplint/render/diagram"
	"github.com/pcaplint/pcaplint/render/diagram/internal/fixture"
)

func segmentLabels(d *diagram.Diagram) []string {
	var out []string
	for _, r := range d.Rows {
		if r.Kind == diagram.RowSegment {
			out = append(out, r.Label)
		}
	}
	return out
}

func TestLabelsReadLikeTcpdump(t *testing.T) {
	tests := []struct {
		name     string
		absolute bool
		want     []string
	}{
		{"relative numbers, as tcpdump prints them", false, []string{
			"[S] seq 2927179378 win 32792 <mss 16396,wscale 3>",
			"[S.] seq 1721825043 ack 2927179379 win 32768 <mss 16396,wscale 3>",
			"[.] ack 1 win 4099 (×8 = 32792)",
			"[P.] 1:8 (7) ack 1",
			"[.] ack 8 win 4096 (×8 = 32768)",
			"[P.] 1:19 (18) ack 8",
			"[.] ack 19 win 4097 (×8 = 32776)",
		}},
		{"absolute numbers with --absolute", true, []string{
			"[S] seq 2927179378 win 32792 <mss 16396,wscale 3>",
			"[S.] seq 1721825043 ack 2927179379 win 32768 <mss 16396,wscale 3>",
			"[.] ack 1721825044 win 4099 (×8 = 32792)",
			"[P.] 2927179379:2927179386 (7) ack 1721825044",
			"[.] ack 2927179386 win 4096 (×8 = 32768)",
			"[P.] 1721825044:1721825062 (18) ack 2927179386",
			"[.] ack 1721825062 win 4097 (×8 = 32776)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := diagram.Build(fixture.Tutorial(), diagram.Options{Absolute: tt.absolute})
			got := segmentLabels(d)
			if len(got) != len(tt.want) {
				t.Fatalf("%d labels, want %d: %q", len(got), len(tt.want), got)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("segment %d: %q, want %q", i+1, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestTutorialDiagramShape(t *testing.T) {
	d := diagram.Build(fixture.Tutorial(), diagram.Options{})
	kinds := ""
	for _, r := range d.Rows {
		kinds += map[diagram.RowKind]string{diagram.RowSegment: "s", diagram.RowGap: "g", diagram.RowFold: "f", diagram.RowLost: "l"}[r.Kind]
	}
	if kinds != "sssgssss" {
		t.Errorf("rows %q, want three handshake segments, the 16 s gap, four more", kinds)
	}
	if got := d.Rows[3].GapText(); got != "16.31 s idle" {
		t.Errorf("gap reads %q", got)
	}
	if d.Lanes[0].Initial != "CLOSED" || d.Lanes[1].Initial != "LISTEN" {
		t.Errorf("initial states %q %q", d.Lanes[0].Initial, d.Lanes[1].Initial)
	}
	want := []string{"SYN_SENT", "SYN_RECEIVED"}
	for i, m := range d.Rows[0].States {
		if m.State != want[i] {
			t.Errorf("state after the SYN on lane %d: %s, want %s", m.Lane, m.State, want[i])
		}
	}
	if tm := d.TimeText(&d.Rows[4], false); tm != "16310.720" {
		t.Errorf("time of the request %q, want 16310.720", tm)
	}
}

func TestMergedDiagramsShareLifelines(t *testing.T) {
	convs := append(fixture.Abort(), fixture.Refused()...)
	convs[1].Conn.ID = 2
	d := diagram.Build(convs, diagram.Options{})
	if len(d.Lanes) != 2 || d.States {
		t.Fatalf("%d lanes, states %v: want the two endpoints both connections share, no states", len(d.Lanes), d.States)
	}
	labels := segmentLabels(d)
	if len(labels) != 9 || labels[0] != "#1 [S] seq 1000 win 64240 <mss 1460,wscale 7>" {
		t.Errorf("labels %q", labels)
	}
}

func TestAConnectionToItselfHasTwoLifelines(t *testing.T) {
	convs := fixture.Named("self", "self")
	convs[0].Conn.Server = convs[0].Conn.Client
	d := diagram.Build(convs, diagram.Options{})
	if len(d.Lanes) != 2 {
		t.Fatalf("%d lanes, want 2", len(d.Lanes))
	}
	for _, r := range d.Rows {
		if r.Kind == diagram.RowSegment && r.From == r.To {
			t.Errorf("segment %q drawn from a lane to itself", r.Label)
		}
	}
}
