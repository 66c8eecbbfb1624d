package html

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/pcaplint/pcaplint/internal/chromiumtest"
	"github.com/pcaplint/pcaplint/internal/english"
	"github.com/pcaplint/pcaplint/rules"
)

// focusStop is what the test reads of the element that has the focus.
type focusStop struct {
	Tag, ID, Label, Text, Href, Nav string
	// Outline is the computed outline style and width: the focus ring.
	Outline      string
	OutlineWidth float64
	// Visible is :focus-visible; Width the element's drawn width.
	Visible bool
	Width   float64
}

// activeElement reads the focused element.
const activeElement = `(() => {
	const e = document.activeElement, cs = getComputedStyle(e), nav = e.closest("nav");
	return {Tag: e.tagName, ID: e.id, Label: e.getAttribute("aria-label") || "", Text: (e.textContent || "").trim().slice(0, 40),
		Href: e.getAttribute("href") || "", Nav: nav ? nav.getAttribute("aria-label") : "",
		Outline: cs.outlineStyle, OutlineWidth: parseFloat(cs.outlineWidth) || 0,
		Visible: e.matches(":focus-visible"), Width: e.getBoundingClientRect().width};
})()`

// TestHTMLReportKeyboard uses the report page with the keyboard only, in
// headless Chromium, in English and in Chinese: Tab reaches the skip
// link, every filter, the pagination and the findings' links and
// diagram links, in that order, each with a visible focus ring; Enter
// and Space work the pager and the reset button and Enter follows a
// finding's link, and the pager keeps the focus on itself. The Chinese
// page, script included, shows no English sentence of its own.
func TestHTMLReportKeyboard(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser, consoleErrors := chromiumtest.Browse(t)
	dir := t.TempDir()
	r, links, err := synthReport(3, 150, dir) // 450 findings: five pages
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []rules.Lang{rules.English, rules.Chinese} {
		t.Run(string(lang), func(t *testing.T) {
			page := filepath.Join(dir, "index-"+string(lang)+".html")
			f, err := os.Create(page)
			if err != nil {
				t.Fatal(err)
			}
			if err := Write(f, r, Options{Diagrams: links, Lang: lang}); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(browser, time.Minute)
			defer cancel()
			load(t, ctx, "file://"+filepath.ToSlash(page), 1024)
			tr := translator(words(lang))
			stops := tabThrough(t, ctx)
			checkTabOrder(t, stops, tr)
			checkKeysAct(t, ctx, tr)
			if lang == rules.Chinese {
				checkNoEnglish(t, ctx)
			}
		})
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}

// press sends keys to the page as a keyboard would.
func press(t *testing.T, ctx context.Context, keys string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.KeyEvent(keys)); err != nil {
		t.Fatalf("pressing %q: %v", keys, err)
	}
}

// tabThrough presses Tab from the top of the page until the focus has
// passed a finding's diagram link, and returns where it stopped.
func tabThrough(t *testing.T, ctx context.Context) []focusStop {
	t.Helper()
	chromiumtest.Eval[chromedp.Void](t, ctx, `(() => { history.replaceState(null, "", location.pathname); document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); })()`)
	var stops []focusStop
	for range 60 {
		press(t, ctx, kb.Tab)
		s := chromiumtest.Eval[focusStop](t, ctx, activeElement)
		stops = append(stops, s)
		if strings.HasSuffix(s.Href, ".svg") {
			break
		}
	}
	return stops
}

// checkTabOrder wants the skip link first, then the filters, the reset
// button, the top pager and a finding's links, in document order, every
// stop with a focus ring.
func checkTabOrder(t *testing.T, stops []focusStop, tr func(string) string) {
	t.Helper()
	find := func(what string, match func(focusStop) bool) int {
		i := slices.IndexFunc(stops, match)
		if i < 0 {
			t.Errorf("Tab never reaches %s; it stops at %+v", what, stops)
		}
		return i
	}
	order := []int{
		find("the skip link", func(s focusStop) bool { return s.Href == "#findings-section" }),
	}
	for _, id := range []string{"severity", "rule", "file", "q", "group", "reset"} {
		order = append(order, find("#"+id, func(s focusStop) bool { return s.ID == id }))
	}
	order = append(order,
		find("the pager's next page", func(s focusStop) bool {
			return s.Tag == "BUTTON" && s.Nav == tr("Findings pages, top") && s.Label == tr("next page")
		}),
		find("a finding's link", func(s focusStop) bool { return s.Href == "#f-1" }),
		find("a diagram link", func(s focusStop) bool { return strings.HasSuffix(s.Href, ".svg") }))
	if order[0] != 0 {
		t.Errorf("the skip link is stop %d, want the first", order[0])
	}
	for i := 1; i < len(order); i++ {
		if order[i] >= 0 && order[i-1] >= 0 && order[i] < order[i-1] {
			t.Errorf("tab order: stop %d (%+v) comes before stop %d (%+v)", order[i], stops[order[i]], order[i-1], stops[order[i-1]])
		}
	}
	for i, s := range stops {
		if !s.Visible || s.Outline == "none" || s.OutlineWidth < 1 || s.Width < 1 {
			t.Errorf("stop %d (%s #%s %q %q) has no visible focus: %+v", i, s.Tag, s.ID, s.Label, s.Text, s)
		}
	}
}

