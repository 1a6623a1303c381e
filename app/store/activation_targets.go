package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

const targetQuery = `SELECT c.id, c.name, coalesce(e.email, ''), c.state FROM contacts c
	LEFT JOIN contact_emails e ON e.contact_id = c.id AND e.is_primary`

// LinkTargets returns the contacts with these ids, with their primary
// address (empty when they have none), in id order; unknown ids are left
// out.
func (s *Store) LinkTargets(ctx context.Context, ids []int64) ([]model.LinkTarget, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	marks := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		marks[i], args[i] = fmt.Sprintf("$%d", i+1), id
	}
	rows, err := s.r.QueryContext(ctx, targetQuery+` WHERE c.id IN (`+strings.Join(marks, ", ")+`) ORDER BY c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: link targets: %w", err)
	}
	defer rows.Close()
	var out []model.LinkTarget
	for rows.Next() {
		var t model.LinkTarget
		if err := rows.Scan(&t.ID, &t.Name, &t.Email, &t.State); err != nil {
			return nil, fmt.Errorf("store: scan link target: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// LinkTargetByEmail returns the contact holding an address, primary or
// not, with its primary address.
func (s *Store) LinkTargetByEmail(ctx context.Context, email string) (*model.LinkTarget, error) {
	var t model.LinkTarget
	err := s.r.QueryRowContext(ctx, targetQuery+` WHERE c.id = (SELECT contact_id FROM contact_emails WHERE email_norm = $1)`,
		NormEmail(email)).Scan(&t.ID, &t.Name, &t.Email, &t.State)
	if err != nil {
		return nil, notFound(err, "contact with email", email)
	}
	return &t, nil
}

// LinkStatus returns the newest link sent to a contact, or ErrNotFound
// when none was.
func (s *Store) LinkStatus(ctx context.Context, contactID int64) (*model.LinkStatus, error) {
	var st model.LinkStatus
	var used sql.NullTime
	err := s.r.QueryRowContext(ctx, `SELECT purpose, created_at, expires_at, used_at, revoked_at IS NOT NULL FROM activation_tokens
		WHERE contact_id = $1 ORDER BY created_at DESC, rowid DESC LIMIT 1`, contactID).Scan(&st.Purpose, &st.SentAt, &st.ExpiresAt, &used, &st.Ended)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: no link sent to %d: %w", contactID, model.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: link status of %d: %w", contactID, err)
	}
	st.Used = used.Valid
	return &st, nil
}

// MatchingContactIDs returns up to limit ids, in order, after the id
// after, of the contacts a list's view, search and filters match, for
// work on "every matching contact" that no page limits.
func (s *Store) MatchingContactIDs(ctx context.Context, q model.ContactQuery, after int64, limit int) ([]int64, error) {
	f := contactFilter(q)
	n := len(f.args)
	query := fmt.Sprintf(`SELECT c.id FROM contacts c WHERE %s AND c.id > $%d ORDER BY c.id LIMIT $%d`, f.where(false), n+1, n+2)
	return int64s(ctx, s.r, query, append(f.args, after, limit)...)
}
