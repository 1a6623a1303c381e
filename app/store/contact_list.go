package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// countCap bounds how far a filtered list counts its matches; past it the
// total is shown as "10,000+" instead of scanning a million rows.
const countCap = 10000

// ListContacts returns one page of contacts for a view, search and filters.
func (s *Store) ListContacts(ctx context.Context, q model.ContactQuery) (*model.ContactPage, error) {
	if q.PerPage <= 0 {
		q.PerPage = 30
	}
	if q.Page < 1 {
		q.Page = 1
	}
	where, args := contactFilter(q)
	page := &model.ContactPage{Page: q.Page}
	if err := s.countContacts(ctx, q, where, args, page); err != nil {
		return nil, err
	}
	args = append(args, q.PerPage, (q.Page-1)*q.PerPage)
	query := fmt.Sprintf(`SELECT %s FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
		WHERE %s ORDER BY %s LIMIT $%d OFFSET $%d`, contactColumns, where, contactOrder(q), len(args)-1, len(args))
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list contacts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan contact: %w", err)
		}
		page.Contacts = append(page.Contacts, *c)
	}
	return page, rows.Err()
}

// contactFilter builds the WHERE clause and its arguments, numbered from 1.
func contactFilter(q model.ContactQuery) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, arg any) {
		args = append(args, arg)
		conds = append(conds, strings.ReplaceAll(cond, "$?", fmt.Sprintf("$%d", len(args))))
	}
	if q.View == "" {
		conds = append(conds, "c.state <> 'deleted'")
	} else {
		add("c.state = $?", q.View)
	}
	if q.CompanyID != 0 {
		add("c.id IN (SELECT contact_id FROM contact_companies WHERE company_id = $?)", q.CompanyID)
	}
	if q.Tag != "" {
		add("c.id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name_norm = $?)", strings.ToLower(q.Tag))
	}
	if fts := FTSQuery(q.Search); fts != "" {
		add("c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH $?)", fts)
	}
	return strings.Join(conds, " AND "), args
}

func contactOrder(q model.ContactQuery) string {
	dir := " ASC"
	if q.Desc {
		dir = " DESC"
	}
	switch q.Sort {
	case model.SortCreated:
		return "c.id" + dir
	case model.SortUpdated:
		return "c.updated_at" + dir + ", c.id" + dir
	default:
		return "c.sort_name" + dir + ", c.id" + dir
	}
}

// countContacts fills Total and Pages. An unfiltered view reads the counts
// kept by triggers; a filtered one counts up to countCap.
func (s *Store) countContacts(ctx context.Context, q model.ContactQuery, where string, args []any, page *model.ContactPage) error {
	if q.CompanyID == 0 && q.Tag == "" && FTSQuery(q.Search) == "" {
		counts, err := s.ViewCounts(ctx)
		if err != nil {
			return err
		}
		page.Total = counts.Of(q.View)
	} else {
		query := fmt.Sprintf(`SELECT count(*) FROM (SELECT 1 FROM contacts c WHERE %s LIMIT %d)`, where, countCap+1)
		if err := s.r.QueryRowContext(ctx, query, args...).Scan(&page.Total); err != nil {
			return fmt.Errorf("store: count contacts: %w", err)
		}
		if page.Total > countCap {
			page.Total, page.Capped = countCap, true
		}
	}
	page.Pages = max(1, (page.Total+q.PerPage-1)/q.PerPage)
	return nil
}

// ViewCounts returns the number of contacts in each view.
func (s *Store) ViewCounts(ctx context.Context) (model.ViewCounts, error) {
	var vc model.ViewCounts
	rows, err := s.r.QueryContext(ctx, `SELECT state, n FROM contact_counts`)
	if err != nil {
		return vc, fmt.Errorf("store: view counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st model.State
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return vc, fmt.Errorf("store: scan count: %w", err)
		}
		vc.Set(st, n)
	}
	return vc, rows.Err()
}
