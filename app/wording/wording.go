package wording

import "strconv"

// Count says how many of noun there are: "1 row", "0 rows",
// "1,000 rows". Every noun Portico counts takes an s.
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return Number(n) + " " + noun + "s"
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
