package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// BulkTargets reads, for a batch of a bulk action, what decides whether
// the action applies to each contact: its state, whether it has tag
// (compared as tags are, ignoring case) and whether it belongs to the
// company. Unknown ids are left out; the rest come in id order.
func (s *Store) BulkTargets(ctx context.Context, ids []int64, tag string, companyID int64) ([]model.BulkTarget, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT c.id, c.state,
		EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id AND t.name_norm = $1),
		EXISTS (SELECT 1 FROM contact_companies cc WHERE cc.contact_id = c.id AND cc.company_id = $2),
		(SELECT count(*) FROM contact_companies cc WHERE cc.contact_id = c.id),
		(SELECT count(*) FROM contact_tags ct WHERE ct.contact_id = c.id)
		FROM contacts c WHERE c.id IN (`+marks(3, len(ids))+`) ORDER BY c.id`,
		append([]any{strings.ToLower(tag), companyID}, anys(ids)...)...)
	if err != nil {
		return nil, fmt.Errorf("store: bulk targets: %w", err)
	}
	defer rows.Close()
	var out []model.BulkTarget
	for rows.Next() {
		var t model.BulkTarget
		if err := rows.Scan(&t.ID, &t.State, &t.HasTag, &t.InCompany, &t.Companies, &t.Tags); err != nil {
			return nil, fmt.Errorf("store: scan bulk target: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// LinksSentSince returns, of these contacts, those sent a link (of any
// purpose) at or after since and not used yet, with the time of the
// newest, so a second email moments after the first is noticed before it
// goes.
func (s *Store) LinksSentSince(ctx context.Context, ids []int64, since time.Time) (map[int64]time.Time, error) {
	out := make(map[int64]time.Time)
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT contact_id, created_at FROM activation_tokens
		WHERE created_at >= $1 AND used_at IS NULL AND contact_id IN (`+marks(2, len(ids))+`)`, append([]any{since}, anys(ids)...)...)
	if err != nil {
		return nil, fmt.Errorf("store: links sent: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var at time.Time
		if err := rows.Scan(&id, &at); err != nil {
			return nil, fmt.Errorf("store: scan link sent: %w", err)
		}
		if at.After(out[id]) {
			out[id] = at
		}
	}
	return out, rows.Err()
}
