package main

import (
	"errors"
	"fmt"

	"github.com/pcaplint/pcaplint/internal/safefile"
	"github.com/spf13/pflag"
)

// addMaxJSONFlag adds --max-json-mib to a command that reads JSON files:
// 256 MiB by default, far more than a baseline or a shard's report of a
// large run, far less than the machine has.
func addMaxJSONFlag(f *pflag.FlagSet, mib *int) {
	f.IntVar(mib, "max-json-mib", 256, "read at most this many MiB of JSON from one file (a baseline or a shard's report)")
}

// readJSONFile reads path, refusing more than mib MiB.
func readJSONFile(path string, mib int) ([]byte, error) {
	b, err := safefile.ReadAtMost(path, int64(mib)<<20)
	if errors.Is(err, safefile.ErrTooLarge) {
		return nil, fmt.Errorf("%s: more than %d MiB of JSON; refusing it (--max-json-mib raises the limit)", path, mib)
	}
	return b, err
}
