package cli

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func TestWarnDeprecated(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--absolute"}, "pcaplint: warning: --absolute is deprecated, use -S/--absolute-input\n"},
		{[]string{"-S"}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		var abs bool
		cmd := &cobra.Command{Use: "conns", RunE: func(cmd *cobra.Command, _ []string) error { WarnDeprecated(cmd); return nil }}
		cmd.Flags().BoolVarP(&abs, "absolute-input", "S", false, "")
		cmd.Flags().BoolVar(&abs, "absolute", false, "")
		Deprecate(cmd, "absolute", "-S/--absolute-input")
		var stderr strings.Builder
		cmd.SetErr(&stderr)
		cmd.SetArgs(tt.args)
		if err := cmd.Execute(); err != nil || stderr.String() != tt.want || !abs != (tt.args == nil) {
			t.Errorf("%v: %v, %q (set %v); want %q", tt.args, err, stderr.String(), abs, tt.want)
		}
	}
}
