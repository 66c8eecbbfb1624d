// Package diagram turns a TCP conversation into a sequence diagram: a model
// of lanes and rows (Build), folding of long steady runs, and a layout that
// places every line, arrow, label and state pill (Lay). It is pure: the
// output formats live in sub-packages (dot, svg, png, mermaid, plantuml)
// and only draw what this package decided.
package diagram
