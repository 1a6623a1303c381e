package store

import (
	"context"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// OutboxChannel is a channel that carried messages, for the mailbox's
// channel filter.
type OutboxChannel struct {
	Channel model.Channel
	// Name is the name the channel's newest message was queued under.
	Name  string
	Count int
}

// OutboxChannels lists the channels of the outbox's messages, email
// first, then by name.
func (s *Store) OutboxChannels(ctx context.Context) ([]OutboxChannel, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT channel, (SELECT channel_name FROM emails n WHERE n.channel = e.channel
		ORDER BY n.id DESC LIMIT 1), count(*) FROM emails e GROUP BY channel ORDER BY channel <> 'email', 2`)
	if err != nil {
		return nil, fmt.Errorf("store: outbox channels: %w", err)
	}
	defer rows.Close()
	var out []OutboxChannel
	for rows.Next() {
		var c OutboxChannel
		if err := rows.Scan(&c.Channel, &c.Name, &c.Count); err != nil {
			return nil, fmt.Errorf("store: scan outbox channel: %w", err)
		}
		if c.Channel.IsEmail() {
			c.Name = "Email"
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
