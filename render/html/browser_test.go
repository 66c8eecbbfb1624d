package html

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules"

	"github.com/pcaplint/pcaplint/internal/chromiumtest"
)

// readyBudgetMS is how long the page of 100,000 findings may take, from
// navigation to its first page of rows, by its own performance.now().
const readyBudgetMS = 2000

// TestLargePageInABrowser loads the page of 100,000 findings in headless
// Chromium at a phone's, a laptop's and a wide screen's width: it must be
// usable within readyBudgetMS, never wider than the window, its filters
// must narrow the rows, and its diagram links must name files that
// exist. Screenshots go to chromiumtest.ArtifactDir.
func TestLargePageInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser, consoleErrors := chromiumtest.Browse(t)
	dir := t.TempDir()
	r, links, err := synthReport(200, 500, dir)
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "index.html")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(f, r, Options{Diagrams: links}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	artifacts := chromiumtest.ArtifactDir(t)
	ctx, cancel := context.WithTimeout(browser, time.Minute)
	defer cancel()
	pageURL := "file://" + filepath.ToSlash(page)

	// The page is loaded once, and each width is the same page in a
	// resized window: three loads would take most of the test's time.
	load(t, ctx, pageURL, 1024)
	ready := chromiumtest.Eval[int](t, ctx, `Number(document.documentElement.dataset.ready)`)
	t.Logf("interactive after %d ms; marks: %s", ready,
		chromiumtest.Eval[string](t, ctx, `performance.getEntriesByType("mark").map(m => m.name + " " + Math.round(m.startTime)).join(", ")`))
	if ready > readyBudgetMS {
		if busy := busyMachine(); busy != "" {
			t.Logf("interactive after %d ms, more than %d, on a busy machine (%s): not judged", ready, readyBudgetMS, busy)
		} else {
			t.Errorf("interactive after %d ms, want at most %d", ready, readyBudgetMS)
		}
	}
	for _, width := range []int64{375, 1024, 1600} {
		t.Run(fmt.Sprintf("%dpx", width), func(t *testing.T) {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
				t.Fatal(err)
			}
			chromiumtest.Eval[chromedp.Void](t, ctx, `window.scrollTo(0, 0)`)
			if n := chromiumtest.Eval[int](t, ctx, `document.querySelectorAll("#findings tbody tr").length`); n != 100 {
				t.Errorf("%d rows on the first page, want 100", n)
			}
			overflow := chromiumtest.Eval[string](t, ctx, `(() => {
				const w = document.documentElement.clientWidth;
				if (document.documentElement.scrollWidth <= w) return "";
				return Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > w + 1)
					.slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right)).join(", ");
			})()`)
			if overflow != "" {
				t.Errorf("the page is wider than the window (%d px): %s", width, overflow)
			}
			screenshot(t, ctx, filepath.Join(artifacts, fmt.Sprintf("report-%d.png", width)))
			chromiumtest.Eval[chromedp.Void](t, ctx, `document.getElementById("findings-section").scrollIntoView()`)
			screenshot(t, ctx, filepath.Join(artifacts, fmt.Sprintf("report-%d-findings.png", width)))
		})
	}

	t.Run("filters", func(t *testing.T) { checkFilters(t, ctx, r) })
	t.Run("links", func(t *testing.T) { checkLinks(t, ctx, dir) })
	t.Run("hostile names stay text", func(t *testing.T) {
		if n := chromiumtest.Eval[int](t, ctx, `document.querySelectorAll("img:not(#diagrams img), b, #findings script").length`); n != 0 {
			t.Errorf("%d elements made from input text", n)
		}
		got := change(t, ctx, `(() => { const q = document.getElementById("q"); q.value = "alert(3)"; q.dispatchEvent(new Event("input")); })()`)
		if len(got) != 4 { // one in every 50 inputs
			t.Fatalf("searching alert(3) shows %d rows, want 4", len(got))
		}
		msg := chromiumtest.Eval[string](t, ctx, `document.querySelector("#findings tbody td.msg").textContent`)
		if msg != "</script><script>alert(3)</script> <!-- \u2029" {
			t.Errorf("hostile message shown as %q", msg)
		}
	})
	t.Logf("screenshots in %s", artifacts)
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}

