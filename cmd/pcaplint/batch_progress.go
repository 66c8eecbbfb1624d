package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// meter follows a batch as files finish.
type meter interface {
	// done counts one file and the packets read in it.
	done(packets int64)
	// close ends the display.
	close()
}

// noMeter shows nothing.
type noMeter struct{}

func (noMeter) done(int64) {}
func (noMeter) close()     {}

// barMeter draws files done of the total, packets per second and the
// time left on a terminal.
type barMeter struct {
	bar     *progressbar.ProgressBar
	start   time.Time
	packets int64
}

// newMeter returns a progress bar on w when w is a terminal and $CI is
// unset (CI logs are files, where a bar is noise), else noMeter.
func newMeter(w io.Writer, total int) meter {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || os.Getenv("CI") != "" || total == 0 {
		return noMeter{}
	}
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("linting"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	return &barMeter{bar: bar, start: time.Now()}
}

func (m *barMeter) done(packets int64) {
	m.packets += packets
	if secs := time.Since(m.start).Seconds(); secs > 0 {
		m.bar.Describe(fmt.Sprintf("%.0f packets/s", float64(m.packets)/secs))
	}
	m.bar.Add(1)
}

func (m *barMeter) close() { m.bar.Finish() }
