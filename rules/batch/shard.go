package batch

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// Shard is the K-th (from 0) of N parts of the inputs (lint --shard K/N).
type Shard struct{ K, N int }

// JobIndexVar is where a Kubernetes Indexed Job gives each pod its index.
const JobIndexVar = "JOB_COMPLETION_INDEX"

// ParseShard reads K/N, where K may be "auto" to take it from
// $JOB_COMPLETION_INDEX, read with getenv (os.Getenv); "" is no sharding
// (nil). Its errors start with the text given.
func ParseShard(s string, getenv func(string) string) (*Shard, error) {
	if s == "" {
		return nil, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	if !ok {
		return nil, fmt.Errorf("%q: want K/N, such as 0/4, or auto/N", s)
	}
	n, err := strconv.Atoi(ns)
	if err != nil || n < 1 {
		return nil, fmt.Errorf("%q: N must be a whole number of at least 1", s)
	}
	if ks == "auto" {
		ks = getenv(JobIndexVar)
		if ks == "" {
			return nil, fmt.Errorf("auto/%d: $%s is not set (it is in a Kubernetes Indexed Job)", n, JobIndexVar)
		}
	}
	k, err := strconv.Atoi(ks)
	if err != nil || k < 0 || k >= n {
		return nil, fmt.Errorf("%q: K must be a whole number from 0 to %d, not %q", s, n-1, ks)
	}
	return &Shard{k, n}, nil
}

// Holds reports whether the input with this key falls into the shard: the
// FNV-1a hash of the key (the path relative to the argument it was found
// under), modulo N, so the same file lands in the same shard on any
// machine and whatever the directory is mounted as. A nil Shard holds
// every input.
func (s *Shard) Holds(key string) bool {
	if s == nil {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()%uint64(s.N) == uint64(s.K)
}

// Pick keeps the inputs of the shard, in their order.
func (s *Shard) Pick(ins []Input) []Input {
	if s == nil {
		return ins
	}
	var out []Input
	for _, in := range ins {
		if s.Holds(in.Key) {
			out = append(out, in)
		}
	}
	return out
}
