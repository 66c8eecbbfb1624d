package english

import "testing"

func TestSentenceIsFound(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"RST from client 10.0.0.1:4000 with 0 bytes", true},
		{"检查发现 rst-unexpected（警告）：客户端 10.0.0.1:40000 发送 RST", false},
		{"TCP Fast Open cookie", false},
		{"已跳过：handshake-incomplete, fin-not-acked, teardown-incomplete", false},
		{"the capture missed them", true},
	} {
		if got := Sentence(tc.s) != ""; got != tc.want {
			t.Errorf("Sentence(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
