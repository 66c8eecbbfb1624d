package pcaplint

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/batch"
	"github.com/pcaplint/pcaplint/rules/checks"
	"github.com/pcaplint/pcaplint/rules/pipeline"
)

// batchDir lays out a directory of a log with findings, one without, a
// file that is not a capture, a broken one named like a capture and one
// the filters leave out, and expands it.
func batchDir(t *testing.T) []batch.Input {
	t.Helper()
	dir := t.TempDir()
	log, err := os.ReadFile("testdata/captures/real/rst-abort.txt")
	if err != nil {
		t.Fatal(err)
	}
	clean, err := os.ReadFile("testdata/captures/real/clean.txt")
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"b-rst.txt": log, "a-clean.txt": clean, "notes.md": []byte("# notes\n"),
		"broken.pcap": []byte("not a capture\n"), "left-out.log": log} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ins, _, err := batch.Expand([]string{dir}, batch.Filters{Exclude: []string{"*.log"}})
	if err != nil {
		t.Fatal(err)
	}
	return ins
}

func batchOptions() BatchOptions {
	return BatchOptions{Workers: 2, Grace: batch.DefaultGrace, Read: ReadOptions{Options: pipeline.Options{
		NewEngine: func() (*rules.Engine, error) { return rules.NewEngine(checks.All(), nil) }}}}
}

// summary is each file of rep as base name and status, then the skipped
// and the unread ones.
func summary(rep *report.Report) string {
	var out []string
	for _, f := range rep.Files {
		status := fmt.Sprintf("%d findings", len(f.Findings))
		if f.Err != nil {
			status = "failed"
		}
		out = append(out, filepath.Base(f.Path)+": "+status)
	}
	for _, s := range rep.Skipped {
		out = append(out, filepath.Base(s.Path)+": skipped, "+strings.SplitN(s.Reason, ":", 2)[0])
	}
	for _, s := range rep.Interrupted {
		out = append(out, filepath.Base(s.Path)+": unread, "+s.Reason)
	}
	return strings.Join(out, "\n")
}

func TestReadBatch(t *testing.T) {
	ins := batchDir(t)
	read := "a-clean.txt: 0 findings\nb-rst.txt: 1 findings\nbroken.pcap: failed\n" +
		"left-out.log: skipped, excluded by --exclude *.log\nnotes.md: skipped, not a capture or tcpdump text"
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name  string
		ctx   context.Context
		setup func(*BatchOptions, *[]string)
		want  string
	}{
		{"in input order, skipped in path order", context.Background(), nil, read},
		{"interrupted before any input", canceled, nil,
			"left-out.log: skipped, excluded by --exclude *.log\na-clean.txt: unread, not started\nb-rst.txt: unread, not started\n" +
				"broken.pcap: unread, not started\nnotes.md: unread, not started"},
		{"emitted as read, the findings let go", context.Background(), func(o *BatchOptions, log *[]string) {
			o.Emit = func(f *report.File) error {
				*log = append(*log, fmt.Sprintf("emit %s %d", filepath.Base(f.Path), len(f.Findings)))
				return nil
			}
		}, "a-clean.txt: 0 findings\nb-rst.txt: 0 findings\nbroken.pcap: failed\n" +
			"left-out.log: skipped, excluded by --exclude *.log\nnotes.md: skipped, not a capture or tcpdump text\n" +
			"emit a-clean.txt 0\nemit b-rst.txt 1\nemit broken.pcap 0"},
		{"prepared and finished, but not the skipped", context.Background(), func(o *BatchOptions, log *[]string) {
			o.OneTracker = true
			o.Prepare = func(path string, ro *ReadOptions) Finish {
				return func(f *report.File) (any, []error) {
					return len(f.Findings), []error{errors.New("finished " + filepath.Base(path))}
				}
			}
		}, read},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := batchOptions()
			var log []string
			if tt.setup != nil {
				tt.setup(&opts, &log)
			}
			res := ReadBatch(tt.ctx, ins, opts)
			if got := strings.Join(append([]string{summary(res.Report)}, log...), "\n"); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if opts.Emit != nil && res.Worst != rules.Warning {
				t.Errorf("worst of the emitted files %v, want warning", res.Worst)
			}
			if opts.Prepare != nil {
				var errs []string
				for _, e := range res.Errs {
					errs = append(errs, e.Error())
				}
				kept := fmt.Sprint(res.Kept[ins[0].Path], res.Kept[ins[1].Path], len(res.Kept))
				if strings.Join(errs, ", ") != "finished a-clean.txt, finished b-rst.txt, finished broken.pcap" || kept != "0 1 3" {
					t.Errorf("errors %q, kept %s", errs, kept)
				}
			}
		})
	}
}

func TestUnreadArgs(t *testing.T) {
	ins := []batch.Input{
		{Path: "named.pcap", Named: true},
		{Path: "d/a.pcap", Arg: "d"}, {Path: "d/notes.md", Arg: "d", Skip: "excluded"},
		{Path: "e/x.md", Arg: "e", Skip: "excluded"}, {Path: "e/y.md", Arg: "e"},
		{Path: "p/z.txt", Arg: "p/*.txt"},
	}
	rep := &report.Report{Files: []report.File{{Path: "d/a.pcap"}}, Skipped: []report.Skip{{Path: "e/y.md"}, {Path: "p/z.txt"}}}
	got := strings.Join(UnreadArgs(ins, rep), "\n")
	want := "e: none of the files found there (2) is a capture or a log (see the skipped files)\n" +
		"p/*.txt: none of the files found there (1) is a capture or a log (see the skipped files)"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