// checkKeysAct works the page with Enter and Space: the pager's next
// page, the reset button, a finding's link.
func checkKeysAct(t *testing.T, ctx context.Context, tr func(string) string) {
	t.Helper()
	firstRow := func() string {
		return chromiumtest.Eval[string](t, ctx, `document.querySelector("#findings tbody tr:not(.group-head)").id`)
	}
	focus := func(selector string) {
		t.Helper()
		if !chromiumtest.Eval[bool](t, ctx, `(() => { const e = document.querySelector(`+jsString(selector)+`); if (!e) return false; e.focus(); return document.activeElement === e; })()`) {
			t.Fatalf("cannot focus %s", selector)
		}
	}
	next := `#findings-section nav.pager button[aria-label=` + jsString(tr("next page")) + `]`
	focus(next)
	press(t, ctx, kb.Enter)
	if got := firstRow(); got != "f-101" {
		t.Errorf("Enter on next page: the first row is %s, want f-101", got)
	}
	if s := chromiumtest.Eval[focusStop](t, ctx, activeElement); s.Label != tr("next page") {
		t.Errorf("after Enter on next page the focus is on %+v, want the new next page button", s)
	}
	press(t, ctx, " ")
	if got := firstRow(); got != "f-201" {
		t.Errorf("Space on next page: the first row is %s, want f-201", got)
	}
	chromiumtest.Eval[chromedp.Void](t, ctx, `(() => { const s = document.getElementById("severity"); s.value = "error"; s.dispatchEvent(new Event("change")); })()`)
	if n := chromiumtest.Eval[int](t, ctx, `document.querySelectorAll("#findings tbody tr[data-severity=warning]").length`); n != 0 {
		t.Fatalf("the severity filter left %d warnings", n)
	}
	focus("#reset")
	press(t, ctx, " ")
	if v := chromiumtest.Eval[string](t, ctx, `document.getElementById("severity").value`); v != "" {
		t.Errorf("Space on %q left the severity filter at %q", tr("Show all"), v)
	}
	if got := firstRow(); got != "f-1" {
		t.Errorf("after the reset the first row is %s, want f-1", got)
	}
	focus(`#findings a[href="#f-7"]`)
	press(t, ctx, kb.Enter)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.activeElement && document.activeElement.id === "f-7"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("Enter on finding 7's link did not focus its row: %v", err)
	}
}

// checkNoEnglish wants no English sentence in what the Chinese page
// shows or says to a screen reader, once its script has run: the
// findings' messages, paths and addresses of the synthetic report are
// left out (they are English input here), as is the skipped file's
// reason, which is not one of pcaplint's.
func checkNoEnglish(t *testing.T, ctx context.Context) {
	t.Helper()
	texts := chromiumtest.Eval[[]string](t, ctx, `(() => {
		const body = document.body.cloneNode(true);
		body.querySelectorAll(".msg, .path, .endpoint, script, style, noscript, #skipped, #file option").forEach((e) => e.remove());
		const out = body.innerText.split("\n");
		for (const e of body.querySelectorAll("[aria-label], [alt], [placeholder], [title]"))
			for (const a of ["aria-label", "alt", "placeholder", "title"]) if (e.getAttribute(a)) out.push(e.getAttribute(a));
		return out;
	})()`)
	paths := regexp.MustCompile(`\S*/\S*`)
	for _, s := range texts {
		if e := english.Sentence(paths.ReplaceAllString(s, "")); e != "" {
			t.Errorf("English %q in %q", e, s)
		}
	}
}

// jsString quotes s for a script.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
