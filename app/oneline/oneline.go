package oneline

import "strings"

// Clean trims a one-line value and folds inner runs of white space and
// control characters into single spaces. A value that is clean already,
// as nearly every imported cell is, comes back as it is, without being
// split and joined again.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, isBlank), " ")
}

func isBlank(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r < 0x20 || r == 0x7f || r == '\u00a0'
}

// isClean reports whether Clean would leave s as it is: no blank but
// single spaces between words.
func isClean(s string) bool {
	afterBlank := true // a leading space is not clean
	for _, r := range s {
		blank := isBlank(r)
		if blank && (r != ' ' || afterBlank) {
			return false
		}
		afterBlank = blank
	}
	return s == "" || !afterBlank
}
