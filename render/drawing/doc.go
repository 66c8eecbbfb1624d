// Package drawing is the one place that knows the formats pcaplint draws
// diagrams and time graphs in. Each Format says its name, the file name
// extensions that choose it, its media type, whether it is binary, and how
// a diagram (package diagram) or a graph (package graph) is drawn in it;
// the registries Diagrams and Graphs list which formats each drawing
// supports. The command line's --format values and their help, the
// mapping of -o's extension to a format, and shell completion are all
// derived from these lists, so a new format is one entry here.
package drawing
