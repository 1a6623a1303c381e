package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// ListEmails returns one page of the outbox, newest first, optionally
// narrowed to a state, a channel and to recipients whose address or name contains
// the search. Its emails are the stored copies, for the list, which
// shows no bodies; Email gives one as the mailbox shows it.
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
		var cond string
		cond, args = stateCond(q.State, args)
		conds = append(conds, cond)
	}
	if q.ContactID != 0 {
		args = append(args, q.ContactID)
		conds = append(conds, fmt.Sprintf("contact_id = $%d", len(args)))
	}
	if q.Channel != "" {
		args = append(args, q.Channel)
		conds = append(conds, fmt.Sprintf("channel = $%d", len(args)))
	}
	if term := strings.ToLower(strings.TrimSpace(q.Search)); term != "" {
		args = append(args, "%"+likeEscaper.Replace(term)+"%")
		n := len(args)
		conds = append(conds, fmt.Sprintf(`(lower(to_address) LIKE $%d ESCAPE '\' OR lower(to_name) LIKE $%d ESCAPE '\')`, n, n))
	}
	return strings.Join(conds, " AND "), args
}

// stateCond narrows the outbox to a state as the mailbox shows it: sent
// is sent through SMTP, and kept is sent into the built-in mailbox.
func stateCond(st model.MailState, args []any) (string, []any) {
	if st != model.MailSent && st != model.MailKept {
		args = append(args, st)
		return fmt.Sprintf("state = $%d", len(args)), args
	}
	op := "<>"
	if st == model.MailKept {
		op = "="
	}
	args = append(args, model.MailSent, model.TransportMailbox)
	return fmt.Sprintf("state = $%d AND transport %s $%d", len(args)-1, op, len(args)), args
}

// Email returns one email of the outbox as the mailbox shows it: with
// its one-time link only when it was kept in the built-in mailbox and
// the link still works, else with the link redacted (LinkHidden).
func (s *Store) Email(ctx context.Context, id int64) (*model.Mail, error) {
	e, err := scanEmail(s.r.QueryRowContext(ctx, `SELECT `+emailColumns+` FROM emails WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "email", id)
	}
	if err := s.showLink(ctx, e); err != nil {
		return nil, err
	}
	return e, nil
}

// CountEmails counts the outbox by state, for the mailbox's tabs. A sent
// email kept in the built-in mailbox counts as kept, not as sent.
func (s *Store) CountEmails(ctx context.Context) (map[model.MailState]int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT CASE WHEN state = $1 AND transport = $2 THEN $3 ELSE state END AS shown, count(*)
		FROM emails GROUP BY shown`, model.MailSent, model.TransportMailbox, model.MailKept)
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
