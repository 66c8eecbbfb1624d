// Package report prints the results of reading inputs: one small printer
// per format over the same Report value.
package report

import (
	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
	"github.com/pcaplint/pcaplint/rules/stats"
)

// Report is the result of processing a set of inputs.
type Report struct {
	Files []File
	// Skipped are the files found in directories or by patterns that are
	// not read, each with why.
	Skipped []Skip
	// Shard, when set, says which part of the inputs the report covers.
	Shard *Shard
	// Interrupted are the inputs an interruption (Ctrl-C, SIGTERM) left
	// unread, each with why: not started, or abandoned while being read.
	// When there are any, the report is incomplete, and every format
	// says so.
	Interrupted []Skip
}

// File is the result for one input. Err is set when the input could not be
// read to its end; what was read before is still reported.
type File struct {
	Path  string
	Err   error
	Conns []*rules.Conn
	// ConnCount counts the connections read. Conns may hold fewer, or
	// only their IDs and endpoints: lint keeps only what its format
	// prints, so that memory does not grow with the input.
	ConnCount int
	// Spool, when set, holds the connections in place of Conns, outside
	// memory, for the JSON format.
	Spool ConnSpool
	Stats tcp.Stats
	// Copies counts packets seen again on another interface and counted once.
	Copies int64
	// Evicted counts connections dropped from a full connection table.
	Evicted int64
	// Findings are what the checks found, sorted by position (lint only).
	Findings []rules.Finding
	// Tally counts by severity the findings let go of once printed (a
	// batch printed as each input is done keeps the counts alone, for the
	// summaries); Counts adds it to Findings.
	Tally [rules.Error + 1]int
	// Unchecked lists what of the input the checks could not look at.
	Unchecked []Unchecked
	// Loss estimates what the capture missed (see rules.CaptureLoss);
	// Stats.KernelDrops is tcpdump's own count, when the log has it.
	Loss rules.CaptureLoss
	// ConnStats are the statistics of the connections of Conns, when they
	// were asked for (conns --stats).
	ConnStats map[*rules.Conn]stats.Summary
}

// Counts tallies findings by severity over every input.
func (r *Report) Counts() map[rules.Severity]int {
	n := map[rules.Severity]int{}
	for i := range r.Files {
		r.Files[i].addCounts(n)
	}
	return n
}

// addCounts adds f's findings, those held and those tallied, to n by
// severity.
func (f *File) addCounts(n map[rules.Severity]int) {
	for _, fd := range f.Findings {
		n[fd.Severity]++
	}
	for s, c := range f.Tally {
		if c > 0 {
			n[rules.Severity(s)] += c
		}
	}
}

// LetGoOfFindings tallies f's findings by severity (Tally) and lets go of
// them, once they are printed.
func (f *File) LetGoOfFindings() {
	for _, fd := range f.Findings {
		f.Tally[fd.Severity]++
	}
	f.Findings = nil
}

// Conns counts the connections over every input.
func (r *Report) Conns() int {
	n := 0
	for _, f := range r.Files {
		n += max(len(f.Conns), f.ConnCount)
	}
	return n
}
