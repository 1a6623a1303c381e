package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// sortedMatches collects up to countCap+1 matches of a filtered list with
// their sort key, once, and reads from them both the total, into page,
// and the sorted page's ids. A search drives the collection from the
// search index, which yields matches lazily; a company or tag filter from
// its members.
func (s *Store) sortedMatches(ctx context.Context, q model.ContactQuery, f filter, page *model.ContactPage) ([]int64, error) {
	from, where := "contacts c", f.where(false)
	if f.match != "" {
		from = "contacts_fts JOIN contacts c ON c.id = contacts_fts.rowid"
		where = f.where(true) + " AND contacts_fts MATCH " + f.match
	}
	key, dir := sortKey(q)
	n := len(f.args)
	query := fmt.Sprintf(`WITH m AS MATERIALIZED (SELECT c.id, %s AS k FROM %s WHERE %s LIMIT %d)
		SELECT id, (SELECT count(*) FROM m) FROM m ORDER BY k %s, id %s LIMIT $%d OFFSET $%d`,
		key, from, where, countCap+1, dir, dir, n+1, n+2)
	rows, err := s.r.QueryContext(ctx, query, append(f.args, q.PerPage, (q.Page-1)*q.PerPage)...)
	if err != nil {
		return nil, fmt.Errorf("store: list matches: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id, &page.Total); err != nil {
			return nil, fmt.Errorf("store: scan match: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil || len(ids) > 0 || q.Page == 1 {
		return ids, err
	}
	return nil, s.countMatches(ctx, from, where, f, page)
}

// countMatches counts, up to countCap+1, the matches of a list paged past
// its end, which sortedMatches cannot count.
func (s *Store) countMatches(ctx context.Context, from, where string, f filter, page *model.ContactPage) error {
	query := fmt.Sprintf(`SELECT count(*) FROM (SELECT 1 FROM %s WHERE %s LIMIT %d) m`, from, where, countCap+1)
	if err := s.r.QueryRowContext(ctx, query, f.args...).Scan(&page.Total); err != nil {
		return fmt.Errorf("store: count matches: %w", err)
	}
	return nil
}

// sortKey is the column a list sorts by, and the direction.
func sortKey(q model.ContactQuery) (string, string) {
	dir := "ASC"
	if q.Desc {
		dir = "DESC"
	}
	switch q.Sort {
	case model.SortCreated:
		return "c.id", dir
	case model.SortUpdated:
		return "c.updated_at", dir
	}
	return "c.sort_name", dir
}
