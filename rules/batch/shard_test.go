package batch

import (
	"strings"
	"testing"
)

func TestParseShard(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == JobIndexVar {
				return v
			}
			return ""
		}
	}
	tests := []struct {
		name, flag, index string
		want              *Shard
		err               string
	}{
		{"no flag is no sharding", "", "", nil, ""},
		{"K/N", "2/5", "", &Shard{2, 5}, ""},
		{"auto takes the job index", "auto/4", "3", &Shard{3, 4}, ""},
		{"auto without the job index", "auto/4", "", nil, "JOB_COMPLETION_INDEX is not set"},
		{"K past N", "4/4", "", nil, "K must be a whole number from 0 to 3"},
		{"a negative K", "-1/4", "", nil, "K must be"},
		{"N of zero", "0/0", "", nil, "N must be"},
		{"no slash", "3", "", nil, "want K/N"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseShard(tt.flag, env(tt.index))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
				t.Errorf("got %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestShardOfAFileDependsOnlyOnItsRelativePath(t *testing.T) {
	// FNV-1a is fixed: these keys fall where they did when this was
	// written, on every machine and Go version.
	for key, k := range map[string]int{"a.pcap": 0, "2026/11/27/eth0.pcapng": 3} {
		if !(&Shard{k, 7}).Holds(key) {
			t.Errorf("%s is no longer in shard %d/7", key, k)
		}
	}
	a := []Input{{Path: "/mnt/x/day1/a.pcap", Key: "day1/a.pcap"}}
	b := []Input{{Path: "/data/day1/a.pcap", Key: "day1/a.pcap"}}
	for k := range 7 {
		s := &Shard{k, 7}
		if len(s.Pick(a)) != len(s.Pick(b)) {
			t.Errorf("shard %d: the same relative path lands differently under another mount", k)
		}
	}
}
