package ruleset

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExtendsStaysInTheRuleFilesTree: a rule file extends only built-in
// sets and files in its own directory tree, so a hostile rule file cannot
// read (and echo through its errors) any file the user can read.
func TestExtendsStaysInTheRuleFilesTree(t *testing.T) {
	secret := "root:$y$j9T$secretsecret:19000:0:99999:7:::\n"
	tests := []struct {
		name, extends string
		setup         func(t *testing.T, dir string) // dir holds secret.txt and tree/
		want          string                         // "" when the file loads
	}{
		{"a file in the tree", "base.yaml", nil, ""},
		{"a subdirectory", "sub/base.yaml", nil, ""},
		{"'..' that stays inside", "sub/../base.yaml", nil, ""},
		{"a link inside the tree", "inlink.yaml", func(t *testing.T, dir string) {
			symlink(t, "base.yaml", filepath.Join(dir, "tree", "inlink.yaml"))
		}, ""},
		{"an absolute path", "/etc/passwd", nil, "may extend only"},
		{"an absolute path to the secret", "SECRET", nil, "may extend only"},
		{"'..' out of the tree", "../secret.txt", nil, "may extend only"},
		{"'..' out through a subdirectory", "sub/../../secret.txt", nil, "may extend only"},
		{"a link leading out", "outlink.yaml", func(t *testing.T, dir string) {
			symlink(t, "../secret.txt", filepath.Join(dir, "tree", "outlink.yaml"))
		}, "escapes"},
		{"an absolute link", "abslink.yaml", func(t *testing.T, dir string) {
			symlink(t, filepath.Join(dir, "secret.txt"), filepath.Join(dir, "tree", "abslink.yaml"))
		}, "escapes"},
		{"a directory link leading out", "up/secret.txt", func(t *testing.T, dir string) {
			symlink(t, "..", filepath.Join(dir, "tree", "up"))
		}, "escapes"},
		{"a FIFO, which would block", "fifo.yaml", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "tree", "fifo.yaml"), 0o600); err != nil {
				t.Skip("no FIFOs here:", err)
			}
		}, "not a regular file"},
		{"a file over 1 MiB", "big.yaml", func(t *testing.T, dir string) {
			big := "# " + strings.Repeat("x", MaxFileSize) + "\n"
			os.WriteFile(filepath.Join(dir, "tree", "big.yaml"), []byte(big), 0o644)
		}, "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{
				"secret.txt":         secret,
				"tree/base.yaml":     "rules:\n  retransmission: error\n",
				"tree/sub/base.yaml": "rules:\n  retransmission: error\n",
			})
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			extends := strings.ReplaceAll(tt.extends, "SECRET", filepath.Join(dir, "secret.txt"))
			top := filepath.Join(dir, "tree", ".pcaplint.yaml")
			os.WriteFile(top, []byte("extends: "+extends+"\n"), 0o644)
			_, err := Load(top, stubChecks())
			refusedWithoutTheSecret(t, err, tt.want)
			if err != nil && !strings.Contains(err.Error(), ".pcaplint.yaml:1:10: ") {
				t.Errorf("error not at the extends value: %v", err)
			}
		})
	}
}

// refusedWithoutTheSecret fails unless err says want (no error when want
// is empty) and quotes nothing of the secret file.
func refusedWithoutTheSecret(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("refused: %v", err)
	case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
		t.Fatalf("error %v, want one saying %q", err, want)
	case err != nil && strings.Contains(err.Error(), "secretsecret"):
		t.Fatalf("the secret file's text is in the error: %v", err)
	}
}

// TestAFoundRuleFileStaysInItsDirectory: the rule file Find finds, which
// nobody named, is read as extends reads one: a symbolic link leading out
// of its directory (a repository's .pcaplint.yaml pointing at a file of
// the user's, which the errors would quote) is refused, and so is a FIFO,
// which would block the run; a link to a file beside it is followed. A
// file named with --rules (Load) is read wherever it is.
func TestAFoundRuleFileStaysInItsDirectory(t *testing.T) {
	secret := "rules:\n  retransmission: ghp_secretsecret\n"
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) // makes dir/repo/.pcaplint.yaml
		want  string                         // "" when the file loads
	}{
		{"a regular file", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "repo", FileName), []byte("rules:\n  retransmission: error\n"), 0o644)
		}, ""},
		{"a link to a file beside it", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "repo", "ci.yaml"), []byte("rules:\n  retransmission: error\n"), 0o644)
			symlink(t, "ci.yaml", filepath.Join(dir, "repo", FileName))
		}, ""},
		{"a link leading out", func(t *testing.T, dir string) {
			symlink(t, "../secret.txt", filepath.Join(dir, "repo", FileName))
		}, "escapes"},
		{"an absolute link", func(t *testing.T, dir string) {
			symlink(t, filepath.Join(dir, "secret.txt"), filepath.Join(dir, "repo", FileName))
		}, "escapes"},
		{"a FIFO", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "repo", FileName), 0o600); err != nil {
				t.Skip("no FIFOs here:", err)
			}
		}, "not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"secret.txt": secret, "repo/sub/x": ""})
			tt.setup(t, dir)
			found, err := Find(filepath.Join(dir, "repo", "sub"))
			if err != nil || found != filepath.Join(dir, "repo", FileName) {
				t.Fatalf("Find: %q, %v", found, err)
			}
			_, err = LoadFound(found, stubChecks())
			refusedWithoutTheSecret(t, err, tt.want)
		})
	}
	dir := writeFiles(t, map[string]string{"secret.txt": "rules:\n  retransmission: error\n"})
	symlink(t, filepath.Join(dir, "secret.txt"), filepath.Join(dir, "named.yaml"))
	if _, err := Load(filepath.Join(dir, "named.yaml"), stubChecks()); err != nil {
		t.Errorf("a rule file named by the user, through a link: %v", err)
	}
}

// TestErrorsQuoteValuesShortly: a hostile key, value or scope of a
// megabyte gives an error line of a few hundred bytes, not a megabyte,
// quoting at most 80 bytes of the value.
func TestErrorsQuoteValuesShortly(t *testing.T) {
	long := strings.Repeat("A", 1<<20-100)
	for _, src := range []string{
		long + ": 1\n",
		"version: " + long + "\n",
		"extends: " + long + "\n",
		"extends: /" + long + "\n",
		"rules:\n  " + long + ": error\n",
		"rules:\n  retransmission: " + long + "\n",
		"rules:\n  retransmission:\n    ignore: [\"host " + long + "\"]\n",
		"rules:\n  retransmission:\n    ignore: [\"port " + long + "\"]\n",
		"rules:\n  retransmission:\n    params: {" + long + ": 1}\n",
		"custom:\n  - id: " + long + "\n    when: 'true'\n",
	} {
		_, err := Parse("rules.yaml", []byte(src), stubChecks())
		if err == nil {
			t.Fatalf("%.40q…: no error", src)
		}
		for _, e := range err.(ErrorList) {
			if len(e.Error()) > 400 {
				t.Errorf("%.40q…: an error of %d bytes: %.200s…", src, len(e.Error()), e.Error())
			}
			if strings.Contains(e.Error(), strings.Repeat("A", 81)) {
				t.Errorf("%.40q…: the error quotes more than 80 bytes of the value: %.200s…", src, e.Error())
			}
		}
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
}
