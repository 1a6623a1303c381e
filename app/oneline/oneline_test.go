package oneline

import (
	"strings"
	"testing"
)

// TestCleanKeepsCleanValues checks the shortcut for values that are clean
// already against splitting and joining, which Clean does otherwise.
func TestCleanKeepsCleanValues(t *testing.T) {
	for _, s := range []string{"", "Ann", "Ann Lee", " Ann", "Ann ", "Ann  Lee", "Ann\tLee", "Ann\u00a0Lee", "Ann\x00",
		"\x7f", " ", "a b c", "김 민준", "Ann\xffLee", "Ann \xff", "\r\n", "A\u2028B"} {
		want := strings.Join(strings.FieldsFunc(s, isBlank), " ")
		if got := Clean(s); got != want {
			t.Errorf("Clean(%q) = %q, want %q", s, got, want)
		}
		if isClean(s) != (s == want) {
			t.Errorf("isClean(%q) = %v, but Clean changes it to %q", s, isClean(s), want)
		}
	}
}
