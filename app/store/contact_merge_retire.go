package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// moveCompanies gives the primary o's company memberships. A company both
// belong to keeps "view all tickets" when either membership had it.
func (m *merge) moveCompanies(ctx context.Context, tx *sql.Tx, o *model.Contact) error {
	added, err := strings1(ctx, tx, `SELECT co.name FROM contact_companies cc JOIN companies co ON co.id = cc.company_id
		WHERE cc.contact_id = $1 AND cc.company_id NOT IN (SELECT company_id FROM contact_companies WHERE contact_id = $2)
		ORDER BY co.name_norm`, o.ID, m.primary.ID)
	if err != nil {
		return err
	}
	stmts := []string{
		`UPDATE contact_companies SET view_all_tickets = TRUE WHERE contact_id = $1
			AND company_id IN (SELECT company_id FROM contact_companies WHERE contact_id = $2 AND view_all_tickets)`,
		`UPDATE contact_companies SET contact_id = $1
			WHERE contact_id = $2 AND company_id NOT IN (SELECT company_id FROM contact_companies WHERE contact_id = $1)`,
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q, m.primary.ID, o.ID); err != nil {
			return fmt.Errorf("store: move companies of %d: %w", o.ID, err)
		}
	}
	m.note("companies", added)
	return nil
}

// retire deletes o once everything has moved; its tickets become the
// primary's and keep their companies. Its URL, and every URL that
// already redirected to it, now redirects to the primary; its audit trail
// becomes part of the primary's.
func (m *merge) retire(ctx context.Context, tx *sql.Tx, o *model.Contact) error {
	p := m.primary.ID
	stmts := []struct {
		q    string
		args []any
	}{
		{`UPDATE contact_redirects SET new_id = $1 WHERE new_id = $2`, []any{p, o.ID}},
		{`INSERT INTO contact_redirects (old_id, new_id) VALUES ($1, $2)
			ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id`, []any{o.ID, p}},
		{`UPDATE audit_entries SET subject_id = $1 WHERE subject_type = 'contact' AND subject_id = $2`, []any{p, o.ID}},
		{`UPDATE emails SET contact_id = $1 WHERE contact_id = $2`, []any{p, o.ID}},
		{`UPDATE tickets SET contact_id = $1 WHERE contact_id = $2`, []any{p, o.ID}},
		{`DELETE FROM contacts_fts WHERE rowid = $1`, []any{o.ID}},
		{`DELETE FROM contacts WHERE id = $1`, []any{o.ID}},
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("store: retire merged contact %d: %w", o.ID, err)
		}
	}
	return nil
}
