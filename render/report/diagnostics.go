package report

import (
	"fmt"
	"strings"

	"github.com/pcaplint/pcaplint/rules"
)

// Diagnostics are what a run says on standard error after its report,
// beside the inputs' own problems: the command prints them and exits 2
// when they make the run fail.
type Diagnostics struct {
	// Errs are errors beside the inputs': custom rules' evaluation,
	// drawings, the HTML page, a merge's problems.
	Errs []error
	// Empty are the directories and patterns that yielded no input read.
	Empty []string
	// AllowEmpty accepts inputs without TCP and empty directories and
	// patterns: they are still said, and do not fail the run.
	AllowEmpty bool
	// Lang is the language of what is said about the inputs.
	Lang rules.Lang
}

// Text is what d says about r, a line each: the errors, every input's
// problems (InputProblems), the inputs an interruption left unread, and
// those of which nothing could be checked with the directories and
// patterns that yielded none; failed is set when any of them fails the
// run (all do but empty ones with AllowEmpty).
func (d Diagnostics) Text(r *Report) (text string, failed bool) {
	var b strings.Builder
	for _, e := range d.Errs {
		fmt.Fprintf(&b, "pcaplint: error: %s\n", OneLine(e.Error()))
	}
	problems, inputFailed := InputProblems(r, d.Lang)
	b.WriteString(problems)
	if len(r.Interrupted) > 0 {
		format := "pcaplint: interrupted: %d inputs not processed:\n"
		if d.Lang == rules.Chinese {
			format = "pcaplint: 运行被中断：%d 个输入没有处理：\n"
		}
		fmt.Fprintf(&b, format, len(r.Interrupted))
		for _, u := range r.Interrupted {
			fmt.Fprintf(&b, "  %s (%s)\n", OneLine(u.Path), ErrorText(u.Reason, d.Lang))
		}
	}
	unchecked := d.notChecked(&b, r)
	return b.String(), inputFailed || unchecked || len(d.Errs) > 0 || len(r.Interrupted) > 0
}

// notChecked writes the inputs of which nothing could be checked, and the
// directories and patterns that yielded no input, and reports whether any
// of them fails the run. An input that failed is said by InputProblems.
func (d Diagnostics) notChecked(b *strings.Builder, r *Report) bool {
	fail := false
	empty := "pcaplint: error: %s (--allow-empty accepts it)\n"
	if d.Lang == rules.Chinese {
		empty = "pcaplint: 错误：%s（--allow-empty 可以接受）\n"
	}
	for _, e := range d.Empty {
		if !d.AllowEmpty {
			fmt.Fprintf(b, empty, OneLine(ErrorText(e, d.Lang)))
			fail = true
		}
	}
	for _, f := range r.Files {
		for _, u := range f.Unchecked {
			if !u.All || f.Err != nil || (d.AllowEmpty && u.Reason == UncheckedNoTCP) {
				continue
			}
			format, hint := "pcaplint: error: %s: nothing checked: %s%s\n", " (--allow-empty accepts it)"
			if d.Lang == rules.Chinese {
				format, hint = "pcaplint: 错误：%s：什么都没有检查：%s%s\n", "（--allow-empty 可以接受）"
			}
			if u.Reason != UncheckedNoTCP {
				hint = ""
			}
			fmt.Fprintf(b, format, OneLine(f.Path), OneLine(f.UncheckedText(u, d.Lang)), hint)
			fail = true
		}
	}
	return fail
}

// InputProblems is what is said on standard error of every input's
// problems, a line each in language l: the warnings of what was read, how
// many more were not shown, and the error that stopped an input, which
// sets failed.
func InputProblems(r *Report, l rules.Lang) (text string, failed bool) {
	var b strings.Builder
	warning, errorWord, more := "pcaplint: warning: %s\n", "pcaplint: error: %s\n", "pcaplint: warning: %s: %d more problems not shown\n"
	if l == rules.Chinese {
		warning, errorWord, more = "pcaplint: 警告：%s\n", "pcaplint: 错误：%s\n", "pcaplint: 警告：%s：还有 %d 个问题没有列出\n"
	}
	for _, f := range r.Files {
		for _, p := range f.Stats.Problems {
			if !p.Fatal {
				fmt.Fprintf(&b, warning, OneLine(ErrorText(p.Error(), l)))
			}
		}
		if f.Stats.MoreProblems > 0 {
			fmt.Fprintf(&b, more, OneLine(f.Path), f.Stats.MoreProblems)
		}
		if f.Err != nil {
			fmt.Fprintf(&b, errorWord, OneLine(ErrorText(f.Err.Error(), l)))
			failed = true
		}
	}
	return b.String(), failed
}
