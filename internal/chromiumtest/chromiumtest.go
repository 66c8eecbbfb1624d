// Package chromiumtest drives a headless Chromium for the tests of the
// HTML report: it finds the browser (or skips the test), collects the
// page's console errors and keeps screenshots where CI can pick them up.
package chromiumtest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path finds a Chromium or Chrome binary, or skips the test.
func Path(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium binary on PATH: apt-get install -y chromium to test the HTML report in a browser")
	return ""
}

// Browse starts a headless browser and returns its context and a function
// that returns the console errors and uncaught exceptions of its pages
// so far.
func Browse(t testing.TB) (context.Context, func() []string) {
	t.Helper()
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(Path(t)), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()))
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	var mu sync.Mutex
	var errs []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				mu.Lock()
				errs = append(errs, m.Text)
				mu.Unlock()
			}
		}
	}()
	return ctx, func() []string {
		time.Sleep(200 * time.Millisecond) // let the last messages arrive
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(errs)
	}
}

// Eval runs a script on the page and returns its value.
func Eval[T any](t testing.TB, ctx context.Context, script string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("%s: %v", script, err)
	}
	return v
}

// ArtifactDir is where a test keeps what a person should look at
// (screenshots): $PCAPLINT_ARTIFACTS/<test name> when that is set (CI
// keeps it), a temporary directory otherwise.
func ArtifactDir(t testing.TB) string {
	t.Helper()
	root := os.Getenv("PCAPLINT_ARTIFACTS")
	if root == "" {
		return t.TempDir()
	}
	dir := filepath.Join(root, filepath.Base(t.Name()))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("PCAPLINT_ARTIFACTS: %v", err)
	}
	return dir
}
