package model

import "time"

// TimeGroupBy is what the Time Sheet Summary groups entries by.
type TimeGroupBy string

const (
	GroupCompany TimeGroupBy = "company"
	GroupContact TimeGroupBy = "contact"
	GroupAgent   TimeGroupBy = "agent"
	GroupTicket  TimeGroupBy = "ticket"
	GroupDay     TimeGroupBy = "day"
	GroupWeek    TimeGroupBy = "week"
	GroupMonth   TimeGroupBy = "month"
)

// ByDate reports whether the grouping is by a period rather than by who.
func (g TimeGroupBy) ByDate() bool { return g == GroupDay || g == GroupWeek || g == GroupMonth }

// TimeQuery selects time entries for the Time Sheet Summary. From and To
// are UTC days, both included. Empty or zero fields do not filter.
type TimeQuery struct {
	From, To   time.Time
	CompanyIDs []int64
	ContactID  int64
	AgentID    int64
	// Billable is "yes", "no" or "" for both.
	Billable string
	Statuses []TicketStatus
	Group    TimeGroupBy
	// Key picks one group of Group (a TimeGroup's Key); "" picks all.
	Key string
}

// TimeGroup is one row of the summary: what it groups (Key, Label) and
// its totals. Gone marks a deleted ticket or a deactivated agent, which
// the report still counts.
type TimeGroup struct {
	Key   string
	Label string
	Gone  bool
	TimeTotals
}
