package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// NewContact is what CreateContact needs: fields, addresses (the first is
// primary), tags and the starting state.
type NewContact struct {
	Fields model.ContactFields
	Emails []string
	Tags   []string
	State  model.State
	// Companies are companies to join besides those the addresses'
	// domains link; the first becomes the default company.
	Companies []int64
	// ViewAllTickets lets it see every ticket of the first of Companies.
	ViewAllTickets bool
}

// NormEmail is the form in which addresses are compared: trimmed and
// lower-cased.
func NormEmail(e string) string { return strings.ToLower(strings.TrimSpace(e)) }

// sortName is the key a contact list sorts names by.
func sortName(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// fieldArgs are the arguments of an UPDATE that sets every field, in the
// order name, sort_name, job_title, phone, mobile, language, time_zone,
// external_id, twitter_id, address, about, followed by more.
func fieldArgs(f model.ContactFields, more ...any) []any {
	return append([]any{f.Name, sortName(f.Name), f.JobTitle, f.Phone, f.Mobile, f.Language, f.TimeZone,
		nullable(f.ExternalID), nullable(f.TwitterID), f.Address, f.About}, more...)
}

// takenKey words a unique key another contact holds: its external id
// or its X handle.
func takenKey(err error) error {
	switch {
	case isUnique(err, "external_id"):
		return model.Invalid("external_id", "Another contact already has this external ID.")
	case isUnique(err, "twitter_id"):
		return model.Invalid("twitter_id", "Another contact already has this X handle.")
	}
	return nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// CreateContact inserts a contact with its addresses and tags, links it to
// companies by email domain, and records it in the audit trail, all in one
// transaction.
func (s *Store) CreateContact(ctx context.Context, actor model.Actor, in NewContact) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.insertContact(ctx, tx, in)
		if err != nil {
			return err
		}
		if err := s.writeAudit(ctx, tx, actor, "contact", id, "created", nil); err != nil {
			return err
		}
		return s.contactEvent(ctx, tx, id, func(c events.Contact) events.Payload { return events.ContactCreated{Contact: c} })
	})
	return id, err
}

func (s *Store) insertContact(ctx context.Context, tx *sql.Tx, in NewContact) (int64, error) {
	f, now := in.Fields, s.Now()
	if in.State == "" {
		in.State = model.StateUnverified
	}
	var verifiedAt any
	if in.State == model.StateVerified {
		verifiedAt = now
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO contacts (name, sort_name, state, job_title, phone, mobile, language, time_zone,
		external_id, twitter_id, address, about, verified_at, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
		f.Name, sortName(f.Name), in.State, f.JobTitle, f.Phone, f.Mobile, f.Language, f.TimeZone,
		nullable(f.ExternalID), nullable(f.TwitterID), f.Address, f.About, verifiedAt, now).Scan(&id)
	if err := takenKey(err); err != nil {
		return 0, err
	}
	if err != nil {
		return 0, fmt.Errorf("store: insert contact: %w", err)
	}
	for i, e := range in.Emails {
		if err := s.insertEmail(ctx, tx, id, e, i == 0); err != nil {
			return 0, err
		}
	}
	if err := setTags(ctx, tx, id, in.Tags); err != nil {
		return 0, err
	}
	for _, co := range in.Companies {
		if _, err := s.link(ctx, tx, id, co); err != nil {
			return 0, err
		}
	}
	if in.ViewAllTickets && len(in.Companies) > 0 {
		if err := setViewAll(ctx, tx, id, in.Companies[0], true); err != nil {
			return 0, err
		}
	}
	if _, err := s.linkByDomain(ctx, tx, id, in.Emails); err != nil {
		return 0, err
	}
	return id, refreshSearch(ctx, tx, id)
}

// ResolveContact follows merge redirects: it returns the id a contact URL
// should show, or ErrNotFound.
func (s *Store) ResolveContact(ctx context.Context, id int64) (int64, error) {
	var out int64
	err := s.r.QueryRowContext(ctx, `SELECT id FROM contacts WHERE id = $1
		UNION ALL SELECT new_id FROM contact_redirects WHERE old_id = $1`, id).Scan(&out)
	if err != nil {
		return 0, notFound(err, "contact", id)
	}
	return out, nil
}

const contactColumns = `c.id, c.name, c.state, c.job_title, c.phone, c.mobile, c.language, c.time_zone,
	coalesce(c.external_id, ''), coalesce(c.twitter_id, ''), c.address, c.about, coalesce(c.company_id, 0), coalesce(co.name, ''),
	coalesce((SELECT e.email FROM contact_emails e WHERE e.contact_id = c.id AND e.is_primary), ''),
	c.verified_at, c.blocked_at, c.deleted_at, c.created_at, c.updated_at`

func scanContact(row interface{ Scan(...any) error }) (*model.Contact, error) {
	var c model.Contact
	err := row.Scan(&c.ID, &c.Name, &c.State, &c.JobTitle, &c.Phone, &c.Mobile, &c.Language, &c.TimeZone,
		&c.ExternalID, &c.TwitterID, &c.Address, &c.About, &c.CompanyID, &c.CompanyName, &c.Email,
		&c.VerifiedAt, &c.BlockedAt, &c.DeletedAt, &c.CreatedAt, &c.UpdatedAt)
	return &c, err
}

// Contact returns a contact with its addresses, tags and companies.
func (s *Store) Contact(ctx context.Context, id int64) (*model.Contact, error) {
	c, err := scanContact(s.r.QueryRowContext(ctx, `SELECT `+contactColumns+`
		FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = $1`, id))
	if err != nil {
		return nil, notFound(err, "contact", id)
	}
	if c.Emails, err = s.contactEmails(ctx, s.r, id); err != nil {
		return nil, err
	}
	if c.Tags, err = strings1(ctx, s.r, `SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
		WHERE ct.contact_id = $1 ORDER BY t.name_norm`, id); err != nil {
		return nil, err
	}
	if c.Companies, err = s.memberships(ctx, id); err != nil {
		return nil, err
	}
	return c, nil
}

func (s *Store) memberships(ctx context.Context, id int64) ([]model.Membership, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT co.id, co.name, coalesce(c.company_id = co.id, FALSE), cc.view_all_tickets
		FROM contact_companies cc JOIN companies co ON co.id = cc.company_id JOIN contacts c ON c.id = cc.contact_id
		WHERE cc.contact_id = $1 ORDER BY 3 DESC, co.name_norm`, id)
	if err != nil {
		return nil, fmt.Errorf("store: memberships of %d: %w", id, err)
	}
	defer rows.Close()
	var out []model.Membership
	for rows.Next() {
		var m model.Membership
		if err := rows.Scan(&m.CompanyID, &m.CompanyName, &m.Default, &m.ViewAllTickets); err != nil {
			return nil, fmt.Errorf("store: scan membership: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// UpdateContact replaces a contact's editable fields and records what
// changed. Nothing is written when nothing changed.
func (s *Store) UpdateContact(ctx context.Context, actor model.Actor, id int64, f model.ContactFields) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, id); err != nil {
			return err
		}
		old, err := scanContact(tx.QueryRowContext(ctx, `SELECT `+contactColumns+`
			FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = $1`, id))
		if err != nil {
			return notFound(err, "contact", id)
		}
		changes := diffFields(old.Fields(), f)
		if len(changes) == 0 {
			return nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE contacts SET name = $1, sort_name = $2, job_title = $3, phone = $4, mobile = $5,
			language = $6, time_zone = $7, external_id = $8, twitter_id = $9, address = $10, about = $11, updated_at = $12
			WHERE id = $13`, fieldArgs(f, s.Now(), id)...)
		if err := takenKey(err); err != nil {
			return err
		}
		if err != nil {
			return fmt.Errorf("store: update contact %d: %w", id, err)
		}
		if err := refreshSearch(ctx, tx, id); err != nil {
			return err
		}
		if err := s.writeAudit(ctx, tx, actor, "contact", id, "updated", changes); err != nil {
			return err
		}
		return s.contactUpdated(ctx, tx, id, changeFields(changes)...)
	})
}

