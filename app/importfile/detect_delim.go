package importfile

import (
	"path/filepath"
	"strings"
)

// sampleRecords is how many records of the sample decide the delimiter.
const sampleRecords = 50

// detectDelimiter picks the candidate that splits the sampled records most
// consistently: the most records with the same, non-zero number of
// delimiters outside quotes. Decimal commas in a semicolon file vary from
// row to row; the semicolons do not. With nothing to go on it is a comma.
func detectDelimiter(text, name string) rune {
	candidates := []rune{',', ';', '\t'}
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".tsv" || ext == ".tab" {
		candidates = []rune{'\t', ',', ';'}
	}
	best, bestAgree, bestCount := candidates[0], 0, 0
	for _, d := range candidates {
		agree, count := consistency(delimiterCounts(text, d))
		if agree > bestAgree || (agree == bestAgree && count > bestCount) {
			best, bestAgree, bestCount = d, agree, count
		}
	}
	return best
}

// delimiterCounts counts d outside quotes in each record of text. A record
// cut off at the end of the sample is left out unless it is the only one.
func delimiterCounts(text string, d rune) []int {
	var counts []int
	n, inQuote, blank := 0, false, true
	for _, r := range text {
		switch {
		case r == '"':
			inQuote = !inQuote
		case inQuote:
		case r == d:
			n++
		case r == '\n' || r == '\r':
			if !blank {
				counts = append(counts, n)
			}
			n, blank = 0, true
			if len(counts) == sampleRecords {
				return counts
			}
			continue
		}
		blank = false
	}
	if !blank && len(counts) == 0 {
		counts = append(counts, n)
	}
	return counts
}

// consistency returns how many counts agree on the most common non-zero
// value, and that value (the larger one on a tie).
func consistency(counts []int) (agree, value int) {
	freq := map[int]int{}
	for _, c := range counts {
		if c > 0 {
			freq[c]++
		}
	}
	for v, f := range freq {
		if f > agree || (f == agree && v > value) {
			agree, value = f, v
		}
	}
	return agree, value
}
