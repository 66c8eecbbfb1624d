//go:build unix

package wasmcache

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckPrivate(t *testing.T) {
	tests := []struct {
		name    string
		make    func(t *testing.T, dir string) string
		refused string // "" when the path is accepted
	}{
		{"own 0700 directory", func(t *testing.T, dir string) string {
			return mkdir(t, dir, "c", 0o700)
		}, ""},
		{"own 0755 directory", func(t *testing.T, dir string) string {
			return mkdir(t, dir, "c", 0o755)
		}, ""},
		{"group-writable", func(t *testing.T, dir string) string {
			return mkdir(t, dir, "c", 0o770)
		}, "writable by group or others"},
		{"world-writable", func(t *testing.T, dir string) string {
			return mkdir(t, dir, "c", 0o777)
		}, "writable by group or others"},
		{"symbolic link to an own directory", func(t *testing.T, dir string) string {
			target := mkdir(t, dir, "target", 0o700)
			link := filepath.Join(dir, "c")
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			return link
		}, "a symbolic link"},
		{"in a world-writable parent that is not sticky", func(t *testing.T, dir string) string {
			parent := mkdir(t, dir, "p", 0o777)
			return mkdir(t, parent, "c", 0o700)
		}, "not sticky"},
		{"in a sticky world-writable parent, like /tmp", func(t *testing.T, dir string) string {
			parent := mkdir(t, dir, "p", 0o777|os.ModeSticky)
			return mkdir(t, parent, "c", 0o700)
		}, ""},
		{"owned by someone else", func(t *testing.T, dir string) string {
			if os.Geteuid() != 0 {
				t.Skip("not root: cannot give a directory to another user")
			}
			c := mkdir(t, dir, "c", 0o700)
			if err := os.Chown(c, 65534, 65534); err != nil {
				t.Fatal(err)
			}
			return c
		}, "owned by uid 65534"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkPrivate(tt.make(t, t.TempDir()))
			switch {
			case tt.refused == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.refused != "" && (err == nil || !strings.Contains(err.Error(), tt.refused)):
				t.Errorf("error %v, want one saying %q", err, tt.refused)
			}
		})
	}
}

// mkdir makes dir/name with mode, whatever the umask.
func mkdir(t *testing.T, dir, name string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.Mkdir(p, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRestorePutsTMPDIRBack(t *testing.T) {
	t.Setenv("TMPDIR", "/elsewhere")
	origTMPDIR, hadTMPDIR, redirected = "/original", true, true
	Restore()
	if got := os.Getenv("TMPDIR"); got != "/original" {
		t.Errorf("TMPDIR %q after Restore, want /original", got)
	}
	hadTMPDIR, redirected = false, true
	Restore()
	if _, ok := os.LookupEnv("TMPDIR"); ok {
		t.Error("TMPDIR set after Restore, but the process started without it")
	}
}
