package standalone

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// root is the module's root, seen from this package's directory.
const root = "../.."

// checkedExt are the kinds of file whose text is read for references.
var checkedExt = map[string]bool{".go": true, ".sh": true, ".md": true, ".yaml": true, ".yml": true}

// outsideMarks are names that only a path outside the repository would
// hold: the folder of design notes and captures the project was seeded
// from, and the machine's work directory. They are built from parts so
// that this file does not match itself.
var outsideMarks = []string{
	"shared" + "/design", "shared" + "/captures", ".." + "/shared", "/work" + "/",
}

// checkedFiles lists every file of the repository whose text is read, by
// its path from root.
func checkedFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() && checkedExt[filepath.Ext(path)] {
			rel, _ := filepath.Rel(root, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("only %d files found under %s", len(files), root)
	}
	return files
}

// TestNothingPointsOutsideTheRepository fails on any mention, in a Go
// file, script or document, of a path that leaves the repository: a
// relative path with more ".." than the file is deep, or a name of the
// folders the project was seeded from. Whoever has the repository alone
// must be able to build, test and understand it.
func TestNothingPointsOutsideTheRepository(t *testing.T) {
	for _, rel := range checkedFiles(t) {
		data, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range outsidePaths(rel, string(data)) {
			t.Errorf("%s: %s", rel, p)
		}
	}
}

// outsidePaths lists, as "line N: what", the references in text (the
// content of the file at rel) to places outside the repository.
func outsidePaths(rel, text string) []string {
	depth := strings.Count(rel, "/")
	tooHigh := regexp.MustCompile(fmt.Sprintf(`(?:\.\./){%d,}`, depth+1))
	var out []string
	for i, line := range strings.Split(text, "\n") {
		if m := tooHigh.FindString(line); m != "" {
			out = append(out, fmt.Sprintf("line %d: %q climbs %d levels from a file %d deep", i+1, m, strings.Count(m, "/"), depth))
		}
		for _, mark := range outsideMarks {
			if strings.Contains(line, mark) {
				out = append(out, fmt.Sprintf("line %d: %q names a place outside the repository", i+1, mark))
			}
		}
	}
	return out
}

func TestOutsidePathsAreFound(t *testing.T) {
	up3, seedNotes := strings.Repeat("../", 3), "shared"+"/design"
	cases := []struct {
		rel, text string
		found     bool
	}{
		{"rules/checks/x_test.go", `os.ReadFile("` + up3 + seedNotes + `/checks.md")`, true},
		{"rules/checks/x_test.go", `os.ReadFile("../../testdata/captures/real/clean.pcap")`, false},
		{"rules/x_test.go", `"../../x.pcap"`, true},
		{"parse/tcpdump/x.go", "// see docs/design/tcpdump-text.md#timestamps", false},
		{"README.md", "[rules](docs/rules.md)", false},
		{"README.md", "[up](../README.md)", true},
		{"docs/a.md", "[readme](../README.md)", false},
		{"x.go", "// the seed notes in " + seedNotes, true},
	}
	for _, c := range cases {
		if got := len(outsidePaths(c.rel, c.text)) > 0; got != c.found {
			t.Errorf("%s: %q: found %v, want %v", c.rel, c.text, got, c.found)
		}
	}
}

// standardCited says that a line's "§" is a section of a standard (an RFC,
// the SARIF specification), which readers can look up; any other "§" cites
// a design note by number, which a reader of the repository cannot follow.
var standardCited = regexp.MustCompile(`(RFC ?[0-9]+|SARIF)[^§]*§`)

// designLink is a reference to a design note, with its section if any.
var designLink = regexp.MustCompile(`docs/design/([a-z0-9-]+\.md)(#[a-z0-9-]+)?`)

// noteLink is a Markdown link from one design note to another.
var noteLink = regexp.MustCompile(`\]\(([a-z0-9-]+\.md)(#[a-z0-9-]+)?\)`)

// TestDesignNotesAreCitedByLink requires every citation of a design note
// in code and documents to name a note of docs/design and, if it names a
// section, one of its headings; and no section to be cited by "§N".
func TestDesignNotesAreCitedByLink(t *testing.T) {
	anchors := map[string]map[string]bool{}
	notes, _ := filepath.Glob(filepath.Join(root, "docs", "design", "*.md"))
	for _, n := range notes {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		anchors[filepath.Base(n)] = headingAnchors(string(data))
	}
	for _, want := range []string{"tcpdump-text.md", "checks.md", "diagram.md", "explain.md"} {
		if anchors[want] == nil {
			t.Errorf("docs/design/%s is missing", want)
		}
	}
	resolve := func(where, note, anchor string) {
		if anchors[note] == nil {
			t.Errorf("%s: docs/design/%s does not exist", where, note)
		} else if anchor != "" && !anchors[note][anchor[1:]] {
			t.Errorf("%s: docs/design/%s has no section %s", where, note, anchor)
		}
	}
	for _, rel := range checkedFiles(t) {
		data, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			where := fmt.Sprintf("%s:%d", rel, i+1)
			if strings.HasSuffix(rel, ".go") && strings.Contains(line, "\u00a7") && !standardCited.MatchString(line) &&
				rel != "internal/standalone/standalone_test.go" {
				t.Errorf("%s: a section cited by §: link docs/design/NOTE.md#section instead", where)
			}
			for _, m := range designLink.FindAllStringSubmatch(line, -1) {
				resolve(where, m[1], m[2])
			}
			if strings.HasPrefix(rel, "docs/design/") {
				for _, m := range noteLink.FindAllStringSubmatch(line, -1) {
					resolve(where, m[1], m[2])
				}
			}
		}
	}
}

// headingAnchors returns the anchors GitHub gives the headings of a
// Markdown text: lower case, spaces as '-', other punctuation dropped.
func headingAnchors(text string) map[string]bool {
	out := map[string]bool{}
	inCode := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
		}
		if inCode || !strings.HasPrefix(line, "#") {
			continue
		}
		title := strings.TrimSpace(strings.TrimLeft(line, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(title) {
			switch {
			case r == ' ':
				b.WriteByte('-')
			case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				b.WriteRune(r)
			}
		}
		out[b.String()] = true
	}
	return out
}
