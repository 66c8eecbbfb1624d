package parse

import (
	"bufio"

	"github.com/pcaplint/pcaplint/parse/tcpdump"
)

// sniffText reports whether the input's first bytes look like tcpdump text.
func sniffText(b []byte) bool { return tcpdump.Sniff(b) }

// openText returns the tcpdump text reader over br.
func openText(br *bufio.Reader, name string, opts Options) (Source, error) {
	return tcpdump.NewReader(br, name, tcpdump.Options{Absolute: opts.Absolute, Strict: opts.Strict}), nil
}
