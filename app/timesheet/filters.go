package timesheet

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// Presets are the report's date ranges, in the order the form lists them.
var Presets = []struct{ Key, Label string }{
	{"today", "Today"}, {"this_week", "This week"}, {"last_week", "Last week"}, {"this_month", "This month"},
	{"last_month", "Last month"}, {"this_quarter", "This quarter"}, {"custom", "Custom"},
}

// Groups are the report's groupings, in the order the form lists them.
var Groups = []struct {
	Key   model.TimeGroupBy
	Label string
}{
	{model.GroupCompany, "Company"}, {model.GroupContact, "Contact"}, {model.GroupAgent, "Agent"},
	{model.GroupTicket, "Ticket"}, {model.GroupDay, "Day"}, {model.GroupWeek, "Week"}, {model.GroupMonth, "Month"},
}

// Statuses are the ticket statuses the report filters by.
var Statuses = []model.TicketStatus{"open", "pending", "resolved", "closed"}

// Filters are the report's filters as the URL carries them, so a report
// can be bookmarked and shared; Query is what they select.
type Filters struct {
	Preset   string
	From, To string
	Query    model.TimeQuery
}

// ParseFilters reads the report's URL query. Missing values take the
// defaults: this month, grouped by company, billable or not.
func ParseFilters(v url.Values, now time.Time) (Filters, error) {
	f := Filters{Preset: v.Get("period"), From: v.Get("from"), To: v.Get("to")}
	verr := &model.ValidationError{}
	f.Query.From, f.Query.To = f.period(now, verr)
	f.Query.CompanyIDs = ids(v["company"])
	f.Query.ContactID = ids([]string{v.Get("contact")}).first()
	f.Query.AgentID = ids([]string{v.Get("agent")}).first()
	if b := v.Get("billable"); b == "yes" || b == "no" {
		f.Query.Billable = b
	}
	for _, s := range v["status"] {
		if known(s) {
			f.Query.Statuses = append(f.Query.Statuses, model.TicketStatus(s))
		}
	}
	f.Query.Group = model.GroupCompany
	for _, g := range Groups {
		if string(g.Key) == v.Get("group") {
			f.Query.Group = g.Key
		}
	}
	return f, verr.Err()
}

// period resolves the preset, or the custom range, to UTC days.
func (f *Filters) period(now time.Time, verr *model.ValidationError) (time.Time, time.Time) {
	today := Day(now)
	if f.Preset == "" && (f.From != "" || f.To != "") {
		f.Preset = "custom"
	}
	if f.Preset != "custom" {
		from, to, ok := presetRange(f.Preset, today)
		if !ok {
			f.Preset = "this_month"
			from, to, _ = presetRange(f.Preset, today)
		}
		f.From, f.To = from.Format(time.DateOnly), to.Format(time.DateOnly)
		return from, to
	}
	from, err1 := time.Parse(time.DateOnly, f.From)
	to, err2 := time.Parse(time.DateOnly, f.To)
	switch {
	case err1 != nil:
		verr.Add("from", "Enter the first day as YYYY-MM-DD.")
	case err2 != nil:
		verr.Add("to", "Enter the last day as YYYY-MM-DD.")
	case to.Before(from):
		verr.Add("to", "The last day comes before the first.")
	case to.Sub(from) > 10*366*24*time.Hour:
		verr.Add("to", "Choose a period of ten years or less.")
	}
	return from, to
}

// presetRange is a preset's first and last day. Weeks start on Monday.
func presetRange(p string, today time.Time) (time.Time, time.Time, bool) {
	monday := today.AddDate(0, 0, -(int(today.Weekday())+6)%7)
	month := today.AddDate(0, 0, 1-today.Day())
	quarter := month.AddDate(0, -int(month.Month()-1)%3, 0)
	switch p {
	case "today":
		return today, today, true
	case "this_week":
		return monday, monday.AddDate(0, 0, 6), true
	case "last_week":
		return monday.AddDate(0, 0, -7), monday.AddDate(0, 0, -1), true
	case "this_month":
		return month, month.AddDate(0, 1, -1), true
	case "last_month":
		return month.AddDate(0, -1, 0), month.AddDate(0, 0, -1), true
	case "this_quarter":
		return quarter, quarter.AddDate(0, 3, -1), true
	}
	return time.Time{}, time.Time{}, false
}

// Values are the filters as a URL query, the period as the agent chose
// it: a bookmarked "this month" stays this month.
func (f Filters) Values() url.Values {
	v := url.Values{"period": {f.Preset}, "group": {string(f.Query.Group)}}
	if f.Preset == "custom" {
		v.Set("from", f.From)
		v.Set("to", f.To)
	}
	for _, id := range f.Query.CompanyIDs {
		v.Add("company", strconv.FormatInt(id, 10))
	}
	setID(v, "contact", f.Query.ContactID)
	setID(v, "agent", f.Query.AgentID)
	if f.Query.Billable != "" {
		v.Set("billable", f.Query.Billable)
	}
	for _, s := range f.Query.Statuses {
		v.Add("status", string(s))
	}
	return v
}

// Fixed is the filters with the period pinned to its days, for an export
// that runs later than it was asked for.
func (f Filters) Fixed() Filters {
	f.Preset = "custom"
	return f
}

// Encode is Values as a query string.
func (f Filters) Encode() string { return f.Values().Encode() }

func setID(v url.Values, key string, id int64) {
	if id != 0 {
		v.Set(key, strconv.FormatInt(id, 10))
	}
}

type idList []int64

func (l idList) first() int64 {
	if len(l) == 0 {
		return 0
	}
	return l[0]
}

func ids(vals []string) idList {
	var out idList
	for _, s := range vals {
		for _, p := range strings.Split(s, ",") {
			if id, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64); err == nil && id > 0 {
				out = append(out, id)
			}
		}
	}
	return out
}

func known(s string) bool {
	for _, k := range Statuses {
		if string(k) == s {
			return true
		}
	}
	return false
}
