package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// WriteConnsTable prints one row per connection, and under each input a line
// counting what was read and skipped.
func WriteConnsTable(w io.Writer, r *Report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, f := range r.Files {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		if len(r.Files) > 1 {
			fmt.Fprintf(tw, "%s\n", cleanText(f.Path))
		}
		if len(f.Conns) > 0 || f.Err == nil {
			fmt.Fprintln(tw, "ID\tCLIENT\tSERVER\tPACKETS\tBYTES\tDURATION\tSTATE\tHISTORY")
		}
		for _, c := range f.Conns {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", c.ID, cleanText(c.Client.String()), cleanText(c.Server.String()),
				c.Packets(), c.Bytes(), formatDuration(c.Duration()), c.ZeekState(), c.History())
		}
		if f.ConnStats != nil {
			writeStatsTable(tw, &f)
		}
		fmt.Fprintf(tw, "%s\n", cleanText(Summary(&f)))
	}
	return tw.Flush()
}

// Summary is a one-line account of an input: connections, packets, and
// every kind of record that was skipped, so that nothing goes unmentioned.
func Summary(f *File) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s", plural(len(f.Conns), "connection"), plural(int(f.Stats.TCP), "TCP segment"))
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
