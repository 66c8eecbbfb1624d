package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pcaplint/pcaplint/internal/chromiumtest"
)

const visibleRows = `Array.from(document.querySelectorAll("#findings tbody tr")).filter(r => !r.hidden)`

func TestHTMLReportWorksInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browserCtx, consoleErrors := chromiumtest.Browse(t)
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
	total := chromiumtest.Eval[int](t, ctx, `document.querySelectorAll("#findings tbody tr").length`)
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
				chromiumtest.Eval[chromedp.Void](t, ctx, `document.querySelector("`+f.sel+`").dispatchEvent(new Event("change"))`)
			}
			choose(f.value)
			shown := chromiumtest.Eval[[]string](t, ctx, visibleRows+`.map(r => r.dataset.`+f.attr+`)`)
			if len(shown) == 0 || len(shown) >= total {
				t.Errorf("%s=%s shows %d of %d rows, want fewer but some", f.attr, f.value, len(shown), total)
			}
			for _, v := range shown {
				if v != f.value {
					t.Errorf("%s=%s shows a row of %s", f.attr, f.value, v)
				}
			}
			choose("")
			if n := chromiumtest.Eval[int](t, ctx, visibleRows+`.length`); n != total {
				t.Errorf("back to all shows %d of %d rows", n, total)
			}
		})
	}

	t.Run("a diagram loads", func(t *testing.T) {
		chromiumtest.Eval[chromedp.Void](t, ctx, `document.querySelector("#diagrams img").scrollIntoView()`)
		loaded := `(() => { const i = document.querySelector("#diagrams img"); return i.complete && i.naturalWidth > 0 })()`
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](loaded, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Errorf("the first diagram did not load: %v (src %s)", err, chromiumtest.Eval[string](t, ctx, `document.querySelector("#diagrams img").src`))
		}
	})

	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}
