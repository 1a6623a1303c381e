package app

import "fmt"

// count words n things for the terminal: "1 row", "2 rows", "0 rows",
// "44,000 rows". Every noun the commands count takes an s.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return number(n) + " " + noun + "s"
}

// number writes n with thousands separators, as the web pages do:
// 200,000.
func number(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
