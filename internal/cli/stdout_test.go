package cli

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestStdoutFinishReportsLostOutput(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	s := NewStdout(f)
	s.WriteString("kept")
	if s.Fd() != f.Fd() {
		t.Error("Fd is not the file's")
	}
	if err := s.Finish(); err != nil {
		t.Error(err)
	}
	if b, _ := os.ReadFile(f.Name()); string(b) != "kept" {
		t.Errorf("wrote %q", b)
	}
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer full.Close()
	s = NewStdout(full)
	s.Write(make([]byte, 100<<10)) // more than the buffer: written, and lost
	s.WriteString("more")
	if err := s.Finish(); err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Errorf("Finish on /dev/full: %v", err)
	}
}

func TestOutputPath(t *testing.T) {
	for in, want := range map[string]string{"-": "", "": "", "out.svg": "out.svg", "./-": "./-"} {
		if got := OutputPath(in); got != want {
			t.Errorf("OutputPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVersion(t *testing.T) {
	tests := []struct {
		info *debug.BuildInfo
		want string
	}{
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef"}}}, "(devel) (0123456789ab)"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "short"}}}, "(devel)"},
	}
	for _, tt := range tests {
		if got := version(tt.info); got != tt.want {
			t.Errorf("%q, want %q", got, tt.want)
		}
	}
	if Version() == "" {
		t.Error("no version")
	}
}
