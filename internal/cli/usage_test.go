package cli

import (
	"errors"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// tree is a root with a command taking one FILE, one taking none, and a
// group of subcommands, each as cmd/pcaplint declares them.
func tree() *cobra.Command {
	root := &cobra.Command{Use: "pcaplint", SilenceErrors: true, SilenceUsage: true}
	group := &cobra.Command{Use: "rules COMMAND", Args: cobra.ArbitraryArgs, RunE: SubcommandsOnly}
	group.AddCommand(&cobra.Command{Use: "list", Args: cobra.NoArgs, RunE: func(*cobra.Command, []string) error { return nil }})
	root.AddCommand(
		&cobra.Command{Use: "diagram FILE", Args: cobra.ExactArgs(1), RunE: func(*cobra.Command, []string) error { return nil }},
		&cobra.Command{Use: "version", Args: cobra.NoArgs, RunE: func(*cobra.Command, []string) error { return errors.New("no build info\nat all") }},
		group)
	root.Flags().Bool("quiet", false, "")
	FriendlyUsage(root)
	return root
}

func TestPrintError(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"diagram"}, "pcaplint diagram: missing FILE\nUsage: pcaplint diagram FILE [flags]\nRun 'pcaplint diagram --help' for more.\n"},
		{[]string{"diagram", "a", "b"}, "pcaplint diagram: takes FILE, not 2 arguments [\"a\" \"b\"]\nUsage: pcaplint diagram FILE [flags]\nRun 'pcaplint diagram --help' for more.\n"},
		{[]string{"version", "x"}, "pcaplint version: takes no arguments, not [\"x\"]\nUsage: pcaplint version [flags]\nRun 'pcaplint version --help' for more.\n"},
		{[]string{"version"}, "pcaplint: no build info\\nat all\n"},
		{[]string{"diagram", "--bogus", "a"}, "pcaplint diagram: unknown flag: --bogus\nUsage: pcaplint diagram FILE [flags]\nRun 'pcaplint diagram --help' for more.\n"},
		{[]string{"rules", "lst"}, "pcaplint rules: unknown command \"lst\" (did you mean list?)\nUsage: pcaplint rules COMMAND [flags]\nRun 'pcaplint rules --help' for more.\n"},
		{[]string{"bogus"}, "pcaplint: unknown command \"bogus\"\nRun 'pcaplint --help' for more.\n"},
		{[]string{"diagam", "x.pcap"}, "pcaplint: unknown command \"diagam\" (did you mean diagram?)\nRun 'pcaplint --help' for more.\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			root := tree()
			root.SetArgs(tt.args)
			var out strings.Builder
			root.SetOut(&out)
			cmd, err := root.ExecuteC()
			if err == nil {
				t.Fatal("no error")
			}
			var b strings.Builder
			PrintError(&b, cmd, err)
			if b.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", b.String(), tt.want)
			}
		})
	}
}

func TestSubcommandsOnlyPrintsHelpWithoutArguments(t *testing.T) {
	root := tree()
	root.SetArgs([]string{"rules"})
	var out strings.Builder
	root.SetOut(&out)
	if err := root.Execute(); err != nil || !strings.Contains(out.String(), "Available Commands:") {
		t.Errorf("%v: %q", err, out.String())
	}
}
