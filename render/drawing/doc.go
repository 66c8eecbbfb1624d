// Package drawing is the one place that knows the formats pcaplint draws
// diagrams and time graphs in. Each Format says its name, the file name
// extensions that choose it, its media type, whether it is binary, and how
// a diagram (package diagram) or a graph (package graph) is drawn in it;
// the registries Diagrams and Graphs list which formats each drawing
// supports. The command line's --format values and their help, the
// mapping of -o's extension to a format, and shell completion are all
// derived from these lists, so a new format is one entry here.
//
// It also writes drawings where the command line says: WriteDiagrams and
// WriteGraphs to a file, standard output, a directory of one file per
// connection, or pages; Dir lays out a batch's diagrams and graphs under
// one directory, a safe directory per input (DrawInto in package pcaplint
// fills it while a batch is read, Found finds what it wrote).
package drawing
