package address

import "testing"

func TestProblem(t *testing.T) {
	long := string(make([]byte, 250)) + "@example.com"
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"ann@example.com", false},
		{"", true},
		{"Ann <ann@example.com>", true},
		{"ann@localhost", true},
		{"ann", true},
		{long, true},
	} {
		if got := Problem(tc.in) != ""; got != tc.want {
			t.Errorf("Problem(%q) = %q, want a problem: %v", tc.in, Problem(tc.in), tc.want)
		}
	}
}
