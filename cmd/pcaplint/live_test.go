package main

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pcaplint/pcaplint/internal/cli"
)

// TestLivePipeShowsEachLineAtOnce feeds a log through a pipe a line every
// 200 ms, as tcpdump -l does on a quiet link, and requires every
// explanation (explain -) and every finding certain at its line (lint -,
// text and github formats) on standard output within 100 ms of that line.
func TestLivePipeShowsEachLineAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a line every 200 ms")
	}
	raw, err := os.ReadFile("../../testdata/captures/real/rst-abort.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(raw), "\n") // each with its newline, as tcpdump -l writes them
	lines = lines[:len(lines)-1]
	index := make(map[string]int) // input line text -> line number
	for i, l := range lines {
		index[strings.TrimSuffix(l, "\n")] = i + 1
	}
	textLine := regexp.MustCompile(`^-:(\d+): `)
	githubLine := regexp.MustCompile(`^::\w+ file=-,line=(\d+),`)
	number := func(re *regexp.Regexp) func(string) int {
		return func(out string) int {
			if m := re.FindStringSubmatch(out); m != nil {
				n, _ := strconv.Atoi(m[1])
				return n
			}
			return 0
		}
	}
	for _, c := range []struct {
		args []string
		line func(out string) int // the input line an output line shows; 0 for none
		want int                  // output lines that show one, at least
	}{
		{[]string{"explain", "-"}, func(out string) int { return index[out] }, len(lines)},
		{[]string{"lint", "-f", "text", "-"}, number(textLine), 1},
		{[]string{"lint", "-f", "github", "-"}, number(githubLine), 1},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			written, shown := pipeThrough(t, c.args, lines, 200*time.Millisecond)
			n := 0
			for _, s := range shown {
				k := c.line(s.text)
				if k == 0 {
					continue
				}
				n++
				// 150 ms: less than the 200 ms to the next line, so a
				// line held back until the next comes fails, with room
				// for a loaded machine's scheduling.
				if late := s.at.Sub(written[k-1]); late > 150*time.Millisecond || late < 0 {
					t.Errorf("line %d shown %v after it was written: %q", k, late, s.text)
				}
			}
			if n < c.want {
				t.Errorf("%d output lines show an input line, want %d at least: %v", n, c.want, shown)
			}
		})
	}
}

// shownLine is a line of standard output and when it came.
type shownLine struct {
	text string
	at   time.Time
}

// pipeThrough runs pcaplint with args, standard input and output being
// pipes, writing lines to it one every gap; it returns when each line was
// written and each line of output with when it came.
func pipeThrough(t *testing.T, args []string, lines []string, gap time.Duration) ([]time.Time, []shownLine) {
	t.Helper()
	inR, inW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin := os.Stdin
	os.Stdin = inR
	defer func() { os.Stdin = stdin; inR.Close(); outR.Close() }()
	written := make([]time.Time, len(lines))
	writing := make(chan struct{})
	go func() {
		defer close(writing)
		defer inW.Close()
		for i, l := range lines {
			time.Sleep(gap)
			if _, err := inW.WriteString(l); err != nil {
				return
			}
			written[i] = time.Now()
		}
		time.Sleep(gap)
	}()
	shown := make(chan []shownLine)
	go func() {
		var got []shownLine
		sc := bufio.NewScanner(outR)
		for sc.Scan() {
			got = append(got, shownLine{sc.Text(), time.Now()})
		}
		shown <- got
	}()
	out := cli.NewStdout(outW)
	var errOut strings.Builder
	execute(args, builtinChecks(), out, &errOut)
	out.Flush()
	outW.Close()
	<-writing
	return written, <-shown
}
