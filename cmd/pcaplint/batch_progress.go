package main

import (
	"io"
	"os"
	"time"

	"github.com/pcaplint/pcaplint/render/report"
	"github.com/pcaplint/pcaplint/rules/batch"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressBar is lint's LintOptions.Progress: a bar on w of the files done
// of the total, packets per second (batch.Progress) and the time left,
// when w is a terminal and $CI is unset (CI logs are files, where a bar
// is noise); *end is then set to end it.
func progressBar(w io.Writer, end *func()) func(total int) func(*report.File) {
	return func(total int) func(*report.File) {
		f, ok := w.(*os.File)
		if !ok || !term.IsTerminal(int(f.Fd())) || os.Getenv("CI") != "" || total == 0 {
			return nil
		}
		bar := progressbar.NewOptions(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("linting"),
			progressbar.OptionShowCount(), progressbar.OptionSetPredictTime(true), progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		p := batch.NewProgress()
		*end = func() { bar.Finish() }
		return func(f *report.File) {
			if rate, ok := p.Done(f.Stats.Records); ok {
				bar.Describe(rate)
			}
			bar.Add(1)
		}
	}
}
