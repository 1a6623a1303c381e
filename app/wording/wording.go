package wording

import "strconv"

// Count says how many of noun there are: "1 row", "0 rows",
// "1,000 rows", for a noun whose plural takes an s.
func Count(n int, noun string) string {
	return CountOf(n, noun, noun+"s")
}

// CountOf is Count for a noun whose plural is not one with an s:
// "1 entry", "12,345 entries".
func CountOf(n int, one, many string) string {
	return Number(n) + " " + Pick(n, one, many)
}

// Number writes n with thousands separators: 1,000,000.
func Number(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Pick says one when n is 1 and many otherwise, for the words Count
// cannot make: "was" or "were", "delivery" or "deliveries".
func Pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
