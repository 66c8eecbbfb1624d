package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteOutputFile(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir, victim string) // makes dir/out
		write   func(io.Writer) error
		want    string // the content of dir/out afterwards
		wantErr string
	}{
		{"a new file", nil, writeBytes([]byte("new")), "new", ""},
		{"an existing file, replaced", func(t *testing.T, dir, _ string) {
			os.WriteFile(filepath.Join(dir, "out"), []byte("old"), 0o600)
		}, writeBytes([]byte("new")), "new", ""},
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
		}, writeBytes([]byte("new")), "", "refusing to write through a symbolic link"},
		{"a dangling link", func(t *testing.T, dir, victim string) {
			os.Symlink(victim+".new", filepath.Join(dir, "out"))
		}, writeBytes([]byte("new")), "", "refusing to write through a symbolic link"},
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
			err := writeOutputFile(filepath.Join(dir, "out"), tt.write)
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
	if err := writeOutputFile(os.DevNull, writeBytes([]byte("x"))); err != nil {
		t.Errorf("writing to %s: %v", os.DevNull, err)
	}
}

// TestOutputsRefusePlantedLinks: no file pcaplint writes follows a
// symbolic link planted in its place, whichever option names it: the run
// exits 2 saying so, and the file the link points to is left as it was.
// (--cpuprofile and --memprofile: TestProfilesAreWrittenSafely;
// --diagrams-dir: TestDiagramsRefuseSymbolicLinksInsideTheDirectory.)
func TestOutputsRefusePlantedLinks(t *testing.T) {
	input := "../../testdata/captures/real/rst-abort.txt"
	shard := filepath.Join(t.TempDir(), "shard.json")
	if code, out, stderr := runCmd(t, stubChecks(), "lint", "--fail-on", "never", "--format", "json", input); code != 0 {
		t.Fatalf("lint --format json: exit %d: %s", code, stderr)
	} else {
		os.WriteFile(shard, []byte(out), 0o644)
	}
	tests := []struct {
		name string
		args func(out string) []string // out is the output file, or directory/
		dir  bool
	}{
		{"diagram -o FILE", func(o string) []string { return []string{"diagram", "-o", o + ".svg", input} }, false},
		{"diagram -o DIR/", func(o string) []string { return []string{"diagram", "-o", o, input} }, true},
		{"graph -o FILE", func(o string) []string { return []string{"graph", "-o", o + ".svg", input} }, false},
		{"graph -o DIR/", func(o string) []string { return []string{"graph", "-o", o, input} }, true},
		{"lint --html", func(o string) []string { return []string{"lint", "--html", o, input} }, false},
		{"lint --write-baseline", func(o string) []string { return []string{"lint", "--write-baseline", o, input} }, false},
		{"merge --html", func(o string) []string { return []string{"merge", "--html", o, shard} }, false},
		{"rules init --force", func(o string) []string { return []string{"rules", "init", "--force", o} }, false},
		{"rules docs -o", func(o string) []string { return []string{"rules", "docs", "-o", o} }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			victim := filepath.Join(t.TempDir(), "victim")
			os.WriteFile(victim, []byte("victim"), 0o644)
			out := filepath.Join(t.TempDir(), "out")
			if tt.dir {
				// Draw once to learn the names, then plant a link at each.
				out += "/"
				if code, _, stderr := runCmd(t, stubChecks(), tt.args(out)...); code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				entries, _ := os.ReadDir(out)
				for _, e := range entries {
					os.Remove(filepath.Join(out, e.Name()))
					os.Symlink(victim, filepath.Join(out, e.Name()))
				}
			} else {
				args := tt.args(out)
				for i, a := range args {
					if strings.HasPrefix(a, out) {
						os.Symlink(victim, args[i])
					}
				}
			}
			if code, _, stderr := runCmd(t, stubChecks(), tt.args(out)...); code != exitError || !strings.Contains(stderr, "symbolic link") {
				t.Errorf("%v with a planted link: exit %d, stderr %q; want 2 and the link refused", tt.args(out), code, stderr)
			}
			if b, _ := os.ReadFile(victim); string(b) != "victim" {
				t.Errorf("the victim was overwritten: %.40q", b)
			}
		})
	}
}

// TestEveryOutputGoesThroughTheSafeWrite: the command's code creates no
// file but through writeOutputFile and writeInRoot (safewrite.go), so that
// an output added later cannot follow a planted link.
func TestEveryOutputGoesThroughTheSafeWrite(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "safewrite.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, call := range []string{"os.Create(", "os.WriteFile(", "os.OpenFile(", "os.CreateTemp("} {
			if strings.Contains(string(b), call) {
				t.Errorf("%s calls %s: write outputs with writeOutputFile", f, call)
			}
		}
	}
}

// TestProfilesAreWrittenSafely: --cpuprofile and --memprofile go through
// writeOutputFile, so a symbolic link in their place is refused (exit 2,
// said on stderr) and nothing is written where it points.
func TestProfilesAreWrittenSafely(t *testing.T) {
	dir := t.TempDir()
	for _, flag := range []string{"--cpuprofile", "--memprofile"} {
		target, link := filepath.Join(dir, "target"+flag), filepath.Join(dir, "link"+flag)
		if err := os.Symlink(target, link); err != nil {
			t.Skip(err)
		}
		code, _, stderr := runCmd(t, builtinChecks(), flag, link, "conns", "../../testdata/captures/real/refused.pcap")
		if _, err := os.Lstat(target); code != exitError || !strings.Contains(stderr, "symbolic link") || err == nil {
			t.Errorf("%s through a link: exit %d, stderr %q, target written: %v", flag, code, stderr, err == nil)
		}
		plain := filepath.Join(dir, "plain"+flag)
		if code, _, stderr := runCmd(t, builtinChecks(), flag, plain, "conns", "../../testdata/captures/real/refused.pcap"); code != exitClean {
			t.Errorf("%s %s: exit %d, %s", flag, plain, code, stderr)
		} else if fi, err := os.Stat(plain); err != nil || fi.Size() == 0 {
			t.Errorf("%s: no profile written: %v", flag, err)
		}
	}
}
