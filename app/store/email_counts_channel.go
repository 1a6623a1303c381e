package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// CountChannelEmails is CountEmails for the messages of one channel, so
// the mailbox's outcome tabs count what its channel filter lists.
func (s *Store) CountChannelEmails(ctx context.Context, ch model.Channel) (map[model.MailState]int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT CASE WHEN state = $1 AND transport = $2 THEN $3 ELSE state END AS shown, count(*)
		FROM emails WHERE channel = $4 GROUP BY shown`, model.MailSent, model.TransportMailbox, model.MailKept, ch)
	if err != nil {
		return nil, fmt.Errorf("store: count %s emails: %w", ch, err)
	}
	defer rows.Close()
	out := map[model.MailState]int{}
	for rows.Next() {
		var st model.MailState
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, fmt.Errorf("store: count %s emails: %w", ch, err)
		}
		out[st] = n
	}
	return out, rows.Err()
}
