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

// barMeter draws files done of the total, packets per second and the
// time left on a terminal (batch.Progress).
type barMeter struct {
	bar *progressbar.ProgressBar
	p   *batch.Progress
}

// newMeter returns a progress bar on w when w is a terminal and $CI is
// unset (CI logs are files, where a bar is noise), else nil, which shows
// nothing.
func newMeter(w io.Writer, total int) *barMeter {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || os.Getenv("CI") != "" || total == 0 {
		return nil
	}
	bar := progressbar.NewOptions(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("linting"),
		progressbar.OptionShowCount(), progressbar.OptionSetPredictTime(true), progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	return &barMeter{bar: bar, p: batch.NewProgress()}
}

// done counts one file read and its packets.
func (m *barMeter) done(f *report.File) {
	if m != nil {
		if rate, ok := m.p.Done(f.Stats.Records); ok {
			m.bar.Describe(rate)
		}
		m.bar.Add(1)
	}
}

// close ends the display.
func (m *barMeter) close() {
	if m != nil {
		m.bar.Finish()
	}
}
