package batch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAFileTheWalkCannotLookAtIsAFailureNotASkip(t *testing.T) {
	denied := unstatable("d/x.pcap", "x.pcap", &fs.PathError{Op: "stat", Path: "d/x.pcap", Err: fs.ErrPermission})
	if denied.Skip != "" || !errors.Is(denied.Fail, fs.ErrPermission) {
		t.Errorf("permission denied: %+v, want a failure", denied)
	}
	broken := unstatable("d/link", "link", &fs.PathError{Op: "stat", Path: "d/link", Err: fs.ErrNotExist})
	if broken.Skip != "broken symbolic link" || broken.Fail != nil {
		t.Errorf("broken link: %+v, want skipped", broken)
	}
}

func TestADirectoryThatCannotBeListedIsAFailedInput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gone")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(dir) // root reads any directory; a vanished one cannot be listed
	w := &walker{root: dir, visited: map[fileID]string{}}
	w.walk(dir, st)
	if len(w.found) != 1 || w.found[0].Fail == nil || !strings.Contains(w.found[0].Fail.Error(), "listing "+dir) {
		t.Errorf("found %+v, want one failed input saying it could not list %s", w.found, dir)
	}
}

// put writes the files (name -> content) under a new directory.
func put(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestExpand(t *testing.T) {
	root := put(t, map[string]string{"b.pcap": "", "a/x.pcap": "", "a/notes.txt": "", "a/deep/y.pcapng": ""})
	if err := os.Symlink(root, filepath.Join(root, "a", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere", filepath.Join(root, "dangling")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		fl    Filters
		want  string // each input as key[:skip reason], joined by " | "
		empty string
	}{
		{"a directory, in path order, a loop and a broken link skipped", []string{"."}, Filters{},
			"a/deep/y.pcapng | a/loop:directory already listed as . (symbolic link loop or second link) | a/notes.txt | a/x.pcap | b.pcap | dangling:broken symbolic link", ""},
		{"include by name", []string{"a/deep", "b.pcap"}, Filters{Include: []string{"*.txt"}},
			"y.pcapng:matches no --include pattern | b.pcap", ""},
		{"exclude by path", []string{"a"}, Filters{Exclude: []string{"deep/**"}},
			"deep/y.pcapng:excluded by --exclude deep/** | loop/a:directory already listed as a (symbolic link loop or second link) | " +
				"loop/b.pcap | loop/dangling:broken symbolic link | notes.txt | x.pcap", ""},
		{"a pattern with **", []string{"**/*.pcap"}, Filters{}, "a/x.pcap | b.pcap", ""},
		{"a file twice, and a missing one", []string{"b.pcap", "b.pcap", "gone.pcap"}, Filters{}, "b.pcap | gone.pcap", ""},
		{"an empty pattern", []string{"*.zz"}, Filters{}, "", "*.zz: the pattern matches no file"},
	}
	t.Chdir(root)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ins, empty, err := Expand(tt.args, tt.fl)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, in := range ins {
				s := in.Key
				if in.Skip != "" {
					s += ":" + in.Skip
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("inputs\n%s\nwant\n%s", g, tt.want)
			}
			if g := strings.Join(empty, "; "); g != tt.empty {
				t.Errorf("empty %q, want %q", g, tt.empty)
			}
		})
	}
}
