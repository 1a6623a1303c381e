package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// fillLists reads the addresses, companies and tags of a batch of
// contacts sorted by id, one query per list.
func (s *Store) fillLists(ctx context.Context, cs []model.Contact, need ExportNeeds) error {
	at := make(map[int64]*model.Contact, len(cs))
	for i := range cs {
		at[cs[i].ID] = &cs[i]
	}
	cond, args := batchCond(cs)
	if need.Emails {
		err := s.eachPair(ctx, `SELECT contact_id, email FROM contact_emails WHERE contact_id `+cond+`
			ORDER BY contact_id, is_primary DESC, id`, args, func(c *model.Contact, v string) {
			c.Emails = append(c.Emails, model.Email{ContactID: c.ID, Address: v, Primary: len(c.Emails) == 0})
		}, at)
		if err != nil {
			return err
		}
	}
	if need.Companies {
		err := s.eachPair(ctx, `SELECT cc.contact_id, co.name FROM contact_companies cc JOIN companies co ON co.id = cc.company_id
			JOIN contacts c ON c.id = cc.contact_id WHERE cc.contact_id `+cond+`
			ORDER BY cc.contact_id, coalesce(c.company_id, 0) <> co.id, co.name_norm`, args, func(c *model.Contact, v string) {
			c.Companies = append(c.Companies, model.Membership{CompanyName: v, Default: len(c.Companies) == 0 && c.CompanyID != 0})
		}, at)
		if err != nil {
			return err
		}
	}
	if need.Tags {
		return s.eachPair(ctx, `SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
			WHERE ct.contact_id `+cond+` ORDER BY ct.contact_id, t.name_norm`, args,
			func(c *model.Contact, v string) { c.Tags = append(c.Tags, v) }, at)
	}
	return nil
}

// eachPair runs a query of (contact id, value) rows and hands each value
// to add with its contact; rows of contacts outside the batch, which a
// range condition lets through, are passed over.
func (s *Store) eachPair(ctx context.Context, query string, args []any, add func(*model.Contact, string),
	at map[int64]*model.Contact) error {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: export lists: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var v string
		if err := rows.Scan(&id, &v); err != nil {
			return fmt.Errorf("store: scan export list: %w", err)
		}
		if c, ok := at[id]; ok {
			add(c, v)
		}
	}
	return rows.Err()
}

// batchCond selects a batch's contacts by id: by range when the batch is
// dense, as a whole list or a state's view is, and by list otherwise, as
// a narrow search is.
func batchCond(cs []model.Contact) (string, []any) {
	first, last := cs[0].ID, cs[len(cs)-1].ID
	if last-first < int64(2*len(cs)) {
		return "BETWEEN $1 AND $2", []any{first, last}
	}
	marks, args := make([]string, len(cs)), make([]any, len(cs))
	for i, c := range cs {
		marks[i], args[i] = fmt.Sprintf("$%d", i+1), c.ID
	}
	return "IN (" + strings.Join(marks, ", ") + ")", args
}
