package oracle

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// MaxFileBytes bounds a recording file as stored (after gzip for .gz): no
// file of testdata may grow past 500 KB. The output of a run that would
// not fit is not recorded; its file says so, and the comparison runs only
// live (PCAPLINT_ORACLE=live, as .ci/run sets).
const MaxFileBytes = 400 << 10

// RecordCommand is what regenerates every recording.
const RecordCommand = "bash testdata/oracle/record.sh"

// notRecorded begins a recording file that holds no runs because they
// would not fit in MaxFileBytes.
const notRecorded = "# not recorded: "

// Result is what one run of a tool printed.
type Result struct {
	// Out is the tool's output, as the test reads it (stdout, or stdout and
	// stderr merged), with the temporary paths of the run made stable.
	Out string
	// Fail is "" when the tool exited 0; otherwise why it failed, on one
	// line (exit status and the first line of what it wrote to stderr).
	Fail string
}

// Book is one recording file: the results of several runs of one tool on
// one capture, each under a key (the tool's arguments).
type Book struct {
	path    string
	mode    Mode
	runs    map[string]Result
	keys    []string // in the order of the file, or of the runs when recording
	omitted string   // why the runs are not recorded, for a file too large
}

// Open reads the recording at path (.txt, or .txt.gz compressed) for the
// current mode. In Record mode the book starts empty and is written when
// the test ends. A recording that cannot be read fails the test.
func Open(tb testing.TB, path string) *Book {
	tb.Helper()
	mode, err := CurrentMode()
	if err != nil {
		tb.Fatal(err)
	}
	b := &Book{path: path, mode: mode, runs: map[string]Result{}}
	if mode == Record {
		tb.Cleanup(func() {
			if len(b.keys) == 0 {
				return // a run filtered to other captures: leave this one as it is
			}
			if err := b.save(); err != nil {
				tb.Errorf("writing the recording: %v", err)
			}
		})
		return b
	}
	if err := b.load(); err != nil && !os.IsNotExist(err) {
		tb.Fatalf("%v (regenerate it: %s)", err, RecordCommand)
	}
	return b
}

// Run returns the result for key of tool, which run runs. Recorded mode
// reads it from the book; one too large to record skips the test; a
// missing one (a capture or a variant added since the recordings were
// made) is run live when the tool is installed, with a note, and fails the
// test when it is not. Live mode runs the tool and fails the test if the
// recording differs or is missing; Record mode runs the tool and keeps its
// result for the book.
func (b *Book) Run(tb testing.TB, key, tool string, run func() Result) Result {
	tb.Helper()
	rec, ok := b.runs[key]
	switch b.mode {
	case Record:
		got := run()
		if _, seen := b.runs[key]; !seen {
			b.keys = append(b.keys, key)
		}
		b.runs[key] = got
		return got
	case Live:
		got := run()
		if b.omitted != "" {
			return got
		}
		if !ok {
			tb.Errorf("%s has no recording of %q: run %s", b.path, key, RecordCommand)
		} else if diff := firstDifference(rec, got); diff != "" {
			tb.Errorf("%s is stale for %q (%s): run %s", b.path, key, diff, RecordCommand)
		}
		return got
	}
	if b.omitted != "" {
		tb.Skipf("%s: %s", b.path, b.omitted)
	}
	if !ok {
		if _, err := exec.LookPath(tool); err == nil {
			tb.Logf("%s has no recording of %q: %s ran live (record it: %s)", b.path, key, tool, RecordCommand)
			return run()
		}
		tb.Fatalf("%s has no recording of %q and %s is not installed: run %s where tshark and tcpdump are, or compare live with %s=live",
			b.path, key, tool, RecordCommand, EnvVar)
	}
	return rec
}

// firstDifference says where two results first differ, or "" if they do
// not.
func firstDifference(rec, got Result) string {
	if rec.Fail != got.Fail {
		return fmt.Sprintf("recorded failure %q, the tool now %q", rec.Fail, got.Fail)
	}
	if rec.Out == got.Out {
		return ""
	}
	rl, gl := strings.Split(rec.Out, "\n"), strings.Split(got.Out, "\n")
	for i := 0; i < len(rl) && i < len(gl); i++ {
		if rl[i] != gl[i] {
			return fmt.Sprintf("line %d: recorded %q, the tool now prints %q", i+1, rl[i], gl[i])
		}
	}
	return fmt.Sprintf("recorded %d lines, the tool now prints %d", len(rl), len(gl))
}

// The file: a comment line, then per run a header line
// "### KEY<TAB>FAIL<TAB>N" and the N bytes of its output, then a newline.
// Outputs are kept byte for byte, whatever they hold.
const header = "### "

func (b *Book) load() error {
	data, err := os.ReadFile(b.path)
	if err != nil {
		return err
	}
	if strings.HasSuffix(b.path, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("%s: %v", b.path, err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			return fmt.Errorf("%s: %v", b.path, err)
		}
	}
	if rest, ok := bytes.CutPrefix(data, []byte(notRecorded)); ok {
		b.omitted = strings.TrimSpace(string(rest))
		return nil
	}
	r := bufio.NewReader(bytes.NewReader(data))
	if _, err := r.ReadString('\n'); err != nil { // the comment line
		return fmt.Errorf("%s: empty recording", b.path)
	}
	for line := 2; ; line++ {
		h, err := r.ReadString('\n')
		if err == io.EOF && h == "" {
			return nil
		}
		key, fail, n, ok := parseHeader(h)
		if !ok {
			return fmt.Errorf("%s:%d: want %q KEY<TAB>FAIL<TAB>BYTES, got %.60q", b.path, line, header, h)
		}
		out := make([]byte, n+1)
		if _, err := io.ReadFull(r, out); err != nil || out[n] != '\n' {
			return fmt.Errorf("%s:%d: the output of %q is cut short", b.path, line, key)
		}
		line += bytes.Count(out, []byte("\n"))
		b.keys = append(b.keys, key)
		b.runs[key] = Result{Out: string(out[:n]), Fail: fail}
	}
}

func parseHeader(h string) (key, fail string, n int, ok bool) {
	h, ok = strings.CutPrefix(strings.TrimSuffix(h, "\n"), header)
	parts := strings.Split(h, "\t")
	if !ok || len(parts) != 3 {
		return "", "", 0, false
	}
	n, err := strconv.Atoi(parts[2])
	return parts[0], parts[1], n, err == nil && n >= 0
}

func (b *Book) save() error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# what the tool printed for each set of arguments; regenerate: %s\n", RecordCommand)
	for _, k := range b.keys {
		r := b.runs[k]
		fmt.Fprintf(&buf, "%s%s\t%s\t%d\n%s\n", header, oneLine(k), oneLine(r.Fail), len(r.Out), r.Out)
	}
	data := buf.Bytes()
	if strings.HasSuffix(b.path, ".gz") {
		data = compress(data)
	}
	if len(data) > MaxFileBytes {
		msg := fmt.Sprintf("%s%d bytes, over the %d of a recording; compared live only (%s=live, as .ci/run sets)\n",
			notRecorded, len(data), MaxFileBytes, EnvVar)
		data = []byte(msg)
		if strings.HasSuffix(b.path, ".gz") {
			data = compress(data)
		}
	}
	if err := os.MkdirAll(filepath.Dir(b.path), 0o755); err != nil {
		return err
	}
	tmp := b.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, b.path)
}

// compress gzips data with no name and no time in the header, so that the
// same output always makes the same file.
func compress(data []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	return buf.Bytes()
}

// oneLine keeps a key or a failure on its header line.
func oneLine(s string) string {
	return strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(strings.TrimSpace(s))
}
