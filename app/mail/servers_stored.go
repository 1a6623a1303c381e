package mail

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// Stored returns the server of Admin > Email, password included, or
// ErrNotFound when none is set; the environment's does not count.
func (s Servers) Stored(ctx context.Context) (*model.SMTPSettings, error) {
	return s.Store.SMTPSettings(ctx)
}

// Clear forgets the server of Admin > Email, with an audit entry; email
// then stays in the mailbox unless the environment names a server.
func (s Servers) Clear(ctx context.Context, by model.Actor) error {
	return s.Store.ClearSMTPSettings(ctx, by)
}
