package tcpdump

// runs follows the tcpdump runs a log holds: logs of several runs get
// appended to one file (tcpdump ... >> log 2>&1 in a CI job that restarts
// it), each run between its banner and the counts tcpdump prints on
// standard error when it stops:
//
//	tcpdump: verbose output suppressed, use -v[v]... for full protocol decode
//	listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes
//	…packets…
//
//	12 packets captured
//	26 packets received by filter
//	3 packets dropped by kernel
type runs struct {
	// records is Stats.Records when the current run started.
	records int64
}

// runLine reads a banner line for what it says of the runs. A run that
// starts after packets were read starts tcpdump's relative numbering
// afresh (print-tcp.c keeps it per process), so the reader's replay of it
// starts afresh too (relTable.newRun). "N packets dropped by kernel" counts packets the
// capture buffer lost, not the network: they are summed over the runs.
// ("dropped by interface" are packets the network card dropped, which the
// host never received either, so they are not capture loss.)
func (r *Reader) runLine(line []byte) {
	if startsRun(line) {
		if r.stats.Records > r.runs.records {
			r.rel.newRun()
		}
		r.runs.records = r.stats.Records
		return
	}
	if n, ok := droppedByKernel(line); ok {
		r.stats.KernelDrops += int64(n)
		r.stats.DropReports++
	}
}

// startsRun matches the banner tcpdump prints as it starts reading: a live
// capture (4.99: "listening on …"; older: "tcpdump: listening on …") or a
// file ("reading from file …").
func startsRun(line []byte) bool {
	return hasAt(line, 0, "listening on ") || hasAt(line, 0, "tcpdump: listening on ") || hasAt(line, 0, "reading from file ")
}

// droppedByKernel reads "N packet(s) dropped by kernel".
func droppedByKernel(line []byte) (uint64, bool) {
	n, k, ok := parseUint(line, 1<<63-1)
	if !ok {
		return 0, false
	}
	c := cursor{b: line, i: k}
	if !c.lit(" packet") {
		return 0, false
	}
	c.lit("s")
	return n, c.lit(" dropped by kernel")
}

// newRun replays a new tcpdump process: no connection has an entry in its
// tcp_seq_hash, so each one's next ACK-bearing line is printed absolute
// and sets the bases again. What the reader learnt of each sender's next
// sequence number is kept: the connection did not restart, and a pure ACK
// that creates the entry without showing its seq takes its base from it.
func (t *relTable) newRun() {
	for _, st := range t.pairs.v4 {
		st.newRun()
	}
	for _, st := range t.pairs.other {
		st.newRun()
	}
}

func (st *pairState) newRun() {
	st.created = false
	st.known = [2]bool{}
}
