package report

// A FileWriter prints a report one input at a time (File), as each is
// done, and what follows the inputs at Close: the streaming form of the
// JSON, JUnit, SARIF, Markdown, text and GitHub printers.
type FileWriter interface {
	File(f *File) error
	Close(r *Report) error
}

// printEach prints r through fw, an input at a time; when an input cannot
// be printed, discard (if any) lets go of what fw holds before the error
// is returned.
func printEach(fw FileWriter, r *Report, discard func()) error {
	for i := range r.Files {
		if err := fw.File(&r.Files[i]); err != nil {
			if discard != nil {
				discard()
			}
			return err
		}
	}
	return fw.Close(r)
}
