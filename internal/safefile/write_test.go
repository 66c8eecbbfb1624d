package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir, victim string) // makes dir/out
		write   func(io.Writer) error
		want    string // the content of dir/out afterwards
		wantErr string
	}{
		{"a new file", nil, Bytes([]byte("new")), "new", ""},
		{"an existing file, replaced", func(t *testing.T, dir, _ string) {
			os.WriteFile(filepath.Join(dir, "out"), []byte("old"), 0o600)
		}, Bytes([]byte("new")), "new", ""},
		{"a failed write keeps the old file", func(t *testing.T, dir, _ string) {
			os.WriteFile(filepath.Join(dir, "out"), []byte("old"), 0o644)
		}, func(w io.Writer) error {
			w.Write([]byte("half"))
			return errors.New("no space left on device")
		}, "old", "no space left on device"},
		{"a failed write leaves no file", nil, func(w io.Writer) error {
			return errors.New("no space left on device")
		}, "", "no space left on device"},
		{"a planted link to another file", func(t *testing.T, dir, victim string) {
			os.Symlink(victim, filepath.Join(dir, "out"))
		}, Bytes([]byte("new")), "", "refusing to write through a symbolic link"},
		{"a dangling link", func(t *testing.T, dir, victim string) {
			os.Symlink(victim+".new", filepath.Join(dir, "out"))
		}, Bytes([]byte("new")), "", "refusing to write through a symbolic link"},
		{"a directory", func(t *testing.T, dir, _ string) {
			os.Mkdir(filepath.Join(dir, "out"), 0o755)
		}, Bytes([]byte("new")), "", "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			victim := filepath.Join(t.TempDir(), "victim")
			os.WriteFile(victim, []byte("victim"), 0o644)
			if tt.setup != nil {
				tt.setup(t, dir, victim)
			}
			var before os.FileInfo
			if st, err := os.Lstat(filepath.Join(dir, "out")); err == nil && st.Mode().IsRegular() {
				before = st
			}
			err := Write(filepath.Join(dir, "out"), tt.write)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error %v, want %q", err, tt.wantErr)
			}
			if b, _ := os.ReadFile(victim); string(b) != "victim" {
				t.Errorf("the link's target was overwritten: %q", b)
			}
			if _, err := os.Stat(victim + ".new"); err == nil {
				t.Error("the dangling link's target was created")
			}
			if tt.want != "" {
				b, _ := os.ReadFile(filepath.Join(dir, "out"))
				if string(b) != tt.want {
					t.Errorf("out holds %q, want %q", b, tt.want)
				}
				st, _ := os.Stat(filepath.Join(dir, "out"))
				if before != nil && st.Mode() != before.Mode() {
					t.Errorf("mode %v, was %v", st.Mode(), before.Mode())
				}
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "out" {
					t.Errorf("left behind: %s", e.Name())
				}
			}
		})
	}
	if err := Write(os.DevNull, Bytes([]byte("x"))); err != nil {
		t.Errorf("writing to %s: %v", os.DevNull, err)
	}
	if err := Write(t.TempDir()+"/", Bytes([]byte("x"))); err == nil || !strings.Contains(err.Error(), "not a file name") {
		t.Errorf("writing to a directory's path: %v", err)
	}
}

// TestWriteInStaysInItsRoot: a name that leads out of the root, by ".."
// or through a link to a directory outside it, is refused.
func TestWriteInStaysInItsRoot(t *testing.T) {
	outside := t.TempDir()
	dir := t.TempDir()
	os.Symlink(outside, filepath.Join(dir, "out"))
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for _, name := range []string{"../escaped", "out/escaped"} {
		if err := WriteIn(root, name, Bytes([]byte("x"))); err == nil {
			t.Errorf("%s: written", name)
		}
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("written outside the root: %v", entries)
	}
}

func TestReadAtMost(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	os.WriteFile(path, []byte("0123456789"), 0o644)
	tests := []struct {
		limit   int64
		want    string
		wantErr error
	}{
		{10, "0123456789", nil},
		{100, "0123456789", nil},
		{9, "", ErrTooLarge},
	}
	for _, tt := range tests {
		got, err := ReadAtMost(path, tt.limit)
		if string(got) != tt.want || !errors.Is(err, tt.wantErr) {
			t.Errorf("limit %d: %q, %v; want %q, %v", tt.limit, got, err, tt.want, tt.wantErr)
		}
	}
	if _, err := ReadAtMost("/dev/zero", 1<<10); !errors.Is(err, ErrTooLarge) {
		t.Errorf("/dev/zero: %v", err)
	}
	if _, err := ReadAtMost(filepath.Join(t.TempDir(), "none"), 1); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}

// TestWriteErrorsNameThePathGiven: an error of writing or closing the
// temporary file names the file the caller asked for, never
// the temporary one (".out.pcaplint-…"), and a missing directory names
// the file too, not only its directory.
func TestWriteErrorsNameThePathGiven(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		path  string
		write func(io.Writer) error
		want  string // the whole message, with dir for the directory
	}{
		{"a write to the temporary file fails", filepath.Join(dir, "out"), func(w io.Writer) error {
			w.(*os.File).Close() // as a full disk would, the write fails with the temporary file's name
			_, err := w.Write([]byte("x"))
			return err
		}, "DIR/out: file already closed"},
		{"the directory is missing", filepath.Join(dir, "no-such", "out"), Bytes([]byte("x")), "DIR/no-such/out: the directory DIR/no-such does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(tt.path, tt.write)
			if err == nil {
				t.Fatal("no error")
			}
			if got := strings.ReplaceAll(err.Error(), dir, "DIR"); got != tt.want {
				t.Errorf("%q, want %q", got, tt.want)
			}
		})
	}
}
