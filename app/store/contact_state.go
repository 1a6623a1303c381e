package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// A state change is one UPDATE (whose SET uses only $1, the time) whose new state is computed in SQL from the
// timestamps, so restore and unblock return a contact to where it was:
// blocked if still blocked, verified if it ever verified, else unverified.
// SET expressions see the row as it was before the UPDATE.
const (
	liveState     = `CASE WHEN verified_at IS NOT NULL THEN 'verified' ELSE 'unverified' END`
	restoredState = `CASE WHEN blocked_at IS NOT NULL THEN 'blocked' ELSE ` + liveState + ` END`
)

var stateChanges = map[string]struct{ set, from string }{
	"deleted":   {`deleted_at = $1, state = 'deleted'`, "state <> 'deleted'"},
	"restored":  {`deleted_at = NULL, state = ` + restoredState, "state = 'deleted'"},
	"blocked":   {`blocked_at = $1, state = 'blocked'`, "state NOT IN ('blocked', 'deleted')"},
	"unblocked": {`blocked_at = NULL, state = ` + liveState, "state = 'blocked'"},
}

// ChangeContactState applies one of the actions deleted, restored, blocked
// or unblocked. An action that does not apply to the contact's current
// state (restoring a live contact, say) is a validation error.
func (s *Store) ChangeContactState(ctx context.Context, actor model.Actor, id int64, action string) error {
	ch, ok := stateChanges[action]
	if !ok {
		return fmt.Errorf("store: unknown state action %q", action)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var before model.State
		if err := tx.QueryRowContext(ctx, `SELECT state FROM contacts WHERE id = $1`, id).Scan(&before); err != nil {
			return notFound(err, "contact", id)
		}
		now := s.Now()
		res, err := tx.ExecContext(ctx, `UPDATE contacts SET `+ch.set+`, updated_at = $1 WHERE id = $2 AND `+ch.from, now, id)
		if err != nil {
			return fmt.Errorf("store: %s contact %d: %w", action, id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return model.Invalid("state", fmt.Sprintf("This contact is %s; it cannot be %s.", before, action))
		}
		var after model.State
		if err := tx.QueryRowContext(ctx, `SELECT state FROM contacts WHERE id = $1`, id).Scan(&after); err != nil {
			return fmt.Errorf("store: state of %d: %w", id, err)
		}
		if err := s.writeAudit(ctx, tx, actor, "contact", id, action, []model.Change{{Field: "state", From: string(before), To: string(after)}}); err != nil {
			return err
		}
		if err := s.endLinksOnClose(ctx, tx, id, action); err != nil {
			return err
		}
		return s.stateEvent(ctx, tx, id, action)
	})
}

// HardDeleteContact removes a contact and every row holding its personal
// data, including its audit trail; one anonymous audit entry remains to
// show that an erasure happened and who did it.
func (s *Store) HardDeleteContact(ctx context.Context, actor model.Actor, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		stmts := []string{
			`DELETE FROM emails WHERE contact_id = $1`, // sent mail holds the address and name too
			`DELETE FROM contacts_fts WHERE rowid = $1`,
			`DELETE FROM audit_entries WHERE subject_type = 'contact' AND subject_id = $1`,
			`DELETE FROM contact_redirects WHERE old_id = $1`,
		}
		for _, q := range stmts {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fmt.Errorf("store: erase contact %d: %w", id, err)
			}
		}
		if err := execAffected(ctx, tx, "contact", id, `DELETE FROM contacts WHERE id = $1`, id); err != nil {
			return err
		}
		if err := s.writeAudit(ctx, tx, actor, "contact", id, "erased", nil); err != nil {
			return err
		}
		if err := s.eraseEvents(ctx, tx, id); err != nil {
			return err
		}
		return s.WriteEventTx(ctx, tx, events.ContactDeleted{ContactID: id, Permanent: true})
	})
}

// liveContact refuses changes to a deleted contact, which stays as it was
// until someone restores it, and reports an unknown id as not found.
func liveContact(ctx context.Context, tx *sql.Tx, id int64) error {
	var st model.State
	if err := tx.QueryRowContext(ctx, `SELECT state FROM contacts WHERE id = $1`, id).Scan(&st); err != nil {
		return notFound(err, "contact", id)
	}
	if st == model.StateDeleted {
		return model.Invalid("state", "This contact is deleted. Restore it to make changes.")
	}
	return nil
}

// endLinksOnClose ends the pending links of a contact being blocked or
// deleted, so that unblocking or restoring it later does not bring them
// back.
func (s *Store) endLinksOnClose(ctx context.Context, tx *sql.Tx, id int64, action string) error {
	if action != "blocked" && action != "deleted" {
		return nil
	}
	return s.endLinks(ctx, tx, id, model.LinkEndAccountClosed)
}

// stateEvent writes the event of a state change: deletion and restoring
// have their own types; blocking and unblocking update the contact.
func (s *Store) stateEvent(ctx context.Context, tx *sql.Tx, id int64, action string) error {
	switch action {
	case "deleted":
		return s.WriteEventTx(ctx, tx, events.ContactDeleted{ContactID: id})
	case "restored":
		return s.contactEvent(ctx, tx, id, func(c events.Contact) events.Payload { return events.ContactRestored{Contact: c} })
	}
	return s.contactUpdated(ctx, tx, id, "state")
}
