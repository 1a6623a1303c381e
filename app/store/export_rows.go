package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// ExportNeeds says which of a contact's lists an export reads, so an
// export of names and phones reads no addresses.
type ExportNeeds struct {
	Emails, Companies, Tags bool
}

const exportContactColumns = `c.id, c.name, c.state, c.job_title, c.phone, c.mobile, c.language, c.time_zone,
	coalesce(c.external_id, ''), coalesce(c.twitter_id, ''), c.address, c.about, coalesce(c.company_id, 0),
	c.created_at, c.updated_at`

// ExportSize counts exactly the contacts of a list's view, search and
// filters (a list counts only up to countCap), and, when emails is set,
// the most addresses one of them has, which is how many Email columns
// the file needs.
func (s *Store) ExportSize(ctx context.Context, q model.ContactQuery, emails bool) (total, most int, err error) {
	f := contactFilter(q)
	mostCol := "0"
	if emails {
		mostCol = "coalesce(max((SELECT count(*) FROM contact_emails e WHERE e.contact_id = c.id)), 0)"
	}
	err = s.r.QueryRowContext(ctx, `SELECT count(*), `+mostCol+` FROM contacts c WHERE `+f.where(false), f.args...).
		Scan(&total, &most)
	if err != nil {
		return 0, 0, fmt.Errorf("store: count export: %w", err)
	}
	return total, most, nil
}

// EachContact calls fn with the contacts of a list's view, search and
// filters, in id order, batch contacts at a time, each with the lists
// need asks for: addresses primary first, companies and tags by name.
// Paging and sorting in q are ignored.
//
// One cursor streams the contacts, so memory holds one batch whatever
// the list's size; each batch's lists are read in one query per list.
// fn owns the slice it is given.
func (s *Store) EachContact(ctx context.Context, q model.ContactQuery, need ExportNeeds, batch int,
	fn func([]model.Contact) error) error {
	f := contactFilter(q)
	rows, err := s.r.QueryContext(ctx, `SELECT `+exportContactColumns+` FROM contacts c WHERE `+f.where(false)+
		` ORDER BY c.id`, f.args...)
	if err != nil {
		return fmt.Errorf("store: export contacts: %w", err)
	}
	defer rows.Close()
	buf := make([]model.Contact, 0, batch)
	for rows.Next() {
		var c model.Contact
		if err := rows.Scan(&c.ID, &c.Name, &c.State, &c.JobTitle, &c.Phone, &c.Mobile, &c.Language, &c.TimeZone,
			&c.ExternalID, &c.TwitterID, &c.Address, &c.About, &c.CompanyID, &c.CreatedAt, &c.UpdatedAt); err != nil {
			return fmt.Errorf("store: scan export contact: %w", err)
		}
		if buf = append(buf, c); len(buf) < batch {
			continue
		}
		if err := s.sendBatch(ctx, buf, need, fn); err != nil {
			return err
		}
		buf = make([]model.Contact, 0, batch)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: export contacts: %w", err)
	}
	if len(buf) == 0 {
		return nil
	}
	return s.sendBatch(ctx, buf, need, fn)
}

// sendBatch fills a batch's lists and hands it to fn.
func (s *Store) sendBatch(ctx context.Context, cs []model.Contact, need ExportNeeds, fn func([]model.Contact) error) error {
	if err := s.fillLists(ctx, cs, need); err != nil {
		return err
	}
	return fn(cs)
}
