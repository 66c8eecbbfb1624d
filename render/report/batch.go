package report

// Skip is a file found in a directory or by a pattern that is listed but
// not read: not a capture nor tcpdump text, left out by a pattern, or not
// a regular file.
type Skip struct {
	Path   string
	Reason string
}

// Shard says which part of a batch a report covers: the K-th (from 0) of N
// parts, and the inputs that fell into it, read or skipped, so that
// reports can be merged with nothing missing and nothing twice.
type Shard struct {
	K, N   int
	Inputs []string
}

// Packets counts the packets read in every input (tcp.Stats.Records).
func (r *Report) Packets() int64 {
	var n int64
	for _, f := range r.Files {
		n += f.Stats.Records
	}
	return n
}
