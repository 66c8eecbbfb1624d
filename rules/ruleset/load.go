package ruleset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"gopkg.in/yaml.v3"
)

// maxExtends bounds a chain of rule files extending one another.
const maxExtends = 16

var (
	topKeys    = []string{"version", "extends", "rules", "custom"}
	ruleKeys   = []string{"severity", "params", "ignore"}
	customKeys = []string{"id", "severity", "on", "when", "message", "ignore"}
	severities = rules.SeverityNames()
	customID   = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)
)

// Load reads the rule file at path, and the rule sets it extends, into a
// Config for checks. The error, if any, is an ErrorList holding every
// problem found, each at file:line:col.
func Load(path string, checks []*rules.Check) (*rules.Config, error) {
	l := newLoader(checks, readLimited)
	cfg := l.loadFile("", path, tcp.Pos{})
	return cfg, l.errs.Err()
}

// LoadFound is Load for the rule file Find found, which the user did not
// name: it is read as a file of its directory's tree, as extends reads
// one, so it must be a regular file there, not a symbolic link leading out
// of the directory (a repository could hold one to any file of the user's,
// whose text the errors would echo) nor a FIFO or device (which would
// block the run or never end).
func LoadFound(path string, checks []*rules.Check) (*rules.Config, error) {
	l := newLoader(checks, readLimited)
	cfg := l.loadFile(filepath.Dir(path), filepath.Base(path), tcp.Pos{})
	return cfg, l.errs.Err()
}

// Parse reads a rule file's contents. name is used in positions, and an
// extends path is resolved within its directory.
func Parse(name string, src []byte, checks []*rules.Check) (*rules.Config, error) {
	l := newLoader(checks, readLimited)
	cfg := l.parse(name, src)
	return cfg, l.errs.Err()
}

// loader resolves one rule file and those it extends.
type loader struct {
	checks   map[string]*rules.Check
	ids      []string // known check IDs, sorted
	errs     ErrorList
	stack    []string // absolute paths being loaded, for cycle detection
	readFile readFunc
}

// readFunc reads the rule file rel, confined to the directory tree dir,
// or, when dir is "", the file the user named.
type readFunc func(dir, rel string) ([]byte, error)

func newLoader(checks []*rules.Check, read readFunc) *loader {
	l := &loader{checks: map[string]*rules.Check{}, readFile: read}
	for _, c := range checks {
		l.checks[c.ID] = c
		l.ids = append(l.ids, c.ID)
	}
	slices.Sort(l.ids)
	return l
}

// readLimited reads at most MaxFileSize bytes of the rule file rel. With a
// dir, rel is opened through an os.Root of dir, which refuses a path or a
// symbolic link leading out of it, and must be a regular file (a FIFO
// would block the open, a device never end).
func readLimited(dir, rel string) ([]byte, error) {
	var f *os.File
	if dir == "" {
		var err error
		if f, err = os.Open(rel); err != nil {
			return nil, err
		}
	} else {
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, err
		}
		defer root.Close()
		fi, err := root.Stat(rel)
		if err != nil {
			return nil, err
		}
		if !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("not a regular file (%s)", fi.Mode().Type())
		}
		if f, err = root.Open(rel); err != nil {
			return nil, err
		}
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("larger than %d bytes; refusing it", MaxFileSize)
	}
	return b, nil
}

// loadFile reads and resolves the rule file rel within dir (see
// readLimited); from is the extends node that named it, for errors.
func (l *loader) loadFile(dir, rel string, from tcp.Pos) *rules.Config {
	path := filepath.Join(dir, rel)
	if len(l.stack) >= maxExtends {
		l.errs.add(from, "extends chain longer than %d files", maxExtends)
		return l.fallback()
	}
	abs, err := filepath.Abs(path)
	if err == nil && slices.Contains(l.stack, abs) {
		l.errs.add(from, "extends cycle: %s", strings.Join(append(l.stack[slices.Index(l.stack, abs):], abs), " -> "))
		return l.fallback()
	}
	src, err := l.readFile(dir, rel)
	switch {
	case err != nil && from.File == "": // the file named: its path is the position, said once
		l.errs.add(tcp.Pos{File: path}, "cannot read the rule file: %v", unwrapPath(err))
		return l.fallback()
	case err != nil: // at the extends that names it
		l.errs.add(from, "reading rule file %s: %v", quoteValue(path), unwrapPath(err))
		return l.fallback()
	}
	l.stack = append(l.stack, abs)
	defer func() { l.stack = l.stack[:len(l.stack)-1] }()
	return l.parse(path, src)
}

// unwrapPath drops the path that os errors repeat.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fallback is the configuration used when a file cannot be read, so that
// loading goes on to find the other problems.
func (l *loader) fallback() *rules.Config {
	cfg, _ := Builtin(Default, l.checkList())
	return cfg
}

func (l *loader) checkList() []*rules.Check {
	cs := make([]*rules.Check, 0, len(l.ids))
	for _, id := range l.ids {
		cs = append(cs, l.checks[id])
	}
	return cs
}

// ruleFile is the rule file being walked.
type ruleFile struct {
	name  string
	lines []string
}

