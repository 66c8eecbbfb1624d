package parse

import (
	"errors"
	"io"

	"github.com/pcaplint/pcaplint/parse/tcp"
)

// Each reads src to its end, calling fn with every segment. The segment is
// reused for the next one: fn must copy what it keeps. Each returns the
// error that stopped the reading early (a fatal tcp.Problem), or nil at the
// end of the input.
func Each(src Source, fn func(*tcp.Segment)) error {
	var seg tcp.Segment
	for {
		err := src.Next(&seg)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		fn(&seg)
	}
}
