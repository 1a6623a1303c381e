package timesheet

import (
	"context"
	"sort"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// MaxShown is how many groups the report lists; the totals count all.
const MaxShown = 200

// MaxEntries is how many entries a group shows on screen; exports hold
// every entry.
const MaxEntries = 500

// Report is the Time Sheet Summary for some filters.
type Report struct {
	Filters Filters
	// Groups are the groups shown: the largest first, or in date order.
	Groups []model.TimeGroup
	// More counts the groups beyond those shown.
	More   int
	Totals model.TimeTotals
	Chart  Chart
}

// Summary builds the report: the entries the filters select, summed per
// group, with grand totals and the chart.
func (s *Service) Summary(ctx context.Context, f Filters) (*Report, error) {
	gs, err := s.Store.TimeSummary(ctx, f.Query)
	if err != nil {
		return nil, err
	}
	gs = arrange(f.Query.Group, gs)
	r := &Report{Filters: f}
	for _, g := range gs {
		r.Totals = r.Totals.Add(g.TimeTotals)
	}
	r.Chart = NewChart(gs)
	if len(gs) > MaxShown {
		r.More, gs = len(gs)-MaxShown, gs[:MaxShown]
	}
	r.Groups = gs
	return r, nil
}

// Entries lists one group's entries, by day, at most MaxEntries.
func (s *Service) Entries(ctx context.Context, f Filters, key string) ([]model.TimeEntry, error) {
	q := f.Query
	q.Key = key
	var out []model.TimeEntry
	err := s.Store.EachTimeEntry(ctx, q, MaxEntries, func(e model.TimeEntry) error {
		out = append(out, e)
		return nil
	})
	return out, err
}

// arrange folds days into weeks or months, names the groups and orders
// them: periods by date, the others largest first.
func arrange(g model.TimeGroupBy, gs []model.TimeGroup) []model.TimeGroup {
	if g == model.GroupWeek || g == model.GroupMonth {
		gs = fold(g, gs)
	}
	for i := range gs {
		gs[i].Label = label(g, gs[i])
	}
	sort.Slice(gs, func(i, j int) bool {
		a, b := gs[i], gs[j]
		if g.ByDate() {
			return a.Key < b.Key
		}
		if a.Total() != b.Total() {
			return a.Total() > b.Total()
		}
		return a.Label < b.Label
	})
	return gs
}

// fold sums days into the week (from Monday) or month they fall in.
func fold(g model.TimeGroupBy, days []model.TimeGroup) []model.TimeGroup {
	at := map[string]int{}
	var out []model.TimeGroup
	for _, d := range days {
		k := PeriodKey(g, d.Key)
		i, ok := at[k]
		if !ok {
			i, at[k] = len(out), len(out)
			out = append(out, model.TimeGroup{Key: k})
		}
		out[i].TimeTotals = out[i].TimeTotals.Add(d.TimeTotals)
	}
	return out
}

// PeriodKey is the first day of the week or month a day falls in.
func PeriodKey(g model.TimeGroupBy, day string) string {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	if g == model.GroupWeek {
		d = d.AddDate(0, 0, -(int(d.Weekday())+6)%7)
	} else if g == model.GroupMonth {
		d = d.AddDate(0, 0, 1-d.Day())
	}
	return d.Format(time.DateOnly)
}

// label names a group as the report shows it.
func label(g model.TimeGroupBy, t model.TimeGroup) string {
	d, _ := time.Parse(time.DateOnly, t.Key)
	switch {
	case g == model.GroupDay:
		return d.Format("Mon 2 Jan 2006")
	case g == model.GroupWeek:
		return "Week of " + d.Format("2 Jan 2006")
	case g == model.GroupMonth:
		return d.Format("January 2006")
	case g == model.GroupTicket:
		return "#" + t.Key + " " + t.Label
	case t.Key == "0" && g == model.GroupCompany:
		return "No company"
	case t.Key == "0" && g == model.GroupContact:
		return "No contact"
	}
	return t.Label
}
