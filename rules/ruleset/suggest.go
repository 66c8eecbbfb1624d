package ruleset

// maxSuggestLen is the longest word for which a suggestion is sought.
const maxSuggestLen = 64

// Suggest returns " (did you mean X?)" for the known word closest to s in
// edit distance, when it is close enough to be a likely typo, else "".
func Suggest(s string, known []string) string {
	if len(s) > maxSuggestLen {
		return "" // edit distance is quadratic: no hostile key makes it slow
	}
	best, bestDist := "", len(s)/2+2
	for _, k := range known {
		if d := levenshtein(s, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return ""
	}
	return " (did you mean " + best + "?)"
}

// levenshtein is the edit distance between a and b in bytes: insertions,
// deletions and substitutions, each counting one.
func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
