package diagram

import "testing"

// TestGroups: merged draws every conversation in one diagram, else one a
// conversation, in order.
func TestGroups(t *testing.T) {
	a, b := &Conversation{}, &Conversation{}
	for _, tt := range []struct {
		name   string
		convs  []*Conversation
		merged bool
		want   [][]*Conversation
	}{
		{"one each", []*Conversation{a, b}, false, [][]*Conversation{{a}, {b}}},
		{"merged", []*Conversation{a, b}, true, [][]*Conversation{{a, b}}},
		{"none", nil, false, [][]*Conversation{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Groups(tt.convs, tt.merged)
			if len(got) != len(tt.want) {
				t.Fatalf("%d groups, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if len(got[i]) != len(tt.want[i]) {
					t.Fatalf("group %d: %d conversations, want %d", i, len(got[i]), len(tt.want[i]))
				}
				for j := range got[i] {
					if got[i][j] != tt.want[i][j] {
						t.Errorf("group %d, conversation %d is not the one given", i, j)
					}
				}
			}
		})
	}
}
