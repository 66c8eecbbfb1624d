package main

import (
	"os"
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
	for _, args := range [][]string{
		{"explain", input},
		{"conns", input},
		{"conns", "-f", "json", input},
		{"diagram", input},
		{"diagram", "-f", "mermaid", input},
		{"lint", input},
		{"lint", "-f", "sarif", input},
		{"rules", "list"},
		{"rules", "show", "rst-unexpected"},
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
