package report

// OneLine escapes control characters in s as the text report does, for
// messages printed outside a report. Diagnostics on standard error carry
// file names and input text; a newline in a file name would start a line
// of its own, which CI systems parse (GitHub's "::error::" workflow
// commands among them).
func OneLine(s string) string { return cleanText(s) }
