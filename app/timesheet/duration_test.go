package timesheet

import (
	"strings"
	"testing"
)

func TestParseDuration(t *testing.T) {
	good := []struct {
		in   string
		want int64
	}{
		{"1:30", 5400}, {"01:05", 3900}, {"0:01", 60}, {"24:00", 86400},
		{"1.5", 5400}, {"1,25", 4500}, {"2", 7200}, {"0.25", 900},
		{"1h 30m", 5400}, {"1h30m", 5400}, {"2h", 7200}, {"45m", 2700}, {"90 min", 5400},
		{"1.5h", 5400}, {" 3 hours ", 10800}, {"1H 5M", 3900},
	}
	for _, c := range good {
		got, err := ParseDuration(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDuration(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, msg string }{
		{"", "Enter the time"}, {"-1:00", "negative"}, {"-2", "negative"}, {"0", "more than zero"},
		{"0:00", "more than zero"}, {"0h 0m", "more than zero"}, {"25:00", "more than 24 hours"},
		{"30h", "more than 24 hours"}, {"1:75", "not a time"}, {"abc", "not a time"}, {"1:30:00", "not a time"},
		{"1e3", "not a time"}, {"h", "not a time"}, {"99999999999999999999", "not a time"}, {"NaN", "not a time"},
	}
	for _, c := range bad {
		_, err := ParseDuration(c.in)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseDuration(%q) = %v; want an error saying %q", c.in, err, c.msg)
		}
	}
}

func TestFormats(t *testing.T) {
	for _, c := range []struct {
		sec       int64
		hhmm, dec string
	}{{5400, "1:30", "1.50"}, {59, "0:01", "0.02"}, {86400, "24:00", "24.00"}, {0, "0:00", "0.00"}, {3629, "1:00", "1.01"}} {
		if HHMM(c.sec) != c.hhmm || Decimal(c.sec) != c.dec {
			t.Errorf("%d: %s %s; want %s %s", c.sec, HHMM(c.sec), Decimal(c.sec), c.hhmm, c.dec)
		}
	}
}
