package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// ContactMessages returns the newest messages of the outbox to a contact,
// by every channel, without their bodies: the contact's page shows which
// channel carried each, and how it went.
func (s *Store) ContactMessages(ctx context.Context, contactID int64, limit int) ([]model.Mail, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+emailColumns+` FROM emails WHERE contact_id = $1 ORDER BY id DESC LIMIT $2`,
		contactID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: messages to %d: %w", contactID, err)
	}
	defer rows.Close()
	var out []model.Mail
	for rows.Next() {
		e, err := scanEmail(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan message: %w", err)
		}
		e.HTML, e.Text = "", ""
		out = append(out, *e)
	}
	return out, rows.Err()
}
