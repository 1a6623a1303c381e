package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// AddTimeEntry records time on a ticket, copying the ticket's subject,
// company and contact, with its time_entry.created event.
func (s *Store) AddTimeEntry(ctx context.Context, e model.NewTimeEntry) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.insertTimeEntry(ctx, tx, e)
		return err
	})
	return id, err
}

func (s *Store) insertTimeEntry(ctx context.Context, tx *sql.Tx, e model.NewTimeEntry) (int64, error) {
	now := s.Now()
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO time_entries (ticket_id, ticket_subject, company_id, contact_id, agent_id,
		work_date, seconds, billable, note, created_at, updated_at, ticket_status)
		SELECT t.id, t.subject, t.company_id, t.contact_id, $1, $2, $3, $4, $5, $6, $6, t.status FROM tickets t WHERE t.id = $7
		RETURNING id`, e.AgentID, e.WorkDate.Format(time.DateOnly), e.Seconds, e.Billable, e.Note, now, e.TicketID).Scan(&id)
	if err != nil {
		return 0, notFound(err, "ticket", e.TicketID)
	}
	ev, err := timeEntryEvent(ctx, tx, id)
	if err != nil {
		return 0, err
	}
	return id, s.WriteEventTx(ctx, tx, events.TimeEntryCreated{TimeEntry: ev})
}

// UpdateTimeEntry changes an entry, with its time_entry.updated event
// naming what changed; an edit that changes nothing writes nothing.
func (s *Store) UpdateTimeEntry(ctx context.Context, id int64, ed model.TimeEdit) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		old, err := scanTimeEntry(tx.QueryRowContext(ctx, timeEntrySelect+` WHERE e.id = $1`, id))
		if err != nil {
			return notFound(err, "time entry", id)
		}
		changed := timeChanges(old, ed)
		if len(changed) == 0 {
			return nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE time_entries SET work_date = $1, seconds = $2, billable = $3, note = $4,
			updated_at = $5 WHERE id = $6`, ed.WorkDate.Format(time.DateOnly), ed.Seconds, ed.Billable, ed.Note, s.Now(), id)
		if err != nil {
			return fmt.Errorf("store: update time entry %d: %w", id, err)
		}
		ev, err := timeEntryEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		return s.WriteEventTx(ctx, tx, events.TimeEntryUpdated{TimeEntry: ev, Changed: changed})
	})
}

func timeChanges(old model.TimeEntry, ed model.TimeEdit) []string {
	var out []string
	if !old.WorkDate.Equal(ed.WorkDate) {
		out = append(out, "work_date")
	}
	if old.Seconds != ed.Seconds {
		out = append(out, "seconds")
	}
	if old.Billable != ed.Billable {
		out = append(out, "billable")
	}
	if old.Note != ed.Note {
		out = append(out, "note")
	}
	return out
}

// DeleteTimeEntry deletes an entry, with its time_entry.deleted event.
func (s *Store) DeleteTimeEntry(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var ticket int64
		var contact sql.NullInt64
		err := tx.QueryRowContext(ctx, `DELETE FROM time_entries WHERE id = $1 RETURNING ticket_id, contact_id`, id).
			Scan(&ticket, &contact)
		if err != nil {
			return notFound(err, "time entry", id)
		}
		return s.WriteEventTx(ctx, tx, events.TimeEntryDeleted{TimeEntryID: id, TicketID: ticket, ContactID: contact.Int64})
	})
}

// syncTimeStatus copies a ticket's new status onto its time entries, in
// the transaction that changes it, for the report's status filter.
func syncTimeStatus(ctx context.Context, tx *sql.Tx, ticketID int64, status any) error {
	_, err := tx.ExecContext(ctx, `UPDATE time_entries SET ticket_status = $1 WHERE ticket_id = $2`, status, ticketID)
	if err != nil {
		return fmt.Errorf("store: status of ticket %d's time: %w", ticketID, err)
	}
	return nil
}
