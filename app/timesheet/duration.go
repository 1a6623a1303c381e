package timesheet

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// MaxDay is the most time one entry, or one agent's day, may hold.
const MaxDay = 24 * 60 * 60

var (
	clockForm = regexp.MustCompile(`^(\d{1,3}):(\d{1,2})$`)
	unitForm  = regexp.MustCompile(`^(?:(\d+(?:[.,]\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?$`)
	decForm   = regexp.MustCompile(`^\d+(?:[.,]\d+)?$`)
)

// ParseDuration reads time as agents type it: "1:30" (hours and
// minutes), "1.5" or "1,5" (decimal hours), or "1h 30m", "2h", "45m".
// It returns whole seconds, or a message for the form's time field:
// nothing, zero, a negative time or more than 24 hours are refused.
func ParseDuration(s string) (int64, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, model.Invalid("time", "Enter the time spent, such as 1:30, 1.5 or 1h 30m.")
	}
	if strings.HasPrefix(s, "-") {
		return 0, model.Invalid("time", "Time spent cannot be negative.")
	}
	sec, ok := parseForms(s)
	switch {
	case !ok:
		return 0, model.Invalid("time", fmt.Sprintf("%q is not a time we can read; write it as 1:30, 1.5 or 1h 30m.", s))
	case sec <= 0:
		return 0, model.Invalid("time", "Time spent must be more than zero.")
	case sec > MaxDay:
		return 0, model.Invalid("time", "That is more than 24 hours; one entry holds at most a day's work.")
	}
	return sec, nil
}

func parseForms(s string) (int64, bool) {
	if m := clockForm.FindStringSubmatch(s); m != nil {
		h, _ := strconv.ParseInt(m[1], 10, 64)
		mins, _ := strconv.ParseInt(m[2], 10, 64)
		return h*3600 + mins*60, mins < 60
	}
	if decForm.MatchString(s) {
		return hoursToSeconds(s)
	}
	m := unitForm.FindStringSubmatch(s)
	if m == nil || (m[1] == "" && m[2] == "") {
		return 0, false
	}
	var sec int64
	if m[1] != "" {
		h, ok := hoursToSeconds(m[1])
		if !ok {
			return 0, false
		}
		sec = h
	}
	if m[2] != "" {
		mins, err := strconv.ParseInt(m[2], 10, 64)
		if err != nil || mins > 24*60 {
			return 0, false
		}
		sec += mins * 60
	}
	return sec, true
}

func hoursToSeconds(s string) (int64, bool) {
	h, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || h > 1000 {
		return 0, false
	}
	return int64(h*3600 + 0.5), true
}

// HHMM writes seconds as hours and minutes, "1:30", rounded to the
// nearest minute.
func HHMM(sec int64) string {
	m := (sec + 30) / 60
	return fmt.Sprintf("%d:%02d", m/60, m%60)
}

// Decimal writes seconds as decimal hours with two places, "1.50".
func Decimal(sec int64) string {
	return strconv.FormatFloat(float64(sec)/3600, 'f', 2, 64)
}
