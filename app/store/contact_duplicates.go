package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// LikelyDuplicates suggests live contacts that may be the same person as
// c: the same name, the same phone or mobile number, or an address at one
// of c's email domains under a name starting with c's first name. Each
// rule reads an index, so suggestions stay fast on a large database.
func (s *Store) LikelyDuplicates(ctx context.Context, c *model.Contact, limit int) ([]model.Contact, error) {
	ids, err := int64s(ctx, s.r, `SELECT id FROM contacts WHERE sort_name = $1 AND state <> 'deleted' AND id <> $2 LIMIT $3`,
		sortName(c.Name), c.ID, limit)
	if err != nil {
		return nil, err
	}
	for _, p := range []string{c.Phone, c.Mobile} {
		if d := onlyDigits(p); len(d) >= 6 {
			found, err := int64s(ctx, s.r, `SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH $1 LIMIT $2`, `"`+d+`"`, limit+1)
			if err != nil {
				return nil, err
			}
			ids = append(ids, found...)
		}
	}
	if first := strings.Fields(sortName(c.Name)); len(first) > 0 {
		found, err := int64s(ctx, s.r, `SELECT c.id FROM contacts c WHERE c.sort_name >= $1 AND c.sort_name < $2
			AND c.state <> 'deleted' AND c.id <> $3 AND EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id
			AND e.domain IN (SELECT domain FROM contact_emails WHERE contact_id = $3)) LIMIT $4`,
			first[0], first[0]+"\U0010FFFF", c.ID, limit)
		if err != nil {
			return nil, err
		}
		ids = append(ids, found...)
	}
	out, err := s.ContactsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	live := out[:0]
	for _, d := range out {
		if d.ID != c.ID && d.State != model.StateDeleted && len(live) < limit {
			live = append(live, d)
		}
	}
	return live, nil
}

// ContactsByID returns the contacts with the given ids, in that order,
// each once; ids that do not exist are left out.
func (s *Store) ContactsByID(ctx context.Context, ids []int64) ([]model.Contact, error) {
	var marks []string
	var args []any
	seen := map[int64]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			args = append(args, id)
			marks = append(marks, fmt.Sprintf("$%d", len(args)))
		}
	}
	if len(args) == 0 {
		return nil, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+contactColumns+` FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
		WHERE c.id IN (`+strings.Join(marks, ", ")+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: contacts by id: %w", err)
	}
	defer rows.Close()
	byID := map[int64]model.Contact{}
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan contact: %w", err)
		}
		byID[c.ID] = *c
	}
	var out []model.Contact
	for _, id := range args {
		if c, ok := byID[id.(int64)]; ok {
			out = append(out, c)
		}
	}
	return out, rows.Err()
}
