// Package report prints the results of reading inputs: one small printer
// per format over the same Report value.
package report

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// Report is the result of processing a set of inputs.
type Report struct {
	Files []File
}

// File is the result for one input. Err is set when the input could not be
// read to its end; what was read before is still reported.
type File struct {
	Path  string
	Err   error
	Conns []*rules.Conn
	Stats tcp.Stats
	// Copies counts packets seen again on another interface and counted once.
	Copies int64
	// Evicted counts connections dropped from a full connection table.
	Evicted int64
}
