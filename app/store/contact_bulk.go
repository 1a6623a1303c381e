package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// BulkError names the contact of a batch that InsertContacts refused. The
// whole batch is rolled back, so an import can set that row aside and
// insert the others again.
type BulkError struct {
	Index int
	Err   error
}

func (e *BulkError) Error() string {
	return fmt.Sprintf("store: contact %d of the batch: %v", e.Index, e.Err)
}
func (e *BulkError) Unwrap() error { return e.Err }

// InsertContacts inserts a batch of contacts in one transaction, for
// imports and seeding. It keeps every rule CreateContact keeps: addresses
// unique across contacts and agents, unique external ids, view counts
// (the same triggers fire), tags, links by email domain, the search
// document, one "created" audit entry per contact, so each contact's
// timeline starts like any other's, and one contact.created event each,
// in the bulk lane.
//
// It is fast because it writes each table with multi-row INSERTs, looks
// agents' addresses, tags, domains and company names up once per batch,
// and checks uniqueness in memory within the batch while the UNIQUE
// indexes check it against the rows already stored.
func (s *Store) InsertContacts(ctx context.Context, actor model.Actor, in []NewContact) ([]int64, error) {
	var ids []int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		ids, err = s.insertBulk(ctx, tx, actor, in)
		return err
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// insertBulk is InsertContacts within a transaction the caller owns.
func (s *Store) insertBulk(ctx context.Context, tx *sql.Tx, actor model.Actor, in []NewContact) ([]int64, error) {
	b, err := newBulk(ctx, tx, actor, s.Now)
	if err != nil {
		return nil, err
	}
	b.events, b.times = s.bulkEvents(tx), s.Times
	if err := b.check(in); err != nil {
		return nil, err
	}
	ids, err := nextContactIDs(ctx, tx, len(in))
	if err != nil {
		return nil, err
	}
	if err := b.write(ctx, in, ids); err != nil {
		return nil, err
	}
	return ids, nil
}

// nextContactIDs reserves n contact ids after every id ever used: by a
// contact, a merge redirect or an erased contact's audit entry, so a new
// contact never inherits an old one's URL or timeline. The store holds
// the only writer, so nothing can take them meanwhile.
func nextContactIDs(ctx context.Context, tx *sql.Tx, n int) ([]int64, error) {
	var last int64
	err := tx.QueryRowContext(ctx, `SELECT max(
		coalesce((SELECT max(id) FROM contacts), 0),
		coalesce((SELECT max(old_id) FROM contact_redirects), 0),
		coalesce((SELECT max(subject_id) FROM audit_entries WHERE subject_type = 'contact'), 0))`).Scan(&last)
	if err != nil {
		return nil, fmt.Errorf("store: next contact id: %w", err)
	}
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = last + int64(i) + 1
	}
	return ids, nil
}

// check refuses, before anything is written, a contact that cannot be
// stored: an unknown state, too many addresses, an agent's address, or an
// address, external id or X handle already given to another contact of
// the batch.
func (b *bulk) check(in []NewContact) error {
	emails, keys := map[string]int{}, map[string]int{}
	for i, c := range in {
		if err := b.checkOne(i, c, emails, keys); err != nil {
			return &BulkError{Index: i, Err: err}
		}
	}
	return nil
}

func (b *bulk) checkOne(i int, c NewContact, emails, keys map[string]int) error {
	if c.State != "" && !c.State.Valid() {
		return fmt.Errorf("store: unknown contact state %q", c.State)
	}
	if len(c.Emails) > model.MaxEmails {
		return model.Invalid("email", fmt.Sprintf("A contact can have at most %d email addresses.", model.MaxEmails))
	}
	for _, e := range c.Emails {
		norm := NormEmail(e)
		if addr, ok := b.agents[norm]; ok {
			return &model.EmailTakenError{Email: addr}
		}
		if j, ok := emails[norm]; ok && j == i {
			return model.Invalid("email", "This contact already has this address.")
		} else if ok {
			return model.Invalid("email", fmt.Sprintf("Contact %d of the same batch has the address %s.", j, e))
		}
		emails[norm] = i
	}
	if x := c.Fields.ExternalID; x != "" {
		if j, ok := keys["x:"+x]; ok {
			return model.Invalid("external_id", fmt.Sprintf("Contact %d of the same batch has this external ID.", j))
		}
		keys["x:"+x] = i
	}
	if h := strings.ToLower(c.Fields.TwitterID); h != "" {
		if j, ok := keys["t:"+h]; ok {
			return model.Invalid("twitter_id", fmt.Sprintf("Contact %d of the same batch has this X handle.", j))
		}
		keys["t:"+h] = i
	}
	return nil
}
