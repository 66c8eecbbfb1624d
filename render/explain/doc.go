// Package explain reads a TCP conversation the way a tutorial does: for
// every segment, which side sends it, what its flags and numbers mean, how
// the numbers relate to earlier segments, which state changes it causes,
// and what the checks found on it; and for every connection a short
// summary.
//
// The reading is split in three layers so that each can change alone:
//
//   - read*.go: pure functions from a segment and the connection's state
//     before and after it to messages (a key and arguments), with no
//     language in them;
//   - messages.go: the one catalogue of every sentence in every language;
//   - text.go, markdown.go: printers of rendered notes.
//
// Run ties them to the tracker and the checks, reading the input with
// rules/pipeline's Run as every command does and explaining each segment
// as soon as it is read, so that a live "tcpdump -l | pcaplint explain -"
// pipe is explained as it arrives.
package explain
