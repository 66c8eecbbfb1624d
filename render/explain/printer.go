package explain

import (
	"bufio"
	"io"
	"iter"
	"strings"
)

// note is one explained segment, in words.
type note struct {
	line      string // the log line, or the tcpdump-style line built for it
	tag       string // names the connection when the input has several
	sentences []string
}

// summary is one connection's summary, in words.
type summary struct {
	sentences []string
	// late are findings reached after their segment was explained (at
	// the end of the connection), so they were not shown with it.
	late []string
}

// printer writes explanations in one output format.
type printer interface {
	start(title, diagram string) error
	note(n *note) error
	// summaries prints the summaries sums gives, one at a time, and
	// nothing when it gives none; it stops at the first error.
	summaries(sums iter.Seq2[*summary, error]) error
}

// eachSummary writes title, then each summary of sums as format words it,
// through a buffer: a SYN flood has millions of them, which are not held.
// Without summaries it writes nothing.
func eachSummary(w io.Writer, sums iter.Seq2[*summary, error], title string, format func(*strings.Builder, *summary)) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var b strings.Builder
	for s, err := range sums {
		if err != nil {
			return err
		}
		b.WriteString(title) // before the first only
		title = ""
		format(&b, s)
		if _, err := bw.WriteString(b.String()); err != nil {
			return err
		}
		b.Reset()
	}
	return bw.Flush()
}
