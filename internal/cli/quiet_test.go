package cli

import (
	"strings"
	"testing"
)

func TestQuietWriter(t *testing.T) {
	tests := []struct {
		name   string
		writes []string
		want   string
	}{
		{"errors pass", []string{"pcaplint: x.pcap: truncated\n"}, "pcaplint: x.pcap: truncated\n"},
		{"warnings and notes do not", []string{"pcaplint: warning: w\n", "pcaplint: note: n\n", "pcaplint: 警告：w\n"}, ""},
		{"line by line", []string{"pcaplint: warn", "ing: w\nkept\npcaplint: not", "e: n\nalso ", "kept\n"}, "kept\nalso kept\n"},
		{"an unfinished line waits", []string{"half"}, ""},
	}
	for _, tt := range tests {
		var b strings.Builder
		q := &QuietWriter{W: &b}
		for _, w := range tt.writes {
			if n, err := q.Write([]byte(w)); n != len(w) || err != nil {
				t.Errorf("%s: Write(%q) = %d, %v", tt.name, w, n, err)
			}
		}
		if b.String() != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, b.String(), tt.want)
		}
	}
}
