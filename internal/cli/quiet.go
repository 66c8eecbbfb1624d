package cli

import (
	"bytes"
	"io"
	"slices"
)

// QuietWriter passes standard error through to W line by line, except the
// lines that are warnings or notes ("pcaplint: warning: ...",
// "pcaplint: note: ...", and "pcaplint: 警告：..." of --lang zh), for
// --quiet.
type QuietWriter struct {
	W       io.Writer
	partial []byte
}

var quietPrefixes = [][]byte{[]byte("pcaplint: warning:"), []byte("pcaplint: note:"), []byte("pcaplint: 警告：")}

// Write implements io.Writer; a line is written once its newline arrives.
func (q *QuietWriter) Write(p []byte) (int, error) {
	q.partial = append(q.partial, p...)
	for {
		i := bytes.IndexByte(q.partial, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := q.partial[:i+1]
		if !slices.ContainsFunc(quietPrefixes, func(p []byte) bool { return bytes.HasPrefix(line, p) }) {
			if _, err := q.W.Write(line); err != nil {
				return len(p), err
			}
		}
		q.partial = q.partial[i+1:]
	}
}
