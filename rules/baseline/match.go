package baseline

import "github.com/pcaplint/pcaplint/rules"

// Matcher drops the findings a baseline knows, each key up to its count
// over all the inputs filtered through it.
type Matcher struct {
	left map[Key]int
	// Removed counts the findings dropped so far.
	Removed int
}

// Matcher returns a Matcher of the baseline's findings. The fingerprints
// of a baseline written before durations were folded are folded here.
func (b *Baseline) Matcher() *Matcher {
	left := map[Key]int{}
	for _, e := range b.Findings {
		k := e.Key
		k.Fingerprint = foldDurations(k.Fingerprint) // a baseline of an earlier version
		left[k] += e.Count
	}
	return &Matcher{left: left}
}

// Filter returns the findings of the input path that the baseline does not
// know, in their order, reusing the array of fds.
func (m *Matcher) Filter(path string, fds []rules.Finding) []rules.Finding {
	kept := fds[:0]
	for j := range fds {
		k := KeyOf(&fds[j], path)
		if m.left[k] > 0 {
			m.left[k]--
			m.Removed++
			continue
		}
		kept = append(kept, fds[j])
	}
	return kept
}
