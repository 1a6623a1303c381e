package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// rows adds one contact's rows to every table.
func (b *bulk) rows(ctx context.Context, t *tables, i int, id int64, c NewContact) error {
	now := b.now()
	companies, err := b.companiesOf(ctx, c.Emails)
	if err != nil {
		return err
	}
	companies = joinIDs(c.Companies, companies)
	var company any
	if len(companies) > 0 {
		company = companies[0]
	}
	state, verified, blocked, deleted := stateTimes(c.State, now)
	f := c.Fields
	t.contacts.add(i, id, f.Name, sortName(f.Name), state, f.JobTitle, f.Phone, f.Mobile, f.Language, f.TimeZone,
		nullable(f.ExternalID), nullable(f.TwitterID), f.Address, f.About, company, verified, blocked, deleted, now, now)
	emails := make([]string, len(c.Emails))
	for k, e := range c.Emails {
		emails[k] = strings.TrimSpace(e)
		norm := NormEmail(e)
		t.emails.add(i, id, emails[k], norm, emailDomain(norm), k == 0, now)
	}
	for k, co := range companies {
		t.members.add(i, id, co, k == 0 && len(c.Companies) > 0 && c.ViewAllTickets, now)
	}
	tags := make([]string, len(c.Tags))
	for k, tag := range c.Tags {
		tagID, name, err := b.tag(ctx, tag)
		if err != nil {
			return err
		}
		t.tags.add(i, id, tagID)
		tags[k] = name
	}
	names, err := b.companyNames(ctx, companies)
	if err != nil {
		return err
	}
	t.docs.add(i, id, searchDoc(f.Name, emails, []string{f.Phone, f.Mobile}, names, f.ExternalID, f.TwitterID))
	t.audit.add(i, "contact", id, b.actorID, b.actor.Name, "created", "[]", now)
	snap := createdSnapshot(id, c, emails, tags, companies, state, now)
	ev, err := events.New(events.ContactCreated{Contact: snap}, now)
	t.events = append(t.events, ev)
	return err
}

// stateTimes returns the state to store and its timestamps, set as a
// state change would set them, so that restoring or unblocking an
// inserted contact behaves as for any other. A contact inserted as
// verified counts as verified from now on.
func stateTimes(s model.State, now time.Time) (st model.State, verified, blocked, deleted any) {
	switch s {
	case model.StateVerified:
		return s, now, nil, nil
	case model.StateBlocked:
		return s, nil, now, nil
	case model.StateDeleted:
		return s, nil, nil, now
	}
	return model.StateUnverified, nil, nil, nil
}

// companiesOf returns, without repeats, the companies the addresses'
// domains link to: those listed on exactly one company.
func (b *bulk) companiesOf(ctx context.Context, emails []string) ([]int64, error) {
	var out []int64
	for _, e := range emails {
		d := emailDomain(e)
		co, ok := b.domains[d]
		if !ok && d != "" {
			ids, err := int64s(ctx, b.tx, `SELECT company_id FROM company_domains WHERE domain = $1 LIMIT 2`, d)
			if err != nil {
				return nil, err
			}
			if len(ids) == 1 {
				co = ids[0]
			}
			b.domains[d] = co
		}
		if co != 0 && !containsID(out, co) {
			out = append(out, co)
		}
	}
	return out, nil
}

// joinIDs returns first followed by the ids of more it does not hold.
func joinIDs(first, more []int64) []int64 {
	out := append([]int64(nil), first...)
	for _, id := range more {
		if !containsID(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func containsID(ids []int64, id int64) bool {
	for _, v := range ids {
		if v == id {
			return true
		}
	}
	return false
}

func (b *bulk) companyNames(ctx context.Context, ids []int64) ([]string, error) {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		name, ok := b.companies[id]
		if !ok {
			err := b.tx.QueryRowContext(ctx, `SELECT name FROM companies WHERE id = $1`, id).Scan(&name)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return nil, fmt.Errorf("store: company %d: %w", id, err)
			}
			b.companies[id] = name
		}
		names = append(names, name)
	}
	return names, nil
}

// tag returns the id of the tag named name, ignoring case, and its name
// as stored, creating it when it is new.
func (b *bulk) tag(ctx context.Context, name string) (int64, string, error) {
	norm := strings.ToLower(name)
	if t, ok := b.tags[norm]; ok {
		return t.id, t.name, nil
	}
	var t storedTag
	err := b.tx.QueryRowContext(ctx, `INSERT INTO tags (name, name_norm) VALUES ($1, $2)
		ON CONFLICT (name_norm) DO UPDATE SET name_norm = excluded.name_norm RETURNING id, name`, name, norm).Scan(&t.id, &t.name)
	if err != nil {
		return 0, "", fmt.Errorf("store: tag %q: %w", name, err)
	}
	b.tags[norm] = t
	return t.id, t.name, nil
}

type storedTag struct {
	id   int64
	name string
}

func agentEmails(ctx context.Context, tx *sql.Tx) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT email_norm, email FROM agents`)
	if err != nil {
		return nil, fmt.Errorf("store: agents' addresses: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var norm, addr string
		if err := rows.Scan(&norm, &addr); err != nil {
			return nil, fmt.Errorf("store: scan agent address: %w", err)
		}
		out[norm] = addr
	}
	return out, rows.Err()
}
