package main

import (
	"context"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds a Chromium or Chrome binary, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium binary on PATH: apt-get install -y chromium to test the HTML report in a browser")
	return ""
}

// browse starts a headless browser and collects the console errors and
// exceptions of its page.
func browse(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium(t)), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
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

// eval runs a script on the page and returns its value.
func eval[T any](t *testing.T, ctx context.Context, script string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("%s: %v", script, err)
	}
	return v
}

const visibleRows = `Array.from(document.querySelectorAll("#findings tbody tr")).filter(r => !r.hidden)`

func TestHTMLReportWorksInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browserCtx, consoleErrors := browse(t)
	root, _ := makeTree(t, 3)
	out := filepath.Join(t.TempDir(), "out")
	page := filepath.Join(out, "index.html")
	if code, _, errOut := runCmd(t, builtinChecks(), "lint", "--fail-on", "never", "--diagrams-dir", out, "--html", page, root); code == exitError && errOut == "" {
		t.Fatalf("lint failed without a word")
	}
	ctx, cancel := context.WithTimeout(browserCtx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(page)), chromedp.WaitReady(chromedp.CSS("#findings"))); err != nil {
		t.Fatal(err)
	}
	total := eval[int](t, ctx, `document.querySelectorAll("#findings tbody tr").length`)
	if total < 2 {
		t.Fatalf("%d findings on the page, want several", total)
	}

	filters := []struct{ sel, attr, value string }{
		{"#rule", "rule", "seq-gap"},
		{"#severity", "severity", "warning"},
	}
	for _, f := range filters {
		t.Run("filter by "+f.attr, func(t *testing.T) {
			choose := func(v string) {
				if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(f.sel), v)); err != nil {
					t.Fatal(err)
				}
				eval[chromedp.Void](t, ctx, `document.querySelector("`+f.sel+`").dispatchEvent(new Event("change"))`)
			}
			choose(f.value)
			shown := eval[[]string](t, ctx, visibleRows+`.map(r => r.dataset.`+f.attr+`)`)
			if len(shown) == 0 || len(shown) >= total {
				t.Errorf("%s=%s shows %d of %d rows, want fewer but some", f.attr, f.value, len(shown), total)
			}
			for _, v := range shown {
				if v != f.value {
					t.Errorf("%s=%s shows a row of %s", f.attr, f.value, v)
				}
			}
			choose("")
			if n := eval[int](t, ctx, visibleRows+`.length`); n != total {
				t.Errorf("back to all shows %d of %d rows", n, total)
			}
		})
	}

	t.Run("a diagram loads", func(t *testing.T) {
		eval[chromedp.Void](t, ctx, `document.querySelector("#diagrams img").scrollIntoView()`)
		loaded := `(() => { const i = document.querySelector("#diagrams img"); return i.complete && i.naturalWidth > 0 })()`
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](loaded, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Errorf("the first diagram did not load: %v (src %s)", err, eval[string](t, ctx, `document.querySelector("#diagrams img").src`))
		}
	})

	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}
