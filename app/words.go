package app

import "fmt"

// count words n things for the terminal: "1 row", "2 rows", "0 rows".
// Every noun the commands count takes an s.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
