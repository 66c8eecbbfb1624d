package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLostOutputIsAnError runs each command with standard output on
// /dev/full: the output is lost, so the exit code is 2, whatever the
// command found, and standard error says why.
func TestLostOutputIsAnError(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here:", err)
	}
	input := "../../testdata/captures/real/rst-abort.txt"
	shard := filepath.Join(t.TempDir(), "shard.json")
	_, rep, _ := runCmd(t, builtinChecks(), "lint", "-f", "json", input)
	if err := os.WriteFile(shard, []byte(rep), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"explain", input},
		{"conns", input},
		{"conns", "-f", "json", input},
		{"diagram", input},
		{"diagram", "-f", "mermaid", input},
		{"diagram", "-f", "dot", input},
		{"diagram", "-f", "png", input},
		{"graph", input},
		{"graph", "-f", "png", input},
		{"lint", input},
		{"lint", "-f", "json", input},
		{"lint", "-f", "sarif", input},
		{"lint", "-f", "junit", input},
		{"lint", "-f", "github", input},
		{"lint", "-f", "markdown", input},
		{"lint", "-f", "json", input, "../../testdata/captures/real/refused.txt"},
		{"merge", shard},
		{"rules", "list"},
		{"rules", "show", "rst-unexpected"},
		{"rules", "docs"},
		{"completion", "bash"},
		{"version"},
		{"--help"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			errFile, err := os.CreateTemp(t.TempDir(), "stderr")
			if err != nil {
				t.Fatal(err)
			}
			dup, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			stdout, stderr := os.Stdout, os.Stderr
			os.Stdout, os.Stderr = dup, errFile
			code := run(args)
			os.Stdout, os.Stderr = stdout, stderr
			dup.Close()
			msg, _ := os.ReadFile(errFile.Name())
			if code != exitError || !strings.Contains(string(msg), "no space left on device") {
				t.Errorf("exit %d, stderr %q; want 2 and the write error", code, msg)
			}
		})
	}
}
