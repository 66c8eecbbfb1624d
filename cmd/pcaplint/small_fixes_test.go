package main

import (
	"os"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/internal/cli"
)

// TestQuietDropsTheBatchSummary: -q prints findings only, also for many
// inputs, where the "summary:" and "worst files:" block used to stay.
func TestQuietDropsTheBatchSummary(t *testing.T) {
	args := []string{"lint", "--rules", "default", "../../testdata/captures/real/rst-abort.txt", "../../testdata/captures/real/refused.txt"}
	_, loud, _ := runCmd(t, stubChecks(), args...)
	_, quiet, _ := runCmd(t, stubChecks(), append([]string{"-q"}, args...)...)
	if !strings.Contains(loud, "summary:") {
		t.Fatalf("without -q: no batch summary to drop:\n%s", loud)
	}
	if strings.Contains(quiet, "summary:") || strings.Contains(quiet, "worst files:") || !strings.Contains(quiet, "warning") {
		t.Errorf("with -q:\n%s", quiet)
	}
}

// TestDevNullIsNoTerminal: diagram -f png > /dev/null refused /dev/null, a
// character device, as a terminal.
func TestDevNullIsNoTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	stdout := os.Stdout
	os.Stdout = null
	got := cli.StdoutIsTerminal()
	os.Stdout = stdout
	if got {
		t.Errorf("%s taken for a terminal", os.DevNull)
	}
	// And the whole command: diagram -f png > /dev/null draws.
	errFile, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	stderr := os.Stderr
	os.Stdout, os.Stderr = null, errFile
	code := run([]string{"diagram", "-f", "png", "../../testdata/captures/real/rst-abort.txt"})
	os.Stdout, os.Stderr = stdout, stderr
	if msg, _ := os.ReadFile(errFile.Name()); code != exitClean {
		t.Errorf("diagram -f png > %s: exit %d, stderr %q", os.DevNull, code, msg)
	}
}
