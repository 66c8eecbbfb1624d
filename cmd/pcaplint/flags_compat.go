package main

import (
	"bytes"
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// deprecatedKey is the flag annotation that names a deprecated flag's
// replacement.
const deprecatedKey = "pcaplint-replaced-by"

// deprecated marks the flag old of cmd as a former spelling of
// replacement: preRun warns when it is used.
func deprecated(cmd *cobra.Command, old, replacement string) {
	_ = cmd.Flags().SetAnnotation(old, deprecatedKey, []string{replacement})
}

// warnDeprecated prints one warning for each deprecated flag set on the
// command line.
func warnDeprecated(cmd *cobra.Command) {
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if r, ok := f.Annotations[deprecatedKey]; ok && len(r) == 1 {
			fmt.Fprintf(cmd.ErrOrStderr(), "pcaplint: warning: --%s is deprecated, use %s\n", f.Name, r[0])
		}
	})
}

// warningFilter passes standard error through line by line, except the
// lines that are warnings or notes ("pcaplint: warning: ...",
// "pcaplint: note: ...", and "pcaplint: 警告：..." of --lang zh), for
// --quiet.
type warningFilter struct {
	w       io.Writer
	partial []byte
}

var quietPrefixes = [][]byte{[]byte("pcaplint: warning:"), []byte("pcaplint: note:"), []byte("pcaplint: 警告：")}

// Write implements io.Writer; a line is written once its newline arrives.
func (q *warningFilter) Write(p []byte) (int, error) {
	q.partial = append(q.partial, p...)
	for {
		i := bytes.IndexByte(q.partial, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := q.partial[:i+1]
		if !slices.ContainsFunc(quietPrefixes, func(p []byte) bool { return bytes.HasPrefix(line, p) }) {
			if _, err := q.w.Write(line); err != nil {
				return len(p), err
			}
		}
		q.partial = q.partial[i+1:]
	}
}
