package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func TestEveryCommandHasAnExample(t *testing.T) {
	root := newRootCmd(stubChecks())
	addCompletionCmd(root)
	walk(root, func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" || strings.HasPrefix(c.Name(), "__") {
			return
		}
		if c.Parent() != nil && c.Parent().Name() == "completion" {
			return // cobra's own per-shell commands
		}
		if strings.TrimSpace(c.Example) == "" {
			t.Errorf("%q has no Example", c.CommandPath())
		}
	})
}

func TestInputFlagsAreSpelledAlikeEverywhere(t *testing.T) {
	for _, name := range []string{"conns", "lint", "explain", "diagram"} {
		code, out, _ := runCmd(t, stubChecks(), name, "--help")
		if code != 0 || !strings.Contains(out, "-S, --absolute-input") || !strings.Contains(out, "--strict") {
			t.Errorf("%s --help: exit %d, no -S/--absolute-input or --strict:\n%s", name, code, out)
		}
	}
}

func TestDeprecatedInputFlagsStillWorkAndWarn(t *testing.T) {
	tests := []struct{ cmd, old string }{
		{"conns", "--absolute"}, {"lint", "--absolute"}, {"explain", "--absolute"}, {"diagram", "--input-absolute"},
	}
	for _, tt := range tests {
		_, _, stderr := runCmd(t, stubChecks(), tt.cmd, tt.old, "testdata/does-not-exist")
		if !strings.Contains(stderr, tt.old+" is deprecated, use -S/--absolute-input") {
			t.Errorf("%s %s: no deprecation warning in %q", tt.cmd, tt.old, stderr)
		}
	}
}

func TestQuietKeepsFindingsAndDropsWarningsAndSummary(t *testing.T) {
	args := []string{"lint", "--rules", "default", "--absolute", "../../testdata/captures/real/rst-abort.txt"}
	_, loud, loudErr := runCmd(t, stubChecks(), args...)
	code, out, stderr := runCmd(t, stubChecks(), append([]string{"-q"}, args...)...)
	if !strings.Contains(loudErr, "warning") || !strings.Contains(loud, "in 1 input") {
		t.Fatalf("without -q: no warning or summary to drop:\n%s%s", loud, loudErr)
	}
	if stderr != "" || strings.Contains(out, "in 1 input") || code != 1 {
		t.Errorf("with -q: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

func TestCompletion(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"lint", "--rule", "push-"}, "push-data=\tA segment pushes data"},
		{[]string{"lint", "--rule", "push-data="}, "push-data=warning"},
		{[]string{"diagram", "--rule", "push-data=e"}, "push-data=error"},
		{[]string{"lint", "--format", ""}, "sarif"},
		{[]string{"conns", "--format", ""}, "json"},
		{[]string{"diagram", "--format", ""}, "mermaid"},
		{[]string{"explain", "--color", ""}, "never"},
	}
	custom := filepath.Join(t.TempDir(), "rules.yaml")
	os.WriteFile(custom, []byte("custom:\n  - id: api-slow\n    when: conn.duration > duration(\"1s\")\n"), 0o644)
	tests = append(tests, struct {
		args []string
		want string
	}{[]string{"lint", "--rules", custom, "--rule", "api"}, "api-slow=\tcustom rule"})
	for _, tt := range tests {
		_, out, _ := runCmd(t, stubChecks(), append([]string{"__complete"}, tt.args...)...)
		if !strings.Contains(out, tt.want+"\n") {
			t.Errorf("%v: %q not among\n%s", tt.args, tt.want, out)
		}
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		if code, out, _ := runCmd(t, stubChecks(), "completion", shell); code != 0 || !strings.Contains(out, "pcaplint") {
			t.Errorf("completion %s: exit %d", shell, code)
		}
	}
}

func TestVersion(t *testing.T) {
	_, a, _ := runCmd(t, nil, "version")
	_, b, _ := runCmd(t, nil, "--version")
	if a != b || !strings.HasPrefix(a, "pcaplint version ") {
		t.Errorf("version %q, --version %q", a, b)
	}
}
