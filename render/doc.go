// Package render turns tracked connections and findings into what people
// read: reports (package render/report) and diagrams.
package render
