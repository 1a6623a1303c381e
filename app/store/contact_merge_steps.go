package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// writeFields gives the primary the chosen fields, the merged state and a
// default company. External ids and X handles are unique, so the
// others' are cleared first: the one kept may be theirs.
func (m *merge) writeFields(ctx context.Context, tx *sql.Tx) error {
	for _, o := range m.others {
		if _, err := tx.ExecContext(ctx, `UPDATE contacts SET external_id = NULL, twitter_id = NULL WHERE id = $1`, o.ID); err != nil {
			return fmt.Errorf("store: clear unique keys of %d: %w", o.ID, err)
		}
	}
	f, p := m.keep, m.primary
	state, verifiedAt := m.state()
	_, err := tx.ExecContext(ctx, `UPDATE contacts SET name = $1, sort_name = $2, job_title = $3, phone = $4, mobile = $5,
		language = $6, time_zone = $7, external_id = $8, twitter_id = $9, address = $10, about = $11, state = $12,
		verified_at = $13, company_id = $14, updated_at = $15 WHERE id = $16`,
		fieldArgs(f, state, verifiedAt, nullableID(m.defaultCompany()), m.now, p.ID)...)
	if err := takenKey(err); err != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: merge fields into %d: %w", p.ID, err)
	}
	m.changes = append(m.changes, diffFields(p.Fields(), f)...)
	if state != p.State {
		m.changes = append(m.changes, model.Change{Field: "state", From: string(p.State), To: string(state)})
	}
	return nil
}

// state is the merged contact's state: verified when any of them ever
// verified (since the earliest such time), but blocked or deleted only
// when the primary is.
func (m *merge) state() (model.State, *time.Time) {
	var first *time.Time
	for _, c := range append([]*model.Contact{m.primary}, m.others...) {
		if c.VerifiedAt != nil && (first == nil || c.VerifiedAt.Before(*first)) {
			first = c.VerifiedAt
		}
	}
	if m.primary.State == model.StateUnverified && first != nil {
		return model.StateVerified, first
	}
	return m.primary.State, first
}

// defaultCompany keeps the primary's default company, else takes the
// first other contact's.
func (m *merge) defaultCompany() int64 {
	if m.primary.CompanyID != 0 {
		return m.primary.CompanyID
	}
	for _, o := range m.others {
		if o.CompanyID != 0 {
			return o.CompanyID
		}
	}
	return 0
}

func nullableID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// absorb moves everything of contact o to the primary and retires o.
func (m *merge) absorb(ctx context.Context, tx *sql.Tx, o *model.Contact) error {
	for _, step := range []func(context.Context, *sql.Tx, *model.Contact) error{m.moveEmails, m.moveTags, m.moveCompanies, m.movePasskeys, m.retire} {
		if err := step(ctx, tx, o); err != nil {
			return err
		}
	}
	return nil
}

// moveEmails makes o's addresses the primary's secondaries. When the
// primary has no address at all, o's primary address stays primary.
func (m *merge) moveEmails(ctx context.Context, tx *sql.Tx, o *model.Contact) error {
	moved, err := strings1(ctx, tx, `SELECT email FROM contact_emails WHERE contact_id = $1 ORDER BY is_primary DESC, id`, o.ID)
	if err != nil {
		return err
	}
	keepPrimary := m.primary.Email == "" && o.Email != ""
	_, err = tx.ExecContext(ctx, `UPDATE contact_emails SET contact_id = $1, is_primary = (is_primary AND $2) WHERE contact_id = $3`,
		m.primary.ID, keepPrimary, o.ID)
	if err != nil {
		return fmt.Errorf("store: move emails of %d: %w", o.ID, err)
	}
	if keepPrimary {
		m.primary.Email = o.Email
	}
	m.note("emails", moved)
	return nil
}

// moveTags gives the primary o's tags; those it already has go with o.
func (m *merge) moveTags(ctx context.Context, tx *sql.Tx, o *model.Contact) error {
	added, err := strings1(ctx, tx, `SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
		WHERE ct.contact_id = $1 AND ct.tag_id NOT IN (SELECT tag_id FROM contact_tags WHERE contact_id = $2) ORDER BY t.name_norm`,
		o.ID, m.primary.ID)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE contact_tags SET contact_id = $1
		WHERE contact_id = $2 AND tag_id NOT IN (SELECT tag_id FROM contact_tags WHERE contact_id = $1)`, m.primary.ID, o.ID)
	if err != nil {
		return fmt.Errorf("store: move tags of %d: %w", o.ID, err)
	}
	m.note("tags", added)
	return nil
}
