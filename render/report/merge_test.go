package report

import (
	"errors"
	"strings"
	"testing"
)

// shardJSON is shard k of n, listing inputs and reporting read (skipped
// when the name ends in .skip); n 0 is an unsharded report.
func shardJSON(name string, k, n int, inputs []string, read ...string) NamedJSON {
	doc := &JSONReport{Files: []JSONLintFile{}}
	for _, p := range read {
		if strings.HasSuffix(p, ".skip") {
			doc.Skipped = append(doc.Skipped, JSONSkip{Path: p, Reason: "not a capture"})
			continue
		}
		doc.Files = append(doc.Files, JSONLintFile{JSONFile: JSONFile{Path: p}})
	}
	if n > 0 {
		doc.Shard = &JSONShard{K: k, N: n, Inputs: inputs}
	}
	return NamedJSON{Name: name, Doc: doc}
}

func TestMerge(t *testing.T) {
	s0 := shardJSON("s0.json", 0, 2, []string{"b.pcap", "c.skip"}, "b.pcap", "c.skip")
	s1 := shardJSON("s1.json", 1, 2, []string{"a.pcap"}, "a.pcap")
	tests := []struct {
		name     string
		reps     []NamedJSON
		files    string // the merged inputs, read and skipped, in order
		problems []string
	}{
		{"every shard", []NamedJSON{s0, s1}, "a.pcap b.pcap c.skip", nil},
		{"unsharded reports", []NamedJSON{shardJSON("x.json", 0, 0, nil, "z.pcap"), shardJSON("y.json", 0, 0, nil, "y.pcap")}, "y.pcap z.pcap", nil},
		{"a missing shard", []NamedJSON{s0}, "b.pcap c.skip", []string{"shard 1/2 is missing"}},
		{"a shard given twice", []NamedJSON{s0, s1, s1}, "a.pcap b.pcap c.skip",
			[]string{"shard 1/2 is given twice, s1.json and s1.json; keeping the first"}},
		{"shards of another split", []NamedJSON{s0, s1, shardJSON("t.json", 0, 3, []string{"d.pcap"}, "d.pcap")}, "a.pcap b.pcap c.skip",
			[]string{"t.json is shard 0/3 but s0.json is of 2 shards; leaving out t.json"}},
		{"sharded and unsharded", []NamedJSON{s0, s1, shardJSON("x.json", 0, 0, nil, "z.pcap")}, "a.pcap b.pcap c.skip",
			[]string{"s0.json and x.json: a sharded and an unsharded report cannot be merged; leaving out x.json"}},
		{"an input the shard did not list", []NamedJSON{s0, shardJSON("s1.json", 1, 2, []string{"a.pcap"}, "a.pcap", "e.pcap")}, "a.pcap b.pcap c.skip",
			[]string{"s1.json: e.pcap is not among the inputs of shard 1/2; leaving it out"}},
		{"an input the shard did not report", []NamedJSON{s0, shardJSON("s1.json", 1, 2, []string{"a.pcap", "f.pcap"}, "a.pcap")}, "a.pcap b.pcap c.skip",
			[]string{"s1.json: 1 of the 2 inputs of shard 1/2 are not in the report (was it interrupted?)"}},
		{"an input in two reports", []NamedJSON{shardJSON("x.json", 0, 0, nil, "z.pcap"), shardJSON("y.json", 0, 0, nil, "z.pcap")}, "z.pcap",
			[]string{"z.pcap is in both x.json and y.json; keeping the first"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, problems := Merge(tt.reps)
			var files []string
			for _, f := range out.Files {
				files = append(files, f.Path)
			}
			for _, s := range out.Skipped {
				files = append(files, s.Path)
			}
			if got := strings.Join(files, " "); got != tt.files {
				t.Errorf("merged %q, want %q", got, tt.files)
			}
			var got []string
			for _, p := range problems {
				got = append(got, p.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.problems, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.problems, "\n"))
			}
			if out.Summary.Files != len(out.Files) {
				t.Errorf("summary counts %d files, want %d", out.Summary.Files, len(out.Files))
			}
		})
	}
}

func TestParseJSON(t *testing.T) {
	tests := []struct{ data, err string }{
		{`{"files": []}`, ""},
		{`<html>`, "not a JSON report of pcaplint lint: invalid character '<' looking for beginning of value"},
		{`{"findings": []}`, `not a JSON report of pcaplint lint: no "files"`},
	}
	for _, tt := range tests {
		_, err := ParseJSON([]byte(tt.data))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.err {
			t.Errorf("ParseJSON(%s): %q, want %q", tt.data, got, tt.err)
		}
	}
}

func TestReadJSONFiles(t *testing.T) {
	files := map[string]string{"a.json": `{"files": [{"path": "a.pcap"}]}`, "bad.json": `{`}
	read := func(name string) ([]byte, error) {
		if s, ok := files[name]; ok {
			return []byte(s), nil
		}
		return nil, errors.New(name + ": no such file")
	}
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{[]string{"a.json", "a.json"}, "a.json a.pcap, a.json a.pcap"},
		{[]string{"a.json", "gone.json"}, "gone.json: no such file"},
		{[]string{"bad.json"}, "bad.json: not a JSON report of pcaplint lint: unexpected end of JSON input"},
	} {
		reps, err := ReadJSONFiles(tc.names, read)
		var got []string
		for _, r := range reps {
			got = append(got, r.Name+" "+r.Doc.Files[0].Path)
		}
		g := strings.Join(got, ", ")
		if err != nil {
			g = err.Error()
		}
		if g != tc.want {
			t.Errorf("%v: %s, want %s", tc.names, g, tc.want)
		}
	}
}
