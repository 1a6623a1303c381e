package web

import (
	"fmt"
	"net/url"
	"slices"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/timesheet"
	"github.com/portico-hub/portico/app/wording"
)

// The template functions of time tracking and its report.
func init() {
	funcs["hhmm"] = timesheet.HHMM
	funcs["decimal"] = timesheet.Decimal
	funcs["elapsed"] = func(t time.Time, now int64) string { return clock(time.Unix(now, 0).Sub(t)) }
	funcs["duration"] = duration
	funcs["entries"] = func(n int) string { return wording.CountOf(n, "entry", "entries") }
	funcs["timeEntries"] = func(n int) string { return wording.CountOf(n, "time entry", "time entries") }
	funcs["sub"] = func(a, b int) int { return a - b }
	funcs["urlq"] = url.QueryEscape
	funcs["hasStatus"] = slices.Contains[[]model.TicketStatus]
	funcs["fields"] = func(f timeForm, errs map[string]string, prefix, today string) timeFields {
		return timeFields{Form: f, Errors: errs, Prefix: prefix, Today: today}
	}
}

// timeFields is what the entry fields template needs: one form's values
// and errors, and ids unique to the form.
type timeFields struct {
	Form   timeForm
	Errors map[string]string
	Prefix string
	Today  string
}

// clock writes a running timer's time as h:mm:ss; the page's script
// keeps it ticking.
func clock(d time.Duration) string {
	s := int64(max(d, 0) / time.Second)
	return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
}

// duration says how long a timer ran in words: "2 days 3 h", "9 h 5 min".
func duration(d time.Duration) string {
	m := int64(d / time.Minute)
	days, h, mins := m/(24*60), m/60%24, m%60
	if days > 0 {
		return fmt.Sprintf("%s %d h", count(int(days), "day"), h)
	}
	return fmt.Sprintf("%d h %d min", h, mins)
}