// SetContactTags replaces a contact's tags, creating unknown ones.
func (s *Store) SetContactTags(ctx context.Context, actor model.Actor, id int64, tags []string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := liveContact(ctx, tx, id); err != nil {
			return err
		}
		old, err := strings1(ctx, tx, `SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
			WHERE ct.contact_id = $1 ORDER BY t.name_norm`, id)
		if err != nil {
			return err
		}
		if err := touch(ctx, tx, id, s.Now()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM contact_tags WHERE contact_id = $1`, id); err != nil {
			return fmt.Errorf("store: clear tags of %d: %w", id, err)
		}
		if err := setTags(ctx, tx, id, tags); err != nil {
			return err
		}
		from, to := strings.Join(old, ", "), strings.Join(tags, ", ")
		if from == to {
			return nil
		}
		if err := s.writeAudit(ctx, tx, actor, "contact", id, "updated", []model.Change{{Field: "tags", From: from, To: to}}); err != nil {
			return err
		}
		return s.contactUpdated(ctx, tx, id, "tags")
	})
}

// touch bumps a contact's updated_at, and reports ErrNotFound for an
// unknown id.
func touch(ctx context.Context, tx *sql.Tx, id int64, now any) error {
	return execAffected(ctx, tx, "contact", id, `UPDATE contacts SET updated_at = $1 WHERE id = $2`, now, id)
}

func setTags(ctx context.Context, tx *sql.Tx, id int64, tags []string) error {
	for _, t := range tags {
		var tagID int64
		err := tx.QueryRowContext(ctx, `INSERT INTO tags (name, name_norm) VALUES ($1, $2)
			ON CONFLICT (name_norm) DO UPDATE SET name_norm = excluded.name_norm RETURNING id`, t, strings.ToLower(t)).Scan(&tagID)
		if err != nil {
			return fmt.Errorf("store: tag %q: %w", t, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO contact_tags (contact_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, id, tagID); err != nil {
			return fmt.Errorf("store: tag contact %d: %w", id, err)
		}
	}
	return nil
}

// Tags lists every tag in use, for the list filter.
func (s *Store) Tags(ctx context.Context) ([]string, error) {
	return strings1(ctx, s.r, `SELECT name FROM tags t WHERE EXISTS (SELECT 1 FROM contact_tags ct WHERE ct.tag_id = t.id) ORDER BY name_norm`)
}

// CompanyName returns a company's name, for filter labels.
func (s *Store) CompanyName(ctx context.Context, id int64) (string, error) {
	var name string
	err := s.r.QueryRowContext(ctx, `SELECT name FROM companies WHERE id = $1`, id).Scan(&name)
	if err != nil {
		return "", notFound(err, "company", id)
	}
	return name, nil
}
