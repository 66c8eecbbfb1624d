package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"
)

// defaultMaxJSONMiB is how much JSON --baseline and merge read from one
// file unless --max-json-mib says otherwise: far more than a baseline or a
// shard's report of a large run, far less than the machine has, so that
// /dev/zero or a link to it committed in a repository is refused instead
// of read until memory runs out.
const defaultMaxJSONMiB = 256

// addMaxJSONFlag adds --max-json-mib to a command that reads JSON files.
func addMaxJSONFlag(f *pflag.FlagSet, mib *int) {
	f.IntVar(mib, "max-json-mib", defaultMaxJSONMiB, "read at most this many MiB of JSON from one file (a baseline or a shard's report)")
}

// readJSONFile reads path, refusing more than mib MiB.
func readJSONFile(path string, mib int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	limit := int64(mib) << 20
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: more than %d MiB of JSON; refusing it (--max-json-mib raises the limit)", path, mib)
	}
	return b, nil
}
