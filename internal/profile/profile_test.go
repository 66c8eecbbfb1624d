package profile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func TestProfiles(t *testing.T) {
	dir := t.TempDir()
	os.Symlink(filepath.Join(dir, "victim"), filepath.Join(dir, "link"))
	tests := []struct {
		name    string
		args    []string
		written []string // files that hold a profile afterwards
		wantOK  bool
		stderr  string
	}{
		{"none", nil, nil, true, ""},
		{"cpu", []string{"--cpuprofile", filepath.Join(dir, "cpu")}, []string{"cpu"}, true, ""},
		{"heap", []string{"--memprofile", filepath.Join(dir, "mem")}, []string{"mem"}, true, ""},
		{"cpu through a link", []string{"--cpuprofile", filepath.Join(dir, "link")}, nil, false, "pcaplint: --cpuprofile: "},
		{"heap through a link", []string{"--memprofile", filepath.Join(dir, "link")}, nil, false, "pcaplint: --memprofile: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			preRan := false
			root := &cobra.Command{Use: "pcaplint",
				PersistentPreRunE: func(*cobra.Command, []string) error { preRan = true; return nil },
				RunE:              func(*cobra.Command, []string) error { return nil }}
			p := AddFlags(root)
			root.SetArgs(tt.args)
			if err := root.Execute(); err != nil || !preRan {
				t.Fatalf("%v; root's own pre-run ran: %v", err, preRan)
			}
			var stderr strings.Builder
			if ok := p.Stop(&stderr); ok != tt.wantOK || !strings.HasPrefix(stderr.String(), tt.stderr) || (tt.stderr == "") != (stderr.Len() == 0) {
				t.Errorf("Stop: %v, stderr %q", ok, stderr.String())
			}
			for _, f := range tt.written {
				if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
					t.Errorf("%s: no profile: %v", f, err)
				}
			}
			if _, err := os.Lstat(filepath.Join(dir, "victim")); err == nil {
				t.Error("written through the link")
			}
			if !p.Stop(&stderr) {
				t.Error("a second Stop failed")
			}
		})
	}
}
