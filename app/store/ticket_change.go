package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// ChangeTicket applies an agent's change of status, assignee or company
// and returns what changed. Each field is compared with the ticket as it
// is inside the transaction, not as the agent saw it: of two agents
// changing the status at once the later one wins, and the timeline
// records both moves ("open → pending", then "pending → resolved"). An
// unknown assignee or company is ErrNotFound; a field that already has
// the value changes nothing and writes nothing.
func (s *Store) ChangeTicket(ctx context.Context, actor model.Actor, id int64, ch model.TicketChange) ([]string, error) {
	var changed []string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		t, err := ticketOne(ctx, tx, id)
		if err != nil {
			return err
		}
		if changed, err = s.applyTicketChange(ctx, tx, actor, t, ch); err != nil || len(changed) == 0 {
			return err
		}
		return s.ticketUpdated(ctx, tx, id, changed)
	})
	return changed, err
}

func (s *Store) applyTicketChange(ctx context.Context, tx *sql.Tx, actor model.Actor, t *model.Ticket, ch model.TicketChange) ([]string, error) {
	var changed []string
	steps := []struct {
		on   bool
		name string
		fn   func() (bool, error)
	}{
		{ch.Status != nil, "status", func() (bool, error) { return s.setTicketStatus(ctx, tx, actor, t, *ch.Status) }},
		{ch.AssigneeID != nil, "assignee", func() (bool, error) { return s.setTicketAssignee(ctx, tx, actor, t, *ch.AssigneeID) }},
		{ch.CompanyID != nil, "company", func() (bool, error) { return s.setTicketCompany(ctx, tx, actor, t, *ch.CompanyID) }},
	}
	for _, st := range steps {
		if !st.on {
			continue
		}
		did, err := st.fn()
		if err != nil {
			return nil, err
		}
		if did {
			changed = append(changed, st.name)
		}
	}
	return changed, nil
}

// setTicketStatus moves t to a status, noting the move on its timeline.
func (s *Store) setTicketStatus(ctx context.Context, tx *sql.Tx, actor model.Actor, t *model.Ticket, to model.TicketStatus) (bool, error) {
	if t.Status == to {
		return false, nil
	}
	if err := s.touchTicket(ctx, tx, t.ID, "status", to); err != nil {
		return false, err
	}
	from := t.Status
	t.Status = to
	return true, s.writeAudit(ctx, tx, actor, "ticket", t.ID, "changed",
		[]model.Change{{Field: "status", From: string(from), To: string(to)}})
}

func (s *Store) setTicketAssignee(ctx context.Context, tx *sql.Tx, actor model.Actor, t *model.Ticket, to int64) (bool, error) {
	if t.AssigneeID == to {
		return false, nil
	}
	name := ""
	if to != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT name FROM agents WHERE id = $1 AND active`, to).Scan(&name); err != nil {
			return false, notFound(err, "agent", to)
		}
	}
	if err := s.touchTicket(ctx, tx, t.ID, "assignee_id", nullableID(to)); err != nil {
		return false, err
	}
	from := t.AssigneeName
	t.AssigneeID, t.AssigneeName = to, name
	return true, s.writeAudit(ctx, tx, actor, "ticket", t.ID, "changed",
		[]model.Change{{Field: "assignee", From: from, To: name}})
}

// setTicketCompany corrects the company a ticket belongs to. It is set
// when the ticket is raised and never follows its requester; only this
// deliberate correction moves it, and the timeline says so.
func (s *Store) setTicketCompany(ctx context.Context, tx *sql.Tx, actor model.Actor, t *model.Ticket, to int64) (bool, error) {
	if t.CompanyID == to {
		return false, nil
	}
	name := ""
	if to != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT name FROM companies WHERE id = $1`, to).Scan(&name); err != nil {
			return false, notFound(err, "company", to)
		}
	}
	if err := s.touchTicket(ctx, tx, t.ID, "company_id", nullableID(to)); err != nil {
		return false, err
	}
	from := t.CompanyName
	t.CompanyID, t.CompanyName = to, name
	return true, s.writeAudit(ctx, tx, actor, "ticket", t.ID, "changed",
		[]model.Change{{Field: "company", From: from, To: name}})
}

// touchTicket sets one column and the ticket's updated_at; a new status
// also goes onto the ticket's time entries.
func (s *Store) touchTicket(ctx context.Context, tx *sql.Tx, id int64, col string, val any) error {
	_, err := tx.ExecContext(ctx, `UPDATE tickets SET `+col+` = $1, updated_at = $2 WHERE id = $3`, val, s.Now(), id)
	if err != nil {
		return fmt.Errorf("store: update ticket %d: %w", id, err)
	}
	if col == "status" {
		return syncTimeStatus(ctx, tx, id, val)
	}
	return nil
}

// ticketUpdated writes ticket.updated with the ticket as committed.
func (s *Store) ticketUpdated(ctx context.Context, tx *sql.Tx, id int64, changed []string) error {
	t, err := ticketOne(ctx, tx, id)
	if err != nil {
		return err
	}
	return s.WriteEventTx(ctx, tx, events.TicketUpdated{Ticket: events.TicketOf(t), Changed: changed})
}

// TicketActivity returns a ticket's timeline entries, oldest first.
func (s *Store) TicketActivity(ctx context.Context, id int64) ([]model.AuditEntry, error) {
	es, err := s.Audit(ctx, "ticket", id, 500)
	for i, j := 0, len(es)-1; i < j; i, j = i+1, j-1 {
		es[i], es[j] = es[j], es[i]
	}
	return es, err
}
