package timesheet

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/portico-hub/portico/app/model"
)

// MaxNote is the longest note an entry keeps, in characters.
const MaxNote = 2000

// Input is an entry as the form sends it.
type Input struct {
	Time     string
	Date     string
	Note     string
	Billable bool
}

// Validate reads the form into an edit. The day may not be in the future
// (today is UTC's) nor before 2000.
func (in Input) Validate(now time.Time) (model.TimeEdit, error) {
	v := &model.ValidationError{}
	sec, err := ParseDuration(in.Time)
	if ve, ok := err.(*model.ValidationError); ok {
		v.Add("time", ve.Fields["time"])
	}
	day, derr := time.Parse(time.DateOnly, strings.TrimSpace(in.Date))
	today := Day(now)
	switch {
	case derr != nil:
		v.Add("date", "Enter the day the work was done, as YYYY-MM-DD.")
	case day.After(today):
		v.Add("date", "The day cannot be in the future.")
	case day.Year() < 2000:
		v.Add("date", "The day must be in 2000 or later.")
	}
	note := strings.TrimSpace(in.Note)
	if utf8.RuneCountInString(note) > MaxNote {
		v.Add("note", "Keep the note under 2,000 characters.")
	}
	return model.TimeEdit{WorkDate: day, Seconds: sec, Billable: in.Billable, Note: note}, v.Err()
}

// Day is t's UTC day, at midnight.
func Day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
