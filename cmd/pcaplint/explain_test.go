package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// realLoopback is a real "tcpdump -i any" capture of one short, clean
// conversation (testdata/captures/real/README.md).
const realLoopback = "../../testdata/captures/real/loopback-9502-any.pcap"

// executeCmd runs the command line and returns its output and error.
func executeCmd(args ...string) (string, error) {
	root := newRootCmd(builtinChecks())
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), err
}

func TestExplainFlagsAreChecked(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"an unknown format", []string{"explain", "--format", "html", "x.pcap"}, "--format must be text or markdown"},
		{"an unknown language", []string{"explain", "--lang", "fr", "x.pcap"}, `unknown language "fr"`},
		{"a diagram without markdown", []string{"explain", "--diagram", "d.svg", "x.pcap"}, "--diagram needs --format markdown"},
		{"no file", []string{"explain"}, "missing FILE|-"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := executeCmd(c.args...)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

func TestExplainRealCapture(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"in English text", []string{"explain", realLoopback},
			[]string{"Handshake 1/3", "Four-way close 4/4", "Zeek state SF"}},
		{"in Chinese", []string{"explain", "--lang", "zh", realLoopback},
			[]string{"三次握手 1/3", "四次挥手 4/4", "小结"}},
		{"as Markdown with a diagram", []string{"explain", "-f", "markdown", "--diagram", "conn1.svg", realLoopback},
			[]string{"# Explanation of ", "![Sequence diagram of the connection](conn1.svg)", "```\n", "- Handshake 1/3", "## Summary"}},
		{"for one connection", []string{"explain", "--conn", "1", realLoopback},
			[]string{"Connection 1: the client 127.0.0.1:56198"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := executeCmd(c.args...)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
	if _, err := executeCmd("explain", "--conn", "2", realLoopback); err == nil || !strings.Contains(err.Error(), "no such connection (the input has 1)") {
		t.Errorf("--conn 2 on a one-connection capture: error %v", err)
	}
}

// TestExplainStopsWhenInterrupted: once interrupted (its context done, as
// on Ctrl-C), explain stops reading a file, prints the summaries of what
// it read and exits 2 saying so; a live input is read to its end, as its
// writer is usually stopped by the same Ctrl-C.
func TestExplainStopsWhenInterrupted(t *testing.T) {
	const file = "../../testdata/captures/real/bulk.pcap"
	interrupted, cancel := context.WithCancel(context.Background())
	cancel()
	run := func(ctx context.Context, args ...string) (int, string, string) {
		var out, errOut strings.Builder
		code := executeContext(ctx, args, builtinChecks(), &out, &errOut)
		return code, out.String(), errOut.String()
	}
	whole, all, _ := run(context.Background(), "explain", file)
	code, part, errOut := run(interrupted, "explain", file)
	if whole != 0 || code != exitError || !strings.Contains(errOut, file+": interrupted after ") {
		t.Errorf("exit %d uninterrupted, %d interrupted (want 0, %d), stderr %q", whole, code, exitError, errOut)
	}
	if len(part) >= len(all) {
		t.Errorf("interrupted, explain printed %d bytes, as many as the whole input's %d", len(part), len(all))
	}

	text, err := os.ReadFile("../../testdata/captures/real/rst-abort.txt")
	if err != nil {
		t.Fatal(err)
	}
	live := func(ctx context.Context) (int, string, string) {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		go func() { w.Write(text); w.Close() }()
		stdin := os.Stdin
		os.Stdin = r
		defer func() { os.Stdin = stdin; r.Close() }()
		return run(ctx, "explain", "-")
	}
	wantCode, want, _ := live(context.Background())
	if code, got, errOut := live(interrupted); code != wantCode || got != want {
		t.Errorf("a pipe interrupted: exit %d (want %d), stderr %q, output\n%s\nwant\n%s", code, wantCode, errOut, got, want)
	}
}
