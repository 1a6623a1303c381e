package imports

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the unambiguous ways spreadsheets and people write a
// date, tried in order. Go reads "1" and "2" as one or two digits.
var dateLayouts = []string{
	"2006-1-2", "2006/1/2", "2006.1.2", "20060102",
	time.RFC3339, "2006-1-2T15:04:05", "2006-1-2 15:04:05", "2006-1-2 15:04", "2006/1/2 15:04:05",
	"Jan 2, 2006", "January 2, 2006", "Jan 2 2006", "January 2 2006",
	"2 Jan 2006", "2 January 2006", "2-Jan-2006", "2-Jan-06", "Mon, 2 Jan 2006", "Monday, January 2, 2006",
}

// dayMonthYear matches 31/12/2026, 12-31-2026 and 31.12.2026, whose
// order of day and month only the numbers can tell.
var dayMonthYear = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

// koreanDate matches 2026년 12월 31일 and 2026. 12. 31.
var koreanDate = regexp.MustCompile(`^(\d{4})\s*(?:년|\.)\s*(\d{1,2})\s*(?:월|\.)\s*(\d{1,2})\s*(?:일|\.)?$`)

// readDate reads a renewal date and returns it as YYYY-MM-DD, the form
// the company form takes, or a message saying why it cannot. A blank
// cell is no date.
func readDate(v string) (iso, problem string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", ""
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, v); err == nil {
			return t.Format(time.DateOnly), ""
		}
	}
	if m := koreanDate.FindStringSubmatch(v); m != nil {
		return ymd(v, m[1], m[2], m[3])
	}
	if m := dayMonthYear.FindStringSubmatch(v); m != nil {
		return dayOrMonthFirst(v, m[1], m[2], m[3])
	}
	return "", notADate(v)
}

// dayOrMonthFirst reads a/b/year as day/month when a cannot be a month,
// as month/day when b cannot, and refuses to guess when both can.
func dayOrMonthFirst(v, a, b, year string) (string, string) {
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	switch {
	case x == y || y > 12:
		return ymd(v, year, a, b)
	case x > 12:
		return ymd(v, year, b, a)
	}
	dm, bad1 := ymd(v, year, b, a)
	md, bad2 := ymd(v, year, a, b)
	if bad1 != "" || bad2 != "" {
		return "", notADate(v)
	}
	return "", fmt.Sprintf("“%s” could be %s or %s: write it as YYYY-MM-DD, such as %s.", v, long(dm), long(md), dm)
}

// ymd checks that year, month and day make a real date.
func ymd(v, year, month, day string) (string, string) {
	y, _ := strconv.Atoi(year)
	m, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return "", notADate(v)
	}
	return t.Format(time.DateOnly), ""
}

func long(iso string) string {
	t, _ := time.Parse(time.DateOnly, iso)
	return t.Format("2 January 2006")
}

func notADate(v string) string {
	return "“" + v + "” is not a date: write it as YYYY-MM-DD, such as 2026-12-31."
}
