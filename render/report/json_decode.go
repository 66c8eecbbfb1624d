package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/pcaplint/pcaplint/parse/tcp"
	"github.com/pcaplint/pcaplint/rules"
)

// ParseJSON reads a report of lint --format json (a shard's, for Merge).
func ParseJSON(data []byte) (*JSONReport, error) {
	var doc JSONReport
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("not a JSON report of pcaplint lint: %w", err)
	}
	if doc.Files == nil {
		return nil, errors.New(`not a JSON report of pcaplint lint: no "files"`)
	}
	return &doc, nil
}

// Report turns a decoded JSON report back into a Report, so that reports
// merged from several runs print in every format. What JSON leaves out
// stays out: connections keep their ID and endpoints, findings their
// position but not their time, and input problems are not carried.
func (j *JSONReport) Report() (*Report, error) {
	r := &Report{Files: make([]File, 0, len(j.Files))}
	for i := range j.Files {
		f, err := j.Files[i].file()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", j.Files[i].Path, err)
		}
		r.Files = append(r.Files, f)
	}
	for _, s := range j.Skipped {
		r.Skipped = append(r.Skipped, Skip(s))
	}
	for _, s := range j.Unread {
		r.Interrupted = append(r.Interrupted, Skip(s))
	}
	return r, nil
}

func (jf *JSONLintFile) file() (File, error) {
	s := jf.Stats
	f := File{Path: jf.Path, Copies: s.Copies, Evicted: s.Evicted, Stats: tcp.Stats{
		Records: s.Records, Lines: s.Lines, TCP: s.TCP, UDP: s.UDP, ICMP: s.ICMP, ARP: s.ARP, OtherIP: s.OtherIP,
		OtherLink: s.NonIP, Fragments: s.Fragments, Malformed: s.Malformed, Truncated: s.Truncated, Other: s.Other}}
	if jf.Error != nil {
		f.Err = errors.New(*jf.Error)
	}
	for _, u := range jf.Unchecked {
		f.Unchecked = append(f.Unchecked, Unchecked(u))
	}
	l := jf.CaptureLoss
	f.Loss = rules.CaptureLoss{Acks: l.Acks, GapAcks: l.GapAcks, GapBytes: l.GapBytes}
	if l.KernelDrops != nil {
		f.Stats.KernelDrops, f.Stats.DropReports = *l.KernelDrops, 1
	}
	for _, jc := range jf.Connections {
		ref, err := connRef(jc.ID, jc.Client, jc.Server)
		if err != nil {
			return f, err
		}
		f.Conns = append(f.Conns, &rules.Conn{ID: ref.ID, Client: ref.Client, Server: ref.Server})
	}
	for _, jd := range jf.Findings {
		sev, err := rules.ParseSeverity(jd.Severity)
		if err != nil {
			return f, fmt.Errorf("finding %s: %w", jd.Rule, err)
		}
		ref, err := connRef(jd.Conn.ID, jd.Conn.Client, jd.Conn.Server)
		if err != nil {
			return f, err
		}
		fd := rules.Finding{Rule: jd.Rule, Severity: sev, Message: jd.Message,
			Pos: tcp.Pos{Line: jd.Line, Packet: jd.Packet, Offset: jd.Offset}, Conn: ref}
		if jd.MessageLocalized != "" {
			fd.Text = readBackText(jd.Rule, jd.Message, jd.MessageLocalized)
		}
		f.Findings = append(f.Findings, fd)
	}
	return f, nil
}

func connRef(id int, client, server string) (rules.ConnRef, error) {
	c, err := parseEndpoint(client)
	if err != nil {
		return rules.ConnRef{}, fmt.Errorf("connection %d: %w", id, err)
	}
	s, err := parseEndpoint(server)
	if err != nil {
		return rules.ConnRef{}, fmt.Errorf("connection %d: %w", id, err)
	}
	return rules.ConnRef{ID: id, Client: c, Server: s}, nil
}

// parseEndpoint reads what tcp.Endpoint.String prints: "host:port", with
// IPv6 addresses in brackets and host names as they were.
func parseEndpoint(s string) (tcp.Endpoint, error) {
	k := strings.LastIndexByte(s, ':')
	if k < 0 {
		return tcp.Endpoint{}, fmt.Errorf("endpoint %q has no port", s)
	}
	port, err := strconv.ParseUint(s[k+1:], 10, 16)
	if err != nil {
		return tcp.Endpoint{}, fmt.Errorf("endpoint %q: bad port", s)
	}
	host := s[:k]
	e := tcp.Endpoint{Port: uint16(port)}
	if a, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")); err == nil {
		e.Addr = a
	} else {
		e.Name = host
	}
	return e, nil
}

// readBackText is the Text of a finding read back from a report of lint
// --lang zh, which holds the message in English and in Chinese
// (message_localized, which lint writes for Chinese only), so that the
// merged report prints it in either language.
func readBackText(rule, en, zh string) *rules.Text {
	verbatim := strings.NewReplacer("%", "%%")
	return &rules.Text{Msg: &rules.Texts{Key: rule, En: verbatim.Replace(en), Zh: verbatim.Replace(zh)}}
}
