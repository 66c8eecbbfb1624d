package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shardReports lints root in n shards and writes their JSON reports,
// returning the file names.
func shardReports(t *testing.T, root string, n int, extra ...string) []string {
	t.Helper()
	dir := t.TempDir()
	var names []string
	for k := range n {
		args := append([]string{"lint", "--format", "json", "--shard", fmt.Sprintf("%d/%d", k, n)}, extra...)
		_, out, _ := runCmd(t, builtinChecks(), append(args, root)...)
		name := filepath.Join(dir, fmt.Sprintf("shard-%d.json", k))
		if err := os.WriteFile(name, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return names
}

func TestMergedShardsPrintLikeOneRun(t *testing.T) {
	root, _ := makeTree(t, 100)
	names := shardReports(t, root, 3)
	for _, format := range []string{"json", "text", "sarif", "junit", "github"} {
		t.Run(format, func(t *testing.T) {
			wantCode, want, _ := runCmd(t, builtinChecks(), "lint", "--format", format, root)
			code, got, errOut := runCmd(t, builtinChecks(), append([]string{"merge", "--format", format}, names...)...)
			if got != want {
				t.Errorf("merged report differs from one run:\n%s\n--- want\n%s", got, want)
			}
			if code != wantCode {
				t.Errorf("exit %d, want %d as one run; stderr:\n%s", code, wantCode, errOut)
			}
		})
	}
}

func TestMergeFindsWhatIsWrongWithTheShards(t *testing.T) {
	root, _ := makeTree(t, 40)
	names := shardReports(t, root, 3)
	other := shardReports(t, root, 2)
	notJSON := filepath.Join(t.TempDir(), "x.json")
	if err := os.WriteFile(notJSON, []byte("<html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A shard's report with an input its shard record does not list.
	var doc map[string]any
	b, _ := os.ReadFile(names[0])
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	files := doc["files"].([]any)
	forged := map[string]any{}
	for k, v := range files[0].(map[string]any) {
		forged[k] = v
	}
	forged["path"] = "not-in-the-shard.pcap"
	doc["files"] = append(files, forged)
	b, _ = json.Marshal(doc)
	extra := filepath.Join(t.TempDir(), "shard-0.json")
	os.WriteFile(extra, b, 0o644)
	tests := []struct {
		name  string
		files []string
		want  string
	}{
		{"a missing shard", names[:2], "shard 2/3 is missing"},
		{"an input the shard did not list", []string{extra, names[1], names[2]}, "not-in-the-shard.pcap is not among the inputs of shard 0/3"},
		{"a shard given twice", append(names[:3:3], names[1]), "shard 1/3 is given twice"},
		{"shards of another split", append(names[:3:3], other[0]), "is shard 0/2 but"},
		{"not a report", []string{notJSON}, "not a JSON report of pcaplint lint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, builtinChecks(), append([]string{"merge", "--fail-on", "never"}, tt.files...)...)
			if code != exitError || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and %q", code, errOut, tt.want)
			}
		})
	}
}

func TestMergeLinksTheShardsDiagrams(t *testing.T) {
	root, _ := makeTree(t, 10)
	site := t.TempDir()
	diagrams := filepath.Join(site, "diagrams")
	names := shardReports(t, root, 2, "--diagrams-dir", diagrams)
	page := filepath.Join(site, "index.html")
	runCmd(t, builtinChecks(), append([]string{"merge", "--html", page, "--diagrams-dir", diagrams}, names...)...)
	urls, graphs := pageDiagrams(t, page)
	if len(urls) != 4 || len(graphs) != 4 {
		t.Errorf("page links %d diagrams and %d graphs, want the 4 of each drawn", len(urls), len(graphs))
	}
	for _, u := range append(urls, graphs...) {
		if !strings.HasPrefix(u, "diagrams/") {
			t.Errorf("diagram or graph URL %q is not under diagrams/", u)
		}
	}
}

// TestMergedShardsSpeakChineseLikeOneRun: shards linted with --lang zh
// merge with --lang zh into what one lint --lang zh prints, messages and
// all; shards linted in English still get their summary and severities
// in Chinese.
func TestMergedShardsSpeakChineseLikeOneRun(t *testing.T) {
	root, _ := makeTree(t, 30)
	names := shardReports(t, root, 2, "--lang", "zh")
	for _, format := range []string{"text", "markdown", "github"} {
		t.Run(format, func(t *testing.T) {
			wantCode, want, _ := runCmd(t, builtinChecks(), "lint", "--lang", "zh", "--format", format, root)
			code, got, errOut := runCmd(t, builtinChecks(), append([]string{"merge", "--lang", "zh", "--format", format}, names...)...)
			if got != want {
				t.Errorf("merged report differs from one run:\n%s\n--- want\n%s", got, want)
			}
			if code != wantCode {
				t.Errorf("exit %d, want %d as one run; stderr:\n%s", code, wantCode, errOut)
			}
		})
	}
	english := shardReports(t, root, 2)
	_, got, _ := runCmd(t, builtinChecks(), append([]string{"merge", "--lang", "zh"}, english...)...)
	if !strings.Contains(got, "条检查发现") || !strings.Contains(got, "汇总：") {
		t.Errorf("merge --lang zh of English shards: no Chinese summary in\n%s", got)
	}
}
