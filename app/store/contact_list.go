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
//
// It works in two steps, whichever the list: first the ids of the page,
// from indexes alone where it can, then the columns of those thirty
// contacts. A page deep in the list then skips index entries, not rows
// with their primary address looked up.
//
// An unfiltered view reads its total from the counts kept by triggers and
// walks the index of its sort order. A filtered list collects its matches
// (up to countCap) once, which yields both the total and the sorted page.
// Past countCap, a search lists its newest matches first, in the search
// index's own order, rather than sorting hundreds of thousands of rows;
// a company or tag filter walks the sort index and checks each contact.
func (s *Store) ListContacts(ctx context.Context, q model.ContactQuery) (*model.ContactPage, error) {
	if q.PerPage <= 0 {
		q.PerPage = 30
	}
	q.Page = max(q.Page, 1)
	f := contactFilter(q)
	page := &model.ContactPage{Page: q.Page}
	var ids []int64
	var err error
	if f.filtered() {
		ids, err = s.filteredPage(ctx, q, f, page)
	} else {
		ids, err = s.viewPage(ctx, q, f, page)
	}
	if err != nil {
		return nil, err
	}
	page.Pages = max(1, (page.Total+q.PerPage-1)/q.PerPage)
	page.Contacts, err = s.contactsByID(ctx, ids)
	return page, err
}

// viewPage lists a whole view: the total comes from contact_counts and
// the page from the view's index in the chosen order.
func (s *Store) viewPage(ctx context.Context, q model.ContactQuery, f filter, page *model.ContactPage) ([]int64, error) {
	counts, err := s.ViewCounts(ctx)
	if err != nil {
		return nil, err
	}
	page.Total = counts.Of(q.View)
	n := len(f.args)
	query := fmt.Sprintf(`SELECT c.id FROM contacts c WHERE %s ORDER BY %s LIMIT $%d OFFSET $%d`,
		f.where(false), contactOrder(q), n+1, n+2)
	return int64s(ctx, s.r, query, append(f.args, q.PerPage, (q.Page-1)*q.PerPage)...)
}

// contactsByID returns the contacts with the given ids, in that order.
func (s *Store) contactsByID(ctx context.Context, ids []int64) ([]model.Contact, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	marks, args := make([]string, len(ids)), make([]any, len(ids))
	for i, id := range ids {
		marks[i], args[i] = fmt.Sprintf("$%d", i+1), id
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+contactColumns+` FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
		WHERE c.id IN (`+strings.Join(marks, ", ")+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list contacts: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]model.Contact, len(ids))
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan contact: %w", err)
		}
		byID[c.ID] = *c
	}
	out := make([]model.Contact, 0, len(ids))
	for _, id := range ids {
		if c, ok := byID[id]; ok {
			out = append(out, c)
		}
	}
	return out, rows.Err()
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
