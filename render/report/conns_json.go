package report

import (
	"encoding/json"
	"io"
	"time"

	"github.com/pcaplint/pcaplint/rules"
)

// JSONConn is the JSON form of a connection.
type JSONConn struct {
	ID       int    `json:"id"`
	Client   string `json:"client"`
	Server   string `json:"server"`
	Packets  int64  `json:"packets"`
	Bytes    int64  `json:"bytes"`
	Start    string `json:"start"`
	Duration string `json:"duration"`
	State    string `json:"state"`
	History  string `json:"history"`
	// ClientStates and ServerStates are the RFC 9293 states each end went
	// through, its state before the first segment first.
	ClientStates []string `json:"client_states"`
	ServerStates []string `json:"server_states"`
	// Stats are the connection's statistics, with conns --stats.
	Stats *JSONConnStats `json:"stats,omitempty"`
}

// JSONStats is the JSON form of what was read and skipped in an input.
type JSONStats struct {
	Records   int64    `json:"records"`
	Lines     int64    `json:"lines,omitempty"`
	TCP       int64    `json:"tcp"`
	UDP       int64    `json:"udp"`
	ICMP      int64    `json:"icmp"`
	ARP       int64    `json:"arp"`
	OtherIP   int64    `json:"other_ip"`
	NonIP     int64    `json:"non_ip"`
	Fragments int64    `json:"fragments"`
	Malformed int64    `json:"malformed"`
	Truncated int64    `json:"truncated"`
	Other     int64    `json:"other_lines,omitempty"`
	Copies    int64    `json:"copies"`
	Evicted   int64    `json:"evicted"`
	Problems  []string `json:"problems"`
}

// JSONFile is the JSON form of one input's result.
type JSONFile struct {
	Path        string     `json:"path"`
	Error       *string    `json:"error"`
	Connections []JSONConn `json:"connections"`
	Stats       JSONStats  `json:"stats"`
}

// NewJSONConn converts a connection.
func NewJSONConn(c *rules.Conn) JSONConn {
	j := NewBriefConn(c)
	j.Start = c.Start.UTC().Format(time.RFC3339Nano)
	j.ClientStates = stateNames(c.StatePath(rules.FromClient))
	j.ServerStates = stateNames(c.StatePath(rules.FromServer))
	return j
}

// NewBriefConn converts what JUnit and the conns table print of a
// connection: its ID, endpoints, counts, duration, state and history.
func NewBriefConn(c *rules.Conn) JSONConn {
	return JSONConn{
		ID: c.ID, Client: c.Client.String(), Server: c.Server.String(),
		Packets: c.Packets(), Bytes: c.Bytes(),
		Duration: formatDuration(c.Duration()),
		State:    c.ZeekState(), History: c.History(),
	}
}

// stateNames names a path of states.
func stateNames(path []rules.State) []string {
	names := make([]string, len(path))
	for i, s := range path {
		names[i] = s.String()
	}
	return names
}

// NewJSONFile converts one input's result.
func NewJSONFile(f *File) JSONFile {
	jf := JSONFile{Path: f.Path, Connections: []JSONConn{}}
	if f.Err != nil {
		msg := f.Err.Error()
		jf.Error = &msg
	}
	for _, c := range f.Conns {
		jc := NewJSONConn(c)
		if s, ok := f.ConnStats[c]; ok {
			jc.Stats = NewJSONConnStats(s)
		}
		jf.Connections = append(jf.Connections, jc)
	}
	s := &f.Stats
	jf.Stats = JSONStats{Records: s.Records, Lines: s.Lines, TCP: s.TCP, UDP: s.UDP, ICMP: s.ICMP, ARP: s.ARP,
		OtherIP: s.OtherIP, NonIP: s.OtherLink, Fragments: s.Fragments, Malformed: s.Malformed,
		Truncated: s.Truncated, Other: s.Other, Copies: f.Copies, Evicted: f.Evicted, Problems: []string{}}
	for _, p := range s.Problems {
		jf.Stats.Problems = append(jf.Stats.Problems, p.Error())
	}
	return jf
}

// WriteConnsJSON prints the connections of every input as one JSON
// object, one input at a time (see JSONWriter).
func WriteConnsJSON(w io.Writer, r *Report) error {
	fw := filesWriter{w: w}
	for i := range r.Files {
		if err := fw.file(NewJSONFile(&r.Files[i]), r.Files[i].Spool); err != nil {
			return err
		}
	}
	return fw.close(struct {
		Files []JSONFile `json:"files"`
	}{Files: []JSONFile{}})
}

// writeJSON prints v indented, one object per output.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
