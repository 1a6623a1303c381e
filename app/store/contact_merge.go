package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// merge is one MergeContacts call in progress: the contacts as they were
// before, the chosen fields, and the audit changes collected on the way.
type merge struct {
	primary *model.Contact
	others  []*model.Contact
	keep    model.ContactFields
	now     time.Time
	changes []model.Change
}

// MergeContacts folds the contacts otherIDs into primaryID in one
// transaction. Their addresses, tags and company memberships move to the
// primary, which takes the fields in keep; the others are deleted, their
// URLs redirect to the primary, and their audit trails join its own so no
// history is lost. A merge cannot be undone.
func (s *Store) MergeContacts(ctx context.Context, actor model.Actor, primaryID int64, otherIDs []int64, keep model.ContactFields) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		m, err := loadMerge(ctx, tx, primaryID, otherIDs)
		if err != nil {
			return err
		}
		if err := m.checkEmails(ctx, tx); err != nil {
			return err
		}
		m.keep, m.now = keep, s.Now()
		if err := m.writeFields(ctx, tx); err != nil {
			return err
		}
		for _, o := range m.others {
			if err := m.absorb(ctx, tx, o); err != nil {
				return err
			}
		}
		if err := refreshSearch(ctx, tx, primaryID); err != nil {
			return err
		}
		if err := s.writeAudit(ctx, tx, actor, "contact", primaryID, "merged", m.changes); err != nil {
			return err
		}
		return s.contactEvent(ctx, tx, primaryID, func(c events.Contact) events.Payload {
			return events.ContactMerged{PrimaryID: primaryID, MergedIDs: otherIDs, Contact: c}
		})
	})
}

// loadMerge reads every contact of the merge, refusing an empty or
// repeated list and reporting ErrNotFound for an unknown id.
func loadMerge(ctx context.Context, tx *sql.Tx, primaryID int64, otherIDs []int64) (*merge, error) {
	if len(otherIDs) == 0 {
		return nil, model.Invalid("with", "Choose at least one contact to merge.")
	}
	seen := map[int64]bool{primaryID: true}
	m := &merge{}
	var err error
	if m.primary, err = contactForUpdate(ctx, tx, primaryID); err != nil {
		return nil, err
	}
	for _, id := range otherIDs {
		if seen[id] {
			return nil, model.Invalid("with", "Each contact can be merged only once, and not with itself.")
		}
		seen[id] = true
		o, err := contactForUpdate(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		m.others = append(m.others, o)
		m.note("merged contacts", []string{fmt.Sprintf("%s (#%d)", o.Name, o.ID)})
	}
	return m, nil
}

// contactForUpdate reads a contact's row inside a write transaction.
func contactForUpdate(ctx context.Context, tx *sql.Tx, id int64) (*model.Contact, error) {
	c, err := scanContact(tx.QueryRowContext(ctx, `SELECT `+contactColumns+`
		FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = $1`, id))
	if err != nil {
		return nil, notFound(err, "contact", id)
	}
	return c, nil
}

// checkEmails refuses a merge whose addresses would not fit on one
// contact, before anything is written.
func (m *merge) checkEmails(ctx context.Context, tx *sql.Tx) error {
	n := 0
	for _, c := range append([]*model.Contact{m.primary}, m.others...) {
		var k int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM contact_emails WHERE contact_id = $1`, c.ID).Scan(&k); err != nil {
			return fmt.Errorf("store: count emails of %d: %w", c.ID, err)
		}
		n += k
	}
	if n > model.MaxEmails {
		return model.Invalid("emails", fmt.Sprintf(
			"Together these contacts have %d email addresses; a contact can have at most %d. Remove some addresses first.", n, model.MaxEmails))
	}
	return nil
}

// note records values added to the primary as one audit change per kind.
func (m *merge) note(field string, values []string) {
	if len(values) == 0 {
		return
	}
	for i := range m.changes {
		if m.changes[i].Field == field {
			m.changes[i].To += ", " + strings.Join(values, ", ")
			return
		}
	}
	m.changes = append(m.changes, model.Change{Field: field, To: strings.Join(values, ", ")})
}
