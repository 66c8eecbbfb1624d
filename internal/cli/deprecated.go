package cli

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// deprecatedKey is the flag annotation that names a deprecated flag's
// replacement.
const deprecatedKey = "pcaplint-replaced-by"

// Deprecate marks the flag old of cmd as a former spelling of
// replacement: WarnDeprecated warns when it is used.
func Deprecate(cmd *cobra.Command, old, replacement string) {
	_ = cmd.Flags().SetAnnotation(old, deprecatedKey, []string{replacement})
}

// WarnDeprecated prints on cmd's standard error one warning for each
// deprecated flag set on the command line.
func WarnDeprecated(cmd *cobra.Command) {
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if r, ok := f.Annotations[deprecatedKey]; ok && len(r) == 1 {
			fmt.Fprintf(cmd.ErrOrStderr(), "pcaplint: warning: --%s is deprecated, use %s\n", f.Name, r[0])
		}
	})
}
