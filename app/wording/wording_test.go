package wording

import "testing"

func TestCountAndNumber(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "0 rows"}, {1, "1 row"}, {2, "2 rows"}, {999, "999 rows"}, {1000, "1,000 rows"},
		{44000, "44,000 rows"}, {1234567, "1,234,567 rows"}, {-1500, "-1,500 rows"},
	} {
		if got := Count(tc.n, "row"); got != tc.want {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	if got := Number(-123456); got != "-123,456" {
		t.Errorf("Number(-123456) = %q", got)
	}
}

func TestCountOf(t *testing.T) {
	if got := CountOf(1, "entry", "entries"); got != "1 entry" {
		t.Errorf("CountOf(1) = %q", got)
	}
	if got := CountOf(12345, "time entry", "time entries"); got != "12,345 time entries" {
		t.Errorf("CountOf(12345) = %q", got)
	}
}

func TestPick(t *testing.T) {
	for n, want := range map[int]string{0: "were", 1: "was", 2: "were", 1000: "were"} {
		if got := Pick(n, "was", "were"); got != want {
			t.Errorf("Pick(%d) = %q, want %q", n, got, want)
		}
	}
}
