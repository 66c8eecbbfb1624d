package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pcaplint/pcaplint/render/report"
)

// readme is README.md, read from the repository's root.
func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReadmeQuickStartPrintsWhatItSays runs the quick start's first
// command from the repository's root, as a newcomer types it, and
// requires the output and the exit code README shows.
func TestReadmeQuickStartPrintsWhatItSays(t *testing.T) {
	text := readme(t)
	const cmdLine = "go run ./cmd/pcaplint lint "
	i := strings.Index(text, cmdLine)
	_, after, ok := strings.Cut(text, "The first command prints\n\n")
	if i < 0 || !ok {
		t.Fatal("README has no quick start command and output")
	}
	path := strings.Fields(text[i+len(cmdLine):])[0]
	var want strings.Builder
	for _, line := range strings.Split(after, "\n") {
		if !strings.HasPrefix(line, "    ") {
			break
		}
		want.WriteString(strings.TrimPrefix(line, "    ") + "\n")
	}
	t.Chdir("../..")
	code, out, stderr := runCmd(t, builtinChecks(), "lint", path)
	if out != want.String() || stderr != "" {
		t.Errorf("pcaplint lint %s printed\n%s%s\nREADME says\n%s", path, out, stderr, want.String())
	}
	if !strings.Contains(after, "and exits 1") || code != exitFindings {
		t.Errorf("exit %d; README says 1", code)
	}
}

// TestReadmeLibrarySnippetListsTheFormats: the formats the library
// snippet names for report.New are those it knows.
func TestReadmeLibrarySnippetListsTheFormats(t *testing.T) {
	m := regexp.MustCompile(`report\.New\("text".*// --format: ([a-z, ]+)`).FindStringSubmatch(readme(t))
	if m == nil {
		t.Fatal("README's library snippet has no report.New with its formats")
	}
	got := strings.Split(m[1], ", ")
	slices.Sort(got)
	want := slices.Sorted(slices.Values(report.Formats))
	if !slices.Equal(got, want) {
		t.Errorf("README lists %v, report.New knows %v", got, want)
	}
}

// TestQuietFailOnErrorStillPrintsWarnings holds README's comment on
// "lint -q --fail-on error" to what it does: every finding is printed
// (a warning too, not "errors only"), no summary line follows, and only
// an error fails the run.
func TestQuietFailOnErrorStillPrintsWarnings(t *testing.T) {
	if !strings.Contains(readme(t), "lint -q --fail-on error captures/                         # findings only, no summary line; exit 1 only for an error") {
		t.Error("README's comment on lint -q --fail-on error changed: check it against this test")
	}
	code, out, _ := runCmd(t, builtinChecks(), "lint", "-q", "--fail-on", "error", "--rules", "default", "../../testdata/captures/real/rst-abort.txt")
	if code != exitClean || !strings.Contains(out, "warning rst-unexpected") || strings.Contains(out, "1 finding") {
		t.Errorf("exit %d, stdout %q", code, out)
	}
}
