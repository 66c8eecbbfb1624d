package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// nobody is the user the tests run pcaplint as, besides root.
const nobodyUID, nobodyGID = 65534, 65534

// TestGraphvizCacheIsPrivatePerUser runs the built binary as root and as
// nobody, as go-graphviz's shared /tmp cache made a second user's run
// panic and let any user choose the native code root's run executed
// (docs/security.md): both work, nothing is written to the shared
// temporary directory, and a cache directory another user planted, with a
// corrupt entry that would make the run panic if it were read, is never
// read.
func TestGraphvizCacheIsPrivatePerUser(t *testing.T) {
	bin := buildAsRoot(t)
	t.Run("init order", func(t *testing.T) { testInitOrder(t, bin) })
	base := worldReadableDir(t)
	shared := mkdirMode(t, base, "tmp", 0o777|os.ModeSticky) // like /tmp
	rootHome := mkdirMode(t, base, "root-home", 0o700)

	run := func(asNobody bool, home, what string) {
		t.Helper()
		var out bytes.Buffer
		cmd := exec.Command(bin, "version")
		if asNobody {
			cmd = exec.Command("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", bin, "version")
		}
		cmd.Dir = base
		cmd.Env = append(os.Environ(), "TMPDIR="+shared, "HOME="+home, "XDG_CACHE_HOME=")
		cmd.Stdout, cmd.Stderr = &out, &out
		before := tree(t, shared)
		if err := cmd.Run(); err != nil || !strings.HasPrefix(out.String(), "pcaplint version") {
			t.Fatalf("%s: %v\n%s", what, err, out.String())
		}
		if after := tree(t, shared); after != before {
			t.Fatalf("%s: the shared temporary directory changed from\n%s\nto\n%s", what, before, after)
		}
	}

	run(false, rootHome, "root, first run")
	entry := onlyCacheEntry(t, filepath.Join(rootHome, ".cache", "pcaplint"))
	run(false, rootHome, "root, from its cache")

	// The premise of the planted caches below: an entry that is read and
	// corrupt makes the run fail.
	good, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(entry, bytes.Repeat([]byte{0xCC}, 64), 0o600)
	premise := exec.Command(bin, "version")
	premise.Env = append(os.Environ(), "TMPDIR="+shared, "HOME="+rootHome, "XDG_CACHE_HOME=")
	if out, err := premise.CombinedOutput(); err == nil {
		t.Fatalf("a corrupt entry in the cache used did not make the run fail:\n%s", out)
	}
	os.WriteFile(entry, good, 0o600)

	// Another user plants go-graphviz's directory in the shared temporary
	// directory, with a corrupt entry under the name the run would read.
	rel, _ := filepath.Rel(filepath.Join(rootHome, ".cache", "pcaplint"), entry)
	plant(t, shared, rel, true)
	run(false, mkdirMode(t, base, "fresh-home", 0o700), "root, with a cache planted in the shared directory")

	// nobody runs after root, with its own home, and with root's (setpriv
	// keeps HOME=/root): no permission error, no panic.
	nobodyHome := mkdirMode(t, base, "nobody-home", 0o700)
	chown(t, nobodyHome)
	run(true, nobodyHome, "nobody, own home")
	if _, err := os.Stat(filepath.Join(nobodyHome, ".cache", "pcaplint", rel)); err != nil {
		t.Errorf("nobody's run kept no cache of its own: %v", err)
	}
	run(true, rootHome, "nobody, with root's home")

	// root with a cache directory that nobody owns, or that others may
	// write: refused, compiled in memory, the corrupt entry never read.
	plant(t, nobodyHome, filepath.Join(".cache", "pcaplint", rel), true)
	run(false, nobodyHome, "root, with nobody's cache directory")
	open := mkdirMode(t, base, "open-home", 0o700)
	plant(t, open, filepath.Join(".cache", "pcaplint", rel), false)
	os.Chmod(filepath.Join(open, ".cache", "pcaplint"), 0o777)
	run(false, open, "root, with a world-writable cache directory")
}

// testInitOrder reads the order in which the
// binary initialises its packages: wasmcache must come before
// go-graphviz's internal/wasm, which compiles into the cache, and
// render/diagram/svg, which restores TMPDIR, after it.
func testInitOrder(t *testing.T, bin string) {
	cmd := exec.Command(bin, "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	order := map[string]int{}
	for i, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			order[f[1]] = i + 1
		}
	}
	const mod = "github.com/pcaplint/pcaplint/render/diagram/svg"
	seq := []string{mod + "/internal/wasmcache", "github.com/goccy/go-graphviz/internal/wasm", mod}
	for i := 1; i < len(seq); i++ {
		if order[seq[i-1]] == 0 || order[seq[i]] == 0 || order[seq[i-1]] > order[seq[i]] {
			t.Fatalf("%s (line %d) does not initialise before %s (line %d):\n%s", seq[i-1], order[seq[i-1]], seq[i], order[seq[i]], out)
		}
	}
}

// buildAsRoot builds pcaplint into a directory every user may read, or
// skips the test when it cannot run as two users.
func buildAsRoot(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: builds pcaplint and compiles Graphviz several times")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the shared-cache tests need Linux's setpriv")
	}
	if os.Geteuid() != 0 {
		t.Skip("not root: running pcaplint as a second user needs root (CI runs as root)")
	}
	if _, err := exec.LookPath("setpriv"); err != nil {
		t.Skip("no setpriv on PATH (util-linux)")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go on PATH to build pcaplint")
	}
	bin := filepath.Join(worldReadableDir(t), "pcaplint")
	if out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// worldReadableDir is a temporary directory that nobody can enter, which
// t.TempDir's 0700 parent is not.
func worldReadableDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "pcaplint-cache-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	return dir
}

func mkdirMode(t *testing.T, dir, name string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.Mkdir(p, 0o700); err != nil {
		t.Fatal(err)
	}
	os.Chmod(p, mode)
	return p
}

// onlyCacheEntry is the one file wazero keeps under dir.
func onlyCacheEntry(t *testing.T, dir string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "go-graphviz", "wazero-*", "*"))
	if len(files) != 1 {
		t.Fatalf("want one cache entry under %s, have %q", dir, files)
	}
	return files[0]
}

// plant makes dir/rel and its missing directories, the file holding bytes
// a read would fail on, all owned by nobody when byNobody.
func plant(t *testing.T, dir, rel string, byNobody bool) {
	t.Helper()
	path := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, bytes.Repeat([]byte{0xCC}, 64), 0o644); err != nil {
		t.Fatal(err)
	}
	for p := path; byNobody && p != dir; p = filepath.Dir(p) {
		chown(t, p)
	}
}

// tree lists every file under dir with its size, mode and time.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil {
			fmt.Fprintf(&b, "%s %d %v %v\n", p, fi.Size(), fi.Mode(), fi.ModTime())
		}
		return err
	})
	return b.String()
}

func chown(t *testing.T, path string) {
	t.Helper()
	if err := os.Lchown(path, nobodyUID, nobodyGID); err != nil {
		t.Fatal(err)
	}
}
