package model

import "time"

// TimeEntry is time an agent spent on a ticket. CompanyID and ContactID
// are the ticket's when the entry was recorded, so a ticket's time stays
// with the company it was raised under.
type TimeEntry struct {
	ID            int64
	TicketID      int64
	TicketSubject string
	// TicketGone is true when the ticket was deleted; the entry stays.
	TicketGone   bool
	TicketStatus TicketStatus
	CompanyID    int64
	CompanyName  string
	ContactID    int64
	ContactName  string
	AgentID      int64
	AgentName    string
	// AgentActive is false for an agent who has been deactivated.
	AgentActive bool
	// WorkDate is the UTC day the work was done (midnight UTC).
	WorkDate  time.Time
	Seconds   int64
	Billable  bool
	Note      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// NewTimeEntry is time to record on a ticket; the store copies the
// ticket's subject, company and contact.
type NewTimeEntry struct {
	TicketID int64
	AgentID  int64
	WorkDate time.Time
	Seconds  int64
	Billable bool
	Note     string
}

// TimeEdit changes an entry's time, day, flag and note.
type TimeEdit struct {
	WorkDate time.Time
	Seconds  int64
	Billable bool
	Note     string
}

// Timer is an agent's running timer.
type Timer struct {
	AgentID       int64
	TicketID      int64
	TicketSubject string
	StartedAt     time.Time
}

// TimeTotals are summed seconds, billable and not.
type TimeTotals struct {
	Billable    int64
	NonBillable int64
	Entries     int
}

// Total is all the time, billable or not.
func (t TimeTotals) Total() int64 { return t.Billable + t.NonBillable }

// Add sums two totals.
func (t TimeTotals) Add(o TimeTotals) TimeTotals {
	return TimeTotals{Billable: t.Billable + o.Billable, NonBillable: t.NonBillable + o.NonBillable, Entries: t.Entries + o.Entries}
}
