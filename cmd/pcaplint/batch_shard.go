package main

import (
	"fmt"
	"hash/fnv"
	"os"
	"strconv"
	"strings"
)

// shard is --shard K/N: the K-th (from 0) of N parts of the inputs.
type shard struct{ k, n int }

// jobIndexVar is where a Kubernetes Indexed Job gives each pod its index.
const jobIndexVar = "JOB_COMPLETION_INDEX"

// parseShard reads --shard K/N, where K may be "auto" to take it from
// $JOB_COMPLETION_INDEX; "" is no sharding.
func parseShard(s string, getenv func(string) string) (*shard, error) {
	if s == "" {
		return nil, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	if !ok {
		return nil, fmt.Errorf("--shard %q: want K/N, such as 0/4, or auto/N", s)
	}
	n, err := strconv.Atoi(ns)
	if err != nil || n < 1 {
		return nil, fmt.Errorf("--shard %q: N must be a whole number of at least 1", s)
	}
	if ks == "auto" {
		ks = getenv(jobIndexVar)
		if ks == "" {
			return nil, fmt.Errorf("--shard auto/%d: $%s is not set (it is in a Kubernetes Indexed Job)", n, jobIndexVar)
		}
	}
	k, err := strconv.Atoi(ks)
	if err != nil || k < 0 || k >= n {
		return nil, fmt.Errorf("--shard %q: K must be a whole number from 0 to %d, not %q", s, n-1, ks)
	}
	return &shard{k, n}, nil
}

// holds reports whether the input with this key falls into the shard: the
// FNV-1a hash of the key (the path relative to the argument it was found
// under), modulo N, so the same file lands in the same shard on any
// machine and whatever the directory is mounted as.
func (s *shard) holds(key string) bool {
	if s == nil {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()%uint64(s.n) == uint64(s.k)
}

// pick keeps the inputs of the shard.
func (s *shard) pick(ins []input) []input {
	if s == nil {
		return ins
	}
	var out []input
	for _, in := range ins {
		if s.holds(in.Key) {
			out = append(out, in)
		}
	}
	return out
}

// envShard reads the environment for parseShard.
func envShard(s string) (*shard, error) { return parseShard(s, os.Getenv) }
