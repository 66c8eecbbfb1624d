package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"
)

// WriteConnsTable prints one row per connection, and under each input a line
// counting what was read and skipped. The connections come from f.Spool
// when it is set (SpoolBrief), else from f.Conns.
func WriteConnsTable(w io.Writer, r *Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	for i, f := range r.Files {
		if i > 0 {
			fmt.Fprintln(bw)
		}
		if len(r.Files) > 1 {
			fmt.Fprintf(bw, "%s\n", cleanText(f.Path))
		}
		if len(f.Conns) > 0 || (f.Spool != nil && f.Spool.Len() > 0) || f.Err == nil {
			if err := writeConnRows(bw, &f); err != nil {
				return err
			}
		}
		if f.ConnStats != nil {
			tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
			writeStatsTable(tw, &f)
			if err := tw.Flush(); err != nil {
				return err
			}
		}
		fmt.Fprintf(bw, "%s\n", cleanText(Summary(&f)))
	}
	return bw.Flush()
}

// connHeader is the head of the connections' columns; the last, HISTORY,
// is not padded.
var connHeader = connRow{"ID", "CLIENT", "SERVER", "PACKETS", "BYTES", "DURATION", "STATE", "HISTORY"}

// connRow is a connection's cells in the table.
type connRow [8]string

// eachConnRow calls fn with the row of every connection of f, in ID order.
func eachConnRow(f *File, fn func(*connRow) error) error {
	row := func(c *JSONConn) *connRow {
		return &connRow{strconv.Itoa(c.ID), cleanText(c.Client), cleanText(c.Server), strconv.FormatInt(c.Packets, 10),
			strconv.FormatInt(c.Bytes, 10), c.Duration, c.State, c.History}
	}
	if f.Spool != nil {
		return f.Spool.Each(func(c *JSONConn) error { return fn(row(c)) })
	}
	for _, c := range f.Conns {
		jc := NewBriefConn(c)
		if err := fn(row(&jc)); err != nil {
			return err
		}
	}
	return nil
}

// writeConnRows prints the header and a row per connection of f, each
// column as wide as its widest cell and two spaces, as text/tabwriter
// aligns them, in two passes over the connections rather than holding
// them: a SYN flood's table has millions of rows.
func writeConnRows(w io.Writer, f *File) error {
	var width [len(connHeader) - 1]int
	widen := func(r *connRow) error {
		for i := range width {
			width[i] = max(width[i], utf8.RuneCountInString(r[i]))
		}
		return nil
	}
	widen(&connHeader)
	if err := eachConnRow(f, widen); err != nil {
		return err
	}
	pad := strings.Repeat(" ", slices.Max(width[:])+2)
	line := func(r *connRow) error {
		for i, n := range width {
			io.WriteString(w, r[i])
			io.WriteString(w, pad[:n+2-utf8.RuneCountInString(r[i])])
		}
		_, err := io.WriteString(w, r[len(r)-1]+"\n")
		return err
	}
	line(&connHeader)
	return eachConnRow(f, line)
}

// Summary is a one-line account of an input: connections, packets, and
// every kind of record that was skipped, so that nothing goes unmentioned.
func Summary(f *File) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s", plural(max(len(f.Conns), f.ConnCount), "connection"), plural(int(f.Stats.TCP), "TCP segment"))
	if f.Stats.Lines > 0 {
		fmt.Fprintf(&b, " from %d lines", f.Stats.Lines)
	} else {
		fmt.Fprintf(&b, " in %d packets", f.Stats.Records)
	}
	var skipped []string
	add := func(n int64, what string) {
		if n > 0 {
			skipped = append(skipped, strconv.FormatInt(n, 10)+" "+what)
		}
	}
	add(f.Stats.UDP, "UDP")
	add(f.Stats.ICMP, "ICMP")
	add(f.Stats.ARP, "ARP")
	add(f.Stats.OtherIP, "other IP")
	add(f.Stats.OtherLink, "non-IP")
	add(f.Stats.Fragments, "IP fragments")
	add(f.Stats.Malformed, "malformed")
	add(f.Stats.Other, "non-packet lines")
	if len(skipped) > 0 {
		b.WriteString("; skipped " + strings.Join(skipped, ", "))
	}
	if f.Stats.Truncated > 0 {
		fmt.Fprintf(&b, "; %d segments truncated by the snapshot length", f.Stats.Truncated)
	}
	if f.Copies > 0 {
		fmt.Fprintf(&b, "; %d copies on other interfaces counted once", f.Copies)
	}
	if f.Evicted > 0 {
		fmt.Fprintf(&b, "; %d connections evicted from a full table", f.Evicted)
	}
	if f.Err != nil {
		b.WriteString("; stopped early: " + f.Err.Error())
	}
	return b.String()
}

// formatDuration prints a duration with microsecond precision at most.
func formatDuration(d time.Duration) string {
	return d.Round(time.Microsecond).String()
}

// plural writes "1 connection", "2 connections".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
