package ruleset

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// maxQuoted is how many characters of a value an error message quotes:
// enough to recognise it, too few for a rule file to print another file
// or a megabyte line through its errors.
const maxQuoted = 80

// quoteValue quotes s for an error message, cut to maxQuoted characters
// with its full length said after it.
func quoteValue(s string) string {
	n := 0
	for i := range s {
		if n == maxQuoted {
			return strconv.Quote(s[:i]) + fmt.Sprintf("… (%d bytes)", len(s))
		}
		n++
	}
	return strconv.Quote(s)
}

// Error is one problem in a rule file, at the line and column of the YAML
// node (or of the character inside an expression) it is about.
type Error struct {
	Pos tcp.Pos
	Msg string
}

// Error renders the problem as "file:line:col: message", the way editors
// parse it.
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is every problem found in a rule set, not just the first.
type ErrorList []*Error

// add records a problem at pos.
func (l *ErrorList) add(pos tcp.Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the problems by file, line and column.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
}

// Error prints one problem a line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns the sorted list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}
