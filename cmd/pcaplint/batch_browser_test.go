package main

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
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

	t.Run("a diagram and its graph load", func(t *testing.T) {
		chromiumtest.Eval[chromedp.Void](t, ctx, `document.querySelector("#diagrams figure").scrollIntoView()`)
		// The first figure's thumbnails: the sequence diagram, then the
		// time-sequence graph, each a link to the drawing at full size.
		loaded := `(() => { const is = document.querySelectorAll("#diagrams figure:first-child img"); return is.length === 2 && Array.from(is).every(i => i.complete && i.naturalWidth > 0) })()`
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](loaded, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Errorf("the first figure's pictures did not load: %v (src %q)", err, chromiumtest.Eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#diagrams figure:first-child img")).map(i => i.src)`))
		}
		thumbs := chromiumtest.Eval[[]map[string]any](t, ctx, `Array.from(document.querySelectorAll("#diagrams a.thumb")).map(a => {
			const i = a.querySelector("img"), r = i.getBoundingClientRect();
			return {href: a.href, src: i.src, lazy: i.loading, alt: i.alt, width: r.width, height: r.height};
		})`)
		graphs, fromText := 0, false
		for _, th := range thumbs {
			href, _ := th["href"].(string)
			if href != th["src"] || th["lazy"] != "lazy" {
				t.Errorf("thumbnail %v: want a lazy picture that links to itself", th)
			}
			if w, _ := th["width"].(float64); w > 540 {
				t.Errorf("thumbnail %v is %v px wide, more than its figure", href, w)
			}
			if h, _ := th["height"].(float64); h > 242 {
				t.Errorf("thumbnail %v is %v px high, want at most 240 and its border", href, h)
			}
			u, err := url.Parse(href)
			if err != nil || u.Scheme != "file" {
				t.Errorf("thumbnail link %q is not a file next to the page", href)
				continue
			}
			if _, err := os.Stat(u.Path); err != nil {
				t.Errorf("thumbnail link %q: %v", href, err)
			}
			if alt, _ := th["alt"].(string); strings.HasSuffix(u.Path, ".tsg.svg") && strings.HasPrefix(alt, "time-sequence graph") {
				graphs++
				fromText = fromText || strings.Contains(u.Path, "/crlf.txt/")
			}
		}
		if graphs == 0 || 2*graphs != len(thumbs) || !fromText {
			t.Errorf("%d of %d thumbnails are time-sequence graphs (one of tcpdump text: %v), want half, of captures and text", graphs, len(thumbs), fromText)
		}
		if n := chromiumtest.Eval[int](t, ctx, `document.querySelectorAll("#findings tbody a[href$='.tsg.svg']").length`); n == 0 {
			t.Errorf("no finding links to its connection's graph")
		}
		if shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
			_ = os.WriteFile(filepath.Join(chromiumtest.ArtifactDir(t), "thumbnails.png"), shot, 0o644)
		}
	})

	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}
