package lang

import "github.com/agext/levenshtein"

// suggest returns the candidate closest to a misspelt name, or "" when none
// is close enough to be a likely typo.
func suggest(name string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if d := levenshtein.Distance(name, c, nil); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}
