package explain

// note is one explained segment, in words.
type note struct {
	line      string // the log line, or the tcpdump-style line built for it
	tag       string // names the connection when the input has several
	sentences []string
}

// summary is one connection's summary, in words.
type summary struct {
	sentences []string
	// late are findings reached after their segment was explained (at
	// the end of the connection), so they were not shown with it.
	late []string
}

// printer writes explanations in one output format.
type printer interface {
	start(title, diagram string) error
	note(n *note) error
	summaries(s []*summary) error
}
