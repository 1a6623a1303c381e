package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// ListEmails returns one page of the outbox, newest first, optionally
// narrowed to a state and to recipients whose address or name contains
// the search.
func (s *Store) ListEmails(ctx context.Context, q model.MailQuery) (*model.MailPage, error) {
	q.PerPage = max(q.PerPage, 1)
	q.Page = max(q.Page, 1)
	where, args := emailFilter(q)
	page := &model.MailPage{Page: q.Page}
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM emails WHERE `+where, args...).Scan(&page.Total); err != nil {
		return nil, fmt.Errorf("store: count emails: %w", err)
	}
	page.Pages = (page.Total + q.PerPage - 1) / q.PerPage
	args = append(args, q.PerPage, (q.Page-1)*q.PerPage)
	rows, err := s.r.QueryContext(ctx, fmt.Sprintf(`SELECT %s FROM emails WHERE %s ORDER BY id DESC LIMIT $%d OFFSET $%d`,
		emailColumns, where, len(args)-1, len(args)), args...)
	if err != nil {
		return nil, fmt.Errorf("store: list emails: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEmail(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan email: %w", err)
		}
		page.Mails = append(page.Mails, *e)
	}
	return page, rows.Err()
}

// emailFilter builds the WHERE clause of ListEmails, numbered from $1.
func emailFilter(q model.MailQuery) (string, []any) {
	conds := []string{"TRUE"}
	var args []any
	if q.State != "" {
		args = append(args, q.State)
		conds = append(conds, fmt.Sprintf("state = $%d", len(args)))
	}
	if term := strings.ToLower(strings.TrimSpace(q.Search)); term != "" {
		args = append(args, "%"+likeEscaper.Replace(term)+"%")
		n := len(args)
		conds = append(conds, fmt.Sprintf(`(lower(to_address) LIKE $%d ESCAPE '\' OR lower(to_name) LIKE $%d ESCAPE '\')`, n, n))
	}
	return strings.Join(conds, " AND "), args
}

// Email returns one email of the outbox.
func (s *Store) Email(ctx context.Context, id int64) (*model.Mail, error) {
	e, err := scanEmail(s.r.QueryRowContext(ctx, `SELECT `+emailColumns+` FROM emails WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "email", id)
	}
	return e, nil
}

// CountEmails counts the outbox by state, for the mailbox's tabs.
func (s *Store) CountEmails(ctx context.Context) (map[model.MailState]int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT state, count(*) FROM emails GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("store: count emails: %w", err)
	}
	defer rows.Close()
	out := map[model.MailState]int{}
	for rows.Next() {
		var st model.MailState
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, fmt.Errorf("store: count emails: %w", err)
		}
		out[st] = n
	}
	return out, rows.Err()
}
