// Package batch is what lint does with many inputs: it expands the
// arguments into inputs (Expand: files, directories walked in path order
// with symbolic links followed once, glob patterns with "**"), leaves out
// those the Filters reject, and keeps the part of them a Shard holds, the
// same on every machine; Run reads them on several goroutines and hands
// the results back in input order.
//
// The package reads no input itself and knows no report: the root package
// pcaplint reads each input into a report.File (pcaplint.ReadFile).
package batch
