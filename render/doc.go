// Package render turns tracked connections and findings into what people
// read. It is the last stage of pcaplint's pipeline, after package parse
// has read the segments and package rules has followed the connections
// and run the checks:
//
//   - render/report prints a Report (connections, findings and read
//     statistics per input) as text, JSON, SARIF, JUnit, GitHub workflow
//     commands or a Markdown table, one small Printer per format (New);
//   - render/diagram builds a sequence diagram of one or more connections
//     from the segments a diagram.Collector kept beside the rules.Engine
//     (Build), lays it out (Lay), and draws it in sub-packages: svg, png,
//     dot, mermaid, plantuml;
//   - render/graph draws a connection's time-sequence, throughput, RTT
//     and window graphs from the columns a graph.Collector folded its
//     segments into (Draw);
//   - render/drawing is the one registry of the formats diagrams and
//     graphs are drawn in (name, extensions, media type, how each draws),
//     from which the command line's flags, -o's extensions and shell
//     completion are derived, and the writing of drawings to files,
//     directories and pages;
//   - render/explain explains a capture or log segment by segment in plain
//     English or Chinese, as text or Markdown;
//   - render/palette is the one set of severity colours (per light and
//     dark theme) and non-colour cues that diagrams and the HTML report
//     share.
//
// Every renderer escapes strings that come from inputs (file and host
// names), which may be hostile.
package render