// load opens the page in a window of the given width and waits until its
// script has shown the first rows.
func load(t *testing.T, ctx context.Context, pageURL string, width int64) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), chromedp.Navigate(pageURL))
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.documentElement.dataset.ready !== undefined`, chromedp.WithPollingTimeout(20*time.Second)))
	}
	if err != nil {
		t.Fatalf("loading %s at %d px: %v", pageURL, width, err)
	}
}

// busyMachine says why timings mean little here: more runnable work than
// CPUs (the tests share a machine), or "" when it is quiet enough.
func busyMachine() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	var load float64
	if _, err := fmt.Sscan(string(b), &load); err != nil || load <= float64(runtime.NumCPU()) {
		return ""
	}
	return fmt.Sprintf("load average %.1f on %d CPUs", load, runtime.NumCPU())
}

// shownRow is what the test reads of a row on the page.
type shownRow struct {
	Severity, Rule, File, Text string
}

// change runs a script that changes the filters and returns the rows
// shown once the page has drawn them (a search is applied after a short
// pause).
func change(t *testing.T, ctx context.Context, script string) []shownRow {
	t.Helper()
	before := chromiumtest.Eval[string](t, ctx, `document.documentElement.dataset.renders`)
	chromiumtest.Eval[chromedp.Void](t, ctx, script)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.documentElement.dataset.renders !== %q`, before),
		chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		t.Fatalf("the rows did not change: %v", err)
	}
	return chromiumtest.Eval[[]shownRow](t, ctx, `Array.from(document.querySelectorAll("#findings tbody tr:not(.group-head)")).map(r => ({Severity: r.dataset.severity, Rule: r.dataset.rule, File: r.dataset.file, Text: r.textContent}))`)
}

// checkFilters sets each filter alone and checks the rows shown and the
// count the page says against the report.
func checkFilters(t *testing.T, ctx context.Context, r *report.Report) {
	count := func(keep func(fi int, fd *rules.Finding) bool) int {
		n := 0
		for fi := range r.Files {
			for j := range r.Files[fi].Findings {
				if keep(fi, &r.Files[fi].Findings[j]) {
					n++
				}
			}
		}
		return n
	}
	tests := []struct {
		control, value string
		keep           func(fi int, fd *rules.Finding) bool
		row            func(shownRow) bool
	}{
		{"severity", "error", func(_ int, fd *rules.Finding) bool { return fd.Severity == rules.Error },
			func(s shownRow) bool { return s.Severity == "error" }},
		{"rule", "spurious-retransmission", func(_ int, fd *rules.Finding) bool { return fd.Rule == "spurious-retransmission" },
			func(s shownRow) bool { return s.Rule == "spurious-retransmission" }},
		{"file", "3", func(fi int, _ *rules.Finding) bool { return fi == 3 },
			func(s shownRow) bool { return s.File == "3" }},
		{"q", "2001:db8", func(_ int, fd *rules.Finding) bool { return fd.Conn.ID == 4 },
			func(s shownRow) bool { return strings.Contains(s.Text, "2001:db8") }},
	}
	for _, tt := range tests {
		want := count(tt.keep)
		set := fmt.Sprintf(`(() => { for (const id of ["severity", "rule", "file", "q", "group"]) document.getElementById(id).value = "";
			const c = document.getElementById(%q); c.value = %q; c.dispatchEvent(new Event(c.tagName === "INPUT" ? "input" : "change")); })()`, tt.control, tt.value)
		rows := change(t, ctx, set)
		if len(rows) != min(want, 100) {
			t.Errorf("%s=%s shows %d rows, want %d", tt.control, tt.value, len(rows), min(want, 100))
		}
		for _, row := range rows {
			if !tt.row(row) {
				t.Errorf("%s=%s shows %+v", tt.control, tt.value, row)
				break
			}
		}
		if said := chromiumtest.Eval[string](t, ctx, `document.getElementById("shown").textContent`); !strings.Contains(said, fmt.Sprintf(" of %s matching", thousands(want))) {
			t.Errorf("%s=%s: the page says %q, want %d matching", tt.control, tt.value, said, want)
		}
	}
	chromiumtest.Eval[chromedp.Void](t, ctx, `document.getElementById("reset").click()`)
	chromiumtest.Eval[chromedp.Void](t, ctx, `(() => { const g = document.getElementById("group"); g.value = "severity"; g.dispatchEvent(new Event("change")); })()`)
	if head := chromiumtest.Eval[string](t, ctx, `document.querySelector("#findings tr.group-head").textContent`); head != fmt.Sprintf("error — %s findings", thousands(count(func(_ int, fd *rules.Finding) bool { return fd.Severity == rules.Error }))) {
		t.Errorf("grouped by severity, the first group is %q", head)
	}
	chromiumtest.Eval[chromedp.Void](t, ctx, `document.getElementById("reset").click()`)
}

// checkLinks follows a finding's link to itself to another page of rows,
// and checks that every diagram link and image shown names a file.
func checkLinks(t *testing.T, ctx context.Context, dir string) {
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`location.hash = "#f-12345"`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.activeElement && document.activeElement.id === "f-12345"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("#f-12345 did not show and focus finding 12345: %v", err)
	}
	urls := chromiumtest.Eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#findings a[href$='.svg'], #diagrams img")).map(e => e.getAttribute("href") || e.getAttribute("src"))`)
	if len(urls) == 0 {
		t.Fatal("no diagram links on the page")
	}
	for _, u := range urls {
		p, err := url.PathUnescape(u)
		if err != nil {
			t.Errorf("diagram link %q: %v", u, err)
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			t.Errorf("diagram link %q: %v", u, err)
		}
	}
}

// thousands writes n as the page does, with commas.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// screenshot saves what the window shows as a PNG file.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, shot, 0o644); err != nil {
		t.Fatal(err)
	}
}
