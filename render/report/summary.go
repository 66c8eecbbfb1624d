package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pcaplint/pcaplint/rules"
)

// worstShown is how many files the batch summary names.
const worstShown = 10

// WriteBatchSummary prints, after the text report of many inputs, a line
// per skipped file with why, the totals (files, packets, connections,
// findings by severity), and the files with the most severe findings
// first, in language l (English when empty).
func WriteBatchSummary(w io.Writer, r *Report, l rules.Lang) error {
	if l == rules.Chinese {
		return writeBatchSummaryZh(w, r)
	}
	var b strings.Builder
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "%s: skipped: %s\n", cleanText(s.Path), cleanText(s.Reason))
	}
	failed := r.unread()
	n := r.Counts()
	fmt.Fprintf(&b, "summary: %s (%d read, %d failed, %d skipped), %s, %s; findings: %s, %s, %d info\n",
		plural(len(r.Files)+len(r.Skipped), "file"), len(r.Files)-failed, failed, len(r.Skipped),
		plural(int(r.Packets()), "packet"), plural(r.Conns(), "connection"),
		plural(n[rules.Error], "error"), plural(n[rules.Warning], "warning"), n[rules.Info])
	if worst := worstFiles(r); len(worst) > 0 {
		b.WriteString("worst files:\n")
		for _, f := range worst {
			fmt.Fprintf(&b, "  %s: %s\n", cleanText(f.Path), fileCounts(f))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// worstFiles are the files with findings or errors, those failed first,
// then by most errors, warnings and infos, then path, at most worstShown.
func worstFiles(r *Report) []*File {
	var fs []*File
	for i := range r.Files {
		if f := &r.Files[i]; f.Err != nil || len(f.counts()) > 0 {
			fs = append(fs, f)
		}
	}
	slices.SortStableFunc(fs, func(a, b *File) int {
		if (a.Err != nil) != (b.Err != nil) {
			return map[bool]int{true: -1, false: 1}[a.Err != nil]
		}
		ca, cb := a.counts(), b.counts()
		for _, s := range []rules.Severity{rules.Error, rules.Warning, rules.Info} {
			if c := cmp.Compare(cb[s], ca[s]); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.Path, b.Path)
	})
	return fs[:min(len(fs), worstShown)]
}

// counts tallies the file's findings by severity.
func (f *File) counts() map[rules.Severity]int {
	n := map[rules.Severity]int{}
	f.addCounts(n)
	return n
}

// fileCounts says in words what a file holds for the summary.
func fileCounts(f *File) string {
	n := f.counts()
	s := fmt.Sprintf("%s, %s, %d info", plural(n[rules.Error], "error"), plural(n[rules.Warning], "warning"), n[rules.Info])
	if f.Err != nil {
		s = "failed (" + cleanText(f.Err.Error()) + "); " + s
	}
	return s
}

// writeBatchSummaryZh is WriteBatchSummary in Chinese.
func writeBatchSummaryZh(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "%s：已跳过：%s\n", cleanText(s.Path), cleanText(ErrorText(s.Reason, rules.Chinese)))
	}
	failed := r.unread()
	n := r.Counts()
	fmt.Fprintf(&b, "汇总：%d 个文件（读取 %d 个，失败 %d 个，跳过 %d 个），%d 个包，%d 个连接；检查发现：错误 %d、警告 %d、提示 %d\n",
		len(r.Files)+len(r.Skipped), len(r.Files)-failed, failed, len(r.Skipped), r.Packets(), r.Conns(),
		n[rules.Error], n[rules.Warning], n[rules.Info])
	if worst := worstFiles(r); len(worst) > 0 {
		b.WriteString("问题最多的文件：\n")
		for _, f := range worst {
			c := f.counts()
			s := fmt.Sprintf("错误 %d、警告 %d、提示 %d", c[rules.Error], c[rules.Warning], c[rules.Info])
			if f.Err != nil {
				s = "失败（" + cleanText(ErrorText(f.Err.Error(), rules.Chinese)) + "）；" + s
			}
			fmt.Fprintf(&b, "  %s：%s\n", cleanText(f.Path), s)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
