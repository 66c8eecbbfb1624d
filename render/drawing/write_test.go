package drawing

import (
	"strings"
	"testing"
)

func TestSafeNameStaysInsideTheDirectory(t *testing.T) {
	tests := []struct{ in, want string }{
		{"127.0.0.1:39870", "127.0.0.1_39870"},
		{"[2001:db8::1]:443", "2001_db8_1_443"},
		{"../../etc/passwd:80", "etc_passwd_80"},
		{"..", "unnamed"},
		{"", "unnamed"},
		{"a/b\\c\x00d:1", "a_b_c_d_1"},
		{"host..name:1", "host._name_1"},
		{strings.Repeat("x", 300), strings.Repeat("x", 64)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := SafeName(tt.in)
			if got != tt.want {
				t.Errorf("SafeName(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if strings.ContainsAny(got, `/\`) || strings.HasPrefix(got, ".") || strings.Contains(got, "..") {
				t.Errorf("SafeName(%q) = %q could leave the directory", tt.in, got)
			}
		})
	}
}

func TestWriteFileRefusesToLeaveTheDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(dir, "../escape.svg", []byte("x")); err == nil {
		t.Error("writeFile wrote outside its directory")
	}
	if err := WriteFile(dir, "1-a-b.svg", []byte("x")); err != nil {
		t.Error(err)
	}
}
