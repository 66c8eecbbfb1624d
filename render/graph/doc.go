// Package graph draws the time-series pictures of one TCP connection that
// tcptrace and Wireshark's "TCP Stream Graphs" draw: the time-sequence
// graph (Stevens' and tcptrace's reading), throughput, round-trip time and
// window against time, as self-contained SVG in the diagrams' fonts and
// themes (PNG through render/diagram/png).
//
// A Collector, a rules.Observer beside the rules.Engine, folds every
// segment into at most Columns time columns per connection as it reads
// them, in one pass: the column width starts at a microsecond and doubles,
// merging neighbouring columns, whenever a segment falls past the last
// column. Memory therefore grows with the connections kept, never with
// their length, and standard input is drawn like a file. A column keeps
// the extremes and sums a picture needs (lowest and highest sequence
// number sent, bytes new and resent, the last ACK and window, RTT
// samples), so a drawn column is exact about what it shows; a graph whose
// columns hold more than one segment says so in its legend.
package graph
