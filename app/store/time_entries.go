package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// timeEntrySelect reads entries with what they are shown with. A deleted
// ticket leaves its number and the subject the entry kept.
const timeEntrySelect = `SELECT e.id, e.ticket_id, coalesce(t.subject, e.ticket_subject), t.id IS NULL, coalesce(t.status, ''),
	coalesce(e.company_id, 0), coalesce(co.name, ''), coalesce(e.contact_id, 0), coalesce(c.name, ''),
	e.agent_id, a.name, a.active, e.work_date, e.seconds, e.billable, e.note, e.created_at, e.updated_at
	FROM time_entries e JOIN agents a ON a.id = e.agent_id
	LEFT JOIN tickets t ON t.id = e.ticket_id LEFT JOIN companies co ON co.id = e.company_id
	LEFT JOIN contacts c ON c.id = e.contact_id`

func scanTimeEntry(row interface{ Scan(...any) error }) (model.TimeEntry, error) {
	var e model.TimeEntry
	var day string
	err := row.Scan(&e.ID, &e.TicketID, &e.TicketSubject, &e.TicketGone, &e.TicketStatus, &e.CompanyID, &e.CompanyName,
		&e.ContactID, &e.ContactName, &e.AgentID, &e.AgentName, &e.AgentActive, &day, &e.Seconds, &e.Billable, &e.Note,
		&e.CreatedAt, &e.UpdatedAt)
	if err != nil {
		return e, err
	}
	e.WorkDate, err = time.Parse(time.DateOnly, day)
	return e, err
}

// TimeEntry returns one entry.
func (s *Store) TimeEntry(ctx context.Context, id int64) (*model.TimeEntry, error) {
	e, err := scanTimeEntry(s.r.QueryRowContext(ctx, timeEntrySelect+` WHERE e.id = $1`, id))
	if err != nil {
		return nil, notFound(err, "time entry", id)
	}
	return &e, nil
}

// TicketTimeEntries lists a ticket's entries, newest work first.
func (s *Store) TicketTimeEntries(ctx context.Context, ticketID int64) ([]model.TimeEntry, error) {
	return s.timeEntries(ctx, timeEntrySelect+` WHERE e.ticket_id = $1 ORDER BY e.work_date DESC, e.id DESC`, ticketID)
}

func (s *Store) timeEntries(ctx context.Context, q string, args ...any) ([]model.TimeEntry, error) {
	var out []model.TimeEntry
	err := s.eachTimeEntry(ctx, q, args, func(e model.TimeEntry) error {
		out = append(out, e)
		return nil
	})
	return out, err
}

func (s *Store) eachTimeEntry(ctx context.Context, q string, args []any, fn func(model.TimeEntry) error) error {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("store: time entries: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanTimeEntry(rows)
		if err != nil {
			return fmt.Errorf("store: scan time entry: %w", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// AgentDaySeconds sums an agent's time on one day, leaving out one
// entry (the one being edited) when except is not 0.
func (s *Store) AgentDaySeconds(ctx context.Context, agentID int64, day time.Time, except int64) (int64, error) {
	var n int64
	err := s.r.QueryRowContext(ctx, `SELECT coalesce(sum(seconds), 0) FROM time_entries
		WHERE agent_id = $1 AND work_date = $2 AND id <> $3`, agentID, day.Format(time.DateOnly), except).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: day total of agent %d: %w", agentID, err)
	}
	return n, nil
}

// TicketTimeTotals sums a ticket's entries.
func (s *Store) TicketTimeTotals(ctx context.Context, ticketID int64) (model.TimeTotals, error) {
	var t model.TimeTotals
	err := s.r.QueryRowContext(ctx, `SELECT coalesce(sum(CASE WHEN billable THEN seconds ELSE 0 END), 0),
		coalesce(sum(CASE WHEN billable THEN 0 ELSE seconds END), 0), count(*) FROM time_entries WHERE ticket_id = $1`,
		ticketID).Scan(&t.Billable, &t.NonBillable, &t.Entries)
	if err != nil {
		return t, fmt.Errorf("store: time of ticket %d: %w", ticketID, err)
	}
	return t, nil
}

// TimeTicket returns a ticket with whether its company's time is
// billable by default (true for a ticket without a company).
func (s *Store) TimeTicket(ctx context.Context, id int64) (*model.Ticket, bool, error) {
	ts, err := s.tickets(ctx, ticketSelect+` WHERE t.id = $1`, id)
	if err != nil {
		return nil, false, err
	}
	if len(ts) == 0 {
		return nil, false, fmt.Errorf("store: ticket %d: %w", id, model.ErrNotFound)
	}
	billable := true
	err = s.r.QueryRowContext(ctx, `SELECT time_billable FROM companies WHERE id = $1`, ts[0].CompanyID).Scan(&billable)
	if err != nil && err != sql.ErrNoRows {
		return nil, false, fmt.Errorf("store: company of ticket %d: %w", id, err)
	}
	return &ts[0], billable, nil
}

// SetCompanyTimeBillable sets whether a company's time is billable by
// default.
func (s *Store) SetCompanyTimeBillable(ctx context.Context, companyID int64, billable bool) error {
	res, err := s.w.ExecContext(ctx, `UPDATE companies SET time_billable = $1 WHERE id = $2`, billable, companyID)
	if err != nil {
		return fmt.Errorf("store: set billable default of company %d: %w", companyID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: company %d: %w", companyID, model.ErrNotFound)
	}
	return nil
}

// CompanyTimeBillable says whether a company's time is billable by
// default.
func (s *Store) CompanyTimeBillable(ctx context.Context, companyID int64) (bool, error) {
	var b bool
	err := s.r.QueryRowContext(ctx, `SELECT time_billable FROM companies WHERE id = $1`, companyID).Scan(&b)
	if err != nil {
		return false, notFound(err, "company", companyID)
	}
	return b, nil
}

func timeEntryEvent(ctx context.Context, tx *sql.Tx, id int64) (events.TimeEntry, error) {
	e, err := scanTimeEntry(tx.QueryRowContext(ctx, timeEntrySelect+` WHERE e.id = $1`, id))
	if err != nil {
		return events.TimeEntry{}, notFound(err, "time entry", id)
	}
	return events.TimeEntryOf(&e), nil
}
