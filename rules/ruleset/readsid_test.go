package ruleset

import "testing"

func TestMentionsID(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"conn.id < 3", true},
		{"id == 1", true},
		{"{{conn.id}}: {{conn.client}}", true},
		{`"id" in ["x"]`, true}, // a string literal counts: erring on the side of yes
		{"conn.packets > 3 && psh", false},
		{"conn.midstream", false},
		{"{{rel_seq}} valid", false},
		{"idle > 1", false},
		{"conn_id", false},
	}
	for _, tt := range tests {
		if got := mentionsID(tt.src); got != tt.want {
			t.Errorf("mentionsID(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
