package store

import (
	"context"
	"database/sql"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// ContactSnapshotTx reads a contact as events show it, inside the write
// transaction that changed it, so the event shows the committed state.
func (s *Store) ContactSnapshotTx(ctx context.Context, tx *sql.Tx, id int64) (events.Contact, error) {
	c, err := contactForUpdate(ctx, tx, id)
	if err != nil {
		return events.Contact{}, err
	}
	if c.Emails, err = s.contactEmails(ctx, tx, id); err != nil {
		return events.Contact{}, err
	}
	if c.Tags, err = strings1(ctx, tx, `SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
		WHERE ct.contact_id = $1 ORDER BY t.name_norm`, id); err != nil {
		return events.Contact{}, err
	}
	ids, err := int64s(ctx, tx, `SELECT company_id FROM contact_companies WHERE contact_id = $1 ORDER BY company_id`, id)
	if err != nil {
		return events.Contact{}, err
	}
	for _, co := range ids {
		c.Companies = append(c.Companies, model.Membership{CompanyID: co})
	}
	return events.ContactOf(c), nil
}

// contactUpdated writes contact.updated for the named changes.
func (s *Store) contactUpdated(ctx context.Context, tx *sql.Tx, id int64, changed ...string) error {
	c, err := s.ContactSnapshotTx(ctx, tx, id)
	if err != nil {
		return err
	}
	return s.WriteEventTx(ctx, tx, events.ContactUpdated{Contact: c, Changed: changed})
}

// defaultCompany returns a contact's default company, zero for none. A
// membership change reads it first, for contactUpdatedFrom.
func defaultCompany(ctx context.Context, tx *sql.Tx, id int64) (int64, error) {
	var co sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT company_id FROM contacts WHERE id = $1`, id).Scan(&co); err != nil {
		return 0, notFound(err, "contact", id)
	}
	return co.Int64, nil
}

// contactUpdatedFrom is contactUpdated for a change that may have moved
// the contact's default company away from was (zero for none): changed
// then names company_id too, so receivers that follow it hear of it.
func (s *Store) contactUpdatedFrom(ctx context.Context, tx *sql.Tx, id, was int64, changed ...string) error {
	c, err := s.ContactSnapshotTx(ctx, tx, id)
	if err != nil {
		return err
	}
	if now := c.CompanyID; (now == nil) != (was == 0) || now != nil && *now != was {
		changed = append(changed, "company_id")
	}
	return s.WriteEventTx(ctx, tx, events.ContactUpdated{Contact: c, Changed: changed})
}

// contactEvent writes an event that carries the contact as it now is.
func (s *Store) contactEvent(ctx context.Context, tx *sql.Tx, id int64, mk func(events.Contact) events.Payload) error {
	c, err := s.ContactSnapshotTx(ctx, tx, id)
	if err != nil {
		return err
	}
	return s.WriteEventTx(ctx, tx, mk(c))
}

// companyEvent writes an event that carries the company as it now is.
func (s *Store) companyEvent(ctx context.Context, tx *sql.Tx, id int64, mk func(events.Company) events.Payload) error {
	co, err := loadCompany(ctx, tx, id)
	if err != nil {
		return err
	}
	return s.WriteEventTx(ctx, tx, mk(events.CompanyOf(co)))
}

// changeFields lists the fields of audit changes, for an event's Changed.
func changeFields(changes []model.Change) []string {
	out := make([]string, len(changes))
	for i, c := range changes {
		out[i] = c.Field
	}
	return out
}
