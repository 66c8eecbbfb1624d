package cli

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func TestUseColor(t *testing.T) {
	tests := []struct {
		mode, noColor string
		want          bool
	}{
		{"always", "1", true},
		{"never", "", false},
		{"auto", "", false}, // a buffer is not a terminal
		{"auto", "1", false},
	}
	for _, tt := range tests {
		t.Run(tt.mode+" with NO_COLOR="+tt.noColor, func(t *testing.T) {
			t.Setenv("NO_COLOR", tt.noColor)
			got, err := useColor(tt.mode, &bytes.Buffer{})
			if err != nil || got != tt.want {
				t.Errorf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	if _, err := useColor("auto", os.Stdout); err != nil {
		t.Error(err)
	}
	if _, err := useColor("yes", os.Stdout); err == nil {
		t.Error("no error for --color yes")
	}
}

func TestPrepareChecksTheGlobalFlags(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		stderr  string // what "pcaplint: warning: w\nkept\n" leaves
	}{
		{nil, "", "pcaplint: warning: w\nkept\n"},
		{[]string{"--color", "never", "-q"}, "", "kept\n"},
		{[]string{"--color", "yes"}, `--color must be auto, always or never, not "yes"`, ""},
	}
	for _, tt := range tests {
		var stderr strings.Builder
		root := &cobra.Command{Use: "pcaplint", SilenceErrors: true, SilenceUsage: true,
			PersistentPreRunE: func(cmd *cobra.Command, _ []string) error { return Prepare(cmd) },
			RunE: func(cmd *cobra.Command, _ []string) error {
				_, err := io.WriteString(cmd.ErrOrStderr(), "pcaplint: warning: w\nkept\n")
				return err
			}}
		AddGlobalFlags(root)
		root.SetErr(&stderr)
		root.SetArgs(tt.args)
		err := root.Execute()
		if (err == nil) != (tt.wantErr == "") || err != nil && err.Error() != tt.wantErr || stderr.String() != tt.stderr {
			t.Errorf("%v: %v, stderr %q; want %q, %q", tt.args, err, stderr.String(), tt.wantErr, tt.stderr)
		}
	}
}
