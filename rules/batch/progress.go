package batch

import (
	"fmt"
	"time"
)

// Progress follows a batch as its inputs are read, for a progress
// display: how many inputs are done and the packets read per second since
// it started.
type Progress struct {
	// Files counts the inputs done, Packets the packets read in them.
	Files   int
	Packets int64
	start   time.Time
	now     func() time.Time
}

// NewProgress starts following a batch now.
func NewProgress() *Progress { return &Progress{start: time.Now(), now: time.Now} }

// Done counts one input read and its packets, and returns the rate so far
// ("1234 packets/s"); ok is false until some time has passed.
func (p *Progress) Done(packets int64) (rate string, ok bool) {
	p.Files++
	p.Packets += packets
	secs := p.now().Sub(p.start).Seconds()
	if secs <= 0 {
		return "", false
	}
	return fmt.Sprintf("%.0f packets/s", float64(p.Packets)/secs), true
}
