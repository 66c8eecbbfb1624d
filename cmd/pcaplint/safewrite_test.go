package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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

// TestProfilesAreWrittenSafely: --cpuprofile and --memprofile go through
// safefile.Write, so a symbolic link in their place is refused (exit 2,
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
