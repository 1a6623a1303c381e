package events

import (
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// TimeEntry is a time entry as events show it. Hours are given in
// seconds, and as "hh:mm" for readers that bill by the minute, as
// Freshdesk's time_spent does.
type TimeEntry struct {
	ID        int64     `json:"id"`
	TicketID  int64     `json:"ticket_id"`
	CompanyID int64     `json:"company_id"`
	ContactID int64     `json:"contact_id"`
	AgentID   int64     `json:"agent_id"`
	WorkDate  string    `json:"work_date"`
	Seconds   int64     `json:"seconds"`
	TimeSpent string    `json:"time_spent"`
	Billable  bool      `json:"billable"`
	Note      string    `json:"note"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// TimeEntryOf is e as events show it.
func TimeEntryOf(e *model.TimeEntry) TimeEntry {
	return TimeEntry{
		ID: e.ID, TicketID: e.TicketID, CompanyID: e.CompanyID, ContactID: e.ContactID, AgentID: e.AgentID,
		WorkDate: e.WorkDate.UTC().Format(time.DateOnly), Seconds: e.Seconds, TimeSpent: hhmm(e.Seconds),
		Billable: e.Billable, Note: e.Note, CreatedAt: e.CreatedAt.UTC(), UpdatedAt: e.UpdatedAt.UTC(),
	}
}

func hhmm(sec int64) string {
	m := (sec + 30) / 60
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// TimeEntryCreated is time_entry.created: an agent added time by hand or
// stopped a timer.
type TimeEntryCreated struct {
	TimeEntry TimeEntry `json:"time_entry"`
}

// TimeEntryUpdated is time_entry.updated; Changed names the fields that
// changed (seconds, work_date, billable, note).
type TimeEntryUpdated struct {
	TimeEntry TimeEntry `json:"time_entry"`
	Changed   []string  `json:"changed"`
}

// TimeEntryDeleted is time_entry.deleted.
type TimeEntryDeleted struct {
	TimeEntryID int64 `json:"time_entry_id"`
	TicketID    int64 `json:"ticket_id"`
	ContactID   int64 `json:"contact_id"`
}

func (TimeEntryCreated) EventType() string { return TypeTimeEntryCreated }
func (TimeEntryUpdated) EventType() string { return TypeTimeEntryUpdated }
func (TimeEntryDeleted) EventType() string { return TypeTimeEntryDeleted }

// SubjectContact ties the events to the ticket's contact, so erasing the
// contact erases the notes, which may speak of them.
func (e TimeEntryCreated) SubjectContact() int64 { return e.TimeEntry.ContactID }
func (e TimeEntryUpdated) SubjectContact() int64 { return e.TimeEntry.ContactID }
func (e TimeEntryDeleted) SubjectContact() int64 { return e.ContactID }
