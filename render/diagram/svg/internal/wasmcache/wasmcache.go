// Package wasmcache points go-graphviz's compilation cache at a private,
// per-user directory before go-graphviz initialises, and puts the
// environment back afterwards.
//
// go-graphviz v0.2.10 compiles Graphviz's WebAssembly to native code with
// wazero when its internal/wasm package initialises, and keeps that code in
// a cache directory named os.TempDir()/go-graphviz, which it creates with
// mode 0755 without looking at who owns it. On Unix os.TempDir is $TMPDIR,
// or /tmp: a directory every local user shares. Whoever creates the cache
// there first decides what native code every later run executes (a
// checksum is all that guards a cache entry), and a cache made by one user
// is unreadable to the next, whose run then panics at start.
// docs/security.md tells the whole story.
//
// This package's init sets TMPDIR to a directory only the current user can
// write (os.UserCacheDir()/pcaplint, created 0700, its owner and mode
// checked), or, when there is none, to a path under which no directory can
// ever be made, so that go-graphviz keeps no cache and compiles in memory
// (about a second more at start). Restore, called by the package that
// imports go-graphviz from its own init, puts TMPDIR back as it was.
//
// Why this init runs before go-graphviz's: the Go specification
// ("Package initialization") initialises, step by step, the first package
// in import-path order whose imports are all initialised.
// go-graphviz/internal/wasm imports github.com/tetratelabs/wazero, so it
// cannot initialise before wazero; this package imports only standard
// library packages that wazero imports too, so it is ready whenever wazero
// is, and github.com/pcaplint/… sorts before github.com/tetratelabs/…. A
// test (TestInitRunsBeforeGoGraphviz) reads the order from the binary with
// GODEBUG=inittrace=1; the package render/diagram/svg imports this one so
// that it is in every binary that has go-graphviz.
package wasmcache

import (
	"errors"
	"os"
	"path/filepath"
)

// NoCacheDir is what TMPDIR is set to when no private directory can be had:
// a path below /dev/null, under which no one can create a directory, so
// go-graphviz's os.Mkdir fails and it compiles without a cache.
const NoCacheDir = "/dev/null/pcaplint-no-cache"

var (
	// origTMPDIR and hadTMPDIR are TMPDIR as the process was started with.
	origTMPDIR string
	hadTMPDIR  bool
	redirected bool
)

func init() {
	if !redirects {
		return
	}
	origTMPDIR, hadTMPDIR = os.LookupEnv("TMPDIR")
	dir, err := privateDir()
	if err != nil {
		dir = NoCacheDir
	}
	if os.Setenv("TMPDIR", dir) == nil {
		redirected = true
	}
}

// Restore puts TMPDIR back as the process was started with. The package
// that imports go-graphviz calls it from its init, which the Go
// specification runs after go-graphviz's packages are initialised.
func Restore() {
	if !redirected {
		return
	}
	redirected = false
	if hadTMPDIR {
		os.Setenv("TMPDIR", origTMPDIR)
	} else {
		os.Unsetenv("TMPDIR")
	}
}

// privateDir returns os.UserCacheDir()/pcaplint, creating it with mode
// 0700, once it has checked that it is safe to keep code in.
func privateDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(base, "pcaplint")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		// MkdirAll's error names the path and the cause.
		return "", err
	}
	if err := checkPrivate(dir); err != nil {
		return "", err
	}
	// go-graphviz keeps its cache one level down, and wazero one more;
	// both must be ours too if they exist already.
	sub := filepath.Join(dir, "go-graphviz")
	if err := checkPrivate(sub); err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	entries, _ := os.ReadDir(sub)
	for _, e := range entries {
		if err := checkPrivate(filepath.Join(sub, e.Name())); err != nil {
			return "", err
		}
	}
	return dir, nil
}