func (f *ruleFile) pos(n *yaml.Node) tcp.Pos {
	return tcp.Pos{File: f.name, Line: n.Line, Col: n.Column}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// parse resolves one rule file's contents.
func (l *loader) parse(name string, src []byte) *rules.Config {
	f := &ruleFile{name: name, lines: strings.Split(string(src), "\n")}
	if len(src) > MaxFileSize {
		l.errs.add(tcp.Pos{File: name}, "rule file larger than %d bytes; refusing it", MaxFileSize)
		return l.fallback()
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		msg := err.Error()
		// yaml.v3 gives the line of the construct it was reading, not a
		// column, and sometimes no line at all.
		pos := tcp.Pos{File: name}
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			pos.Line, _ = strconv.Atoi(m[1])
			msg = msg[len(m[0]):]
		}
		l.errs.add(pos, "%s", strings.TrimPrefix(msg, "yaml: "))
		return l.fallback()
	}
	if line, col, err := checkLimits(&doc); err != nil {
		l.errs.add(tcp.Pos{File: name, Line: line, Col: col}, "%v", err)
		return l.fallback()
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		l.errs.add(f.pos(&extra), "a rule file holds one YAML document; remove the second")
	}
	if len(doc.Content) == 0 {
		return l.fallback() // an empty file: the default set
	}
	root := deref(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		l.errs.add(f.pos(root), "a rule file is a mapping with %s, not %s", strings.Join(topKeys, ", "), kindName(root))
		return l.fallback()
	}
	keys := l.mapping(f, root, topKeys)
	if n := keys["version"]; n != nil && (n.Kind != yaml.ScalarNode || n.Value != "1") {
		l.errs.add(f.pos(n), "version must be 1, not %s", describe(n))
	}
	cfg := l.extends(f, keys["extends"])
	if n := keys["rules"]; n != nil && !isNull(n) {
		l.rules(f, n, cfg)
	}
	if n := keys["custom"]; n != nil && !isNull(n) {
		l.customs(f, n, cfg)
	}
	return cfg
}

// extends resolves the base set a file names, the default set when none.
func (l *loader) extends(f *ruleFile, n *yaml.Node) *rules.Config {
	if n == nil {
		return l.fallback()
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" || n.Value == "" {
		l.errs.add(f.pos(n), "extends wants %s or a path to a rule file, not %s", strings.Join(BuiltinNames, ", "), describe(n))
		return l.fallback()
	}
	if cfg, ok := Builtin(n.Value, l.checkList()); ok {
		return cfg
	}
	// A rule file may name only files in its own directory tree: a shared
	// or downloaded rule file must not read (and echo, as errors) any file
	// the user can read. Symbolic links leading out are refused when the
	// file is opened (readLimited).
	if !filepath.IsLocal(n.Value) {
		l.errs.add(f.pos(n), "extends %s: a rule file may extend only %s or a file in its own directory tree, by a relative path without '..' out of it", quoteValue(n.Value), strings.Join(BuiltinNames, ", "))
		return l.fallback()
	}
	return l.loadFile(filepath.Dir(f.name), n.Value, f.pos(n))
}

// mapping returns the values of a mapping by key, reporting keys not in
// known and keys given twice.
func (l *loader) mapping(f *ruleFile, n *yaml.Node, known []string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		switch {
		case k.Kind != yaml.ScalarNode:
			l.errs.add(f.pos(k), "a key must be a word, not %s", kindName(k))
		case !slices.Contains(known, k.Value):
			l.errs.add(f.pos(k), "unknown key %s (want %s)%s", quoteValue(k.Value), strings.Join(known, ", "), Suggest(k.Value, known))
		case out[k.Value] != nil:
			l.errs.add(f.pos(k), "%s given twice", k.Value)
		default:
			out[k.Value] = v
		}
	}
	return out
}

// isNull reports whether a node is empty ("rules:" with nothing after it,
// or only comments).
func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// deref follows an alias to its anchored node.
func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// kindName says what a node is, for errors.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "a boolean"
		case "!!null":
			return "nothing"
		}
		return "a string"
	}
	return "an alias"
}

// describe quotes a scalar's value, or names a node's kind.
func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return quoteValue(n.Value)
	}
	return kindName(n)
}

// severity reads a severity scalar.
func (l *loader) severity(f *ruleFile, n *yaml.Node) (rules.Severity, bool) {
	if n.Kind == yaml.ScalarNode {
		if s, err := rules.ParseSeverity(n.Value); err == nil {
			return s, true
		}
		l.errs.add(f.pos(n), "severity %s is not off, info, warning or error%s", describe(n), Suggest(n.Value, severities))
		return 0, false
	}
	l.errs.add(f.pos(n), "severity must be off, info, warning or error, not %s", kindName(n))
	return 0, false
}

// scopes reads an ignore list.
func (l *loader) scopes(f *ruleFile, n *yaml.Node) []rules.Scope {
	if n.Kind != yaml.SequenceNode {
		l.errs.add(f.pos(n), "ignore wants a list of scopes like [\"port 22\", \"net 10.0.0.0/8\"], not %s", kindName(n))
		return nil
	}
	var out []rules.Scope
	for _, item := range n.Content {
		item = deref(item)
		if item.Kind != yaml.ScalarNode {
			l.errs.add(f.pos(item), "a scope is a string like \"host 10.0.0.5\", not %s", kindName(item))
			continue
		}
		sc, err := ParseScope(item.Value)
		if err != nil {
			l.errs.add(f.pos(item), "%v", err)
			continue
		}
		out = append(out, sc)
	}
	return out
}
