package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/portico-hub/portico/app/model"
)

// SMTPSettings returns the SMTP server of Admin > Email, or ErrNotFound
// when none is set.
func (s *Store) SMTPSettings(ctx context.Context) (*model.SMTPSettings, error) {
	var m model.SMTPSettings
	err := s.r.QueryRowContext(ctx, `SELECT host, port, tls, username, password, updated_at FROM smtp_settings WHERE id = 1`).
		Scan(&m.Host, &m.Port, &m.TLS, &m.Username, &m.Password, &m.UpdatedAt)
	if err != nil {
		return nil, notFound(err, "smtp settings", 1)
	}
	return &m, nil
}

// SetSMTPSettings stores the SMTP server of Admin > Email, with an audit
// entry that names what changed but never holds the password.
func (s *Store) SetSMTPSettings(ctx context.Context, actor model.Actor, m model.SMTPSettings) error {
	old, err := s.SMTPSettings(ctx)
	if errors.Is(err, model.ErrNotFound) {
		old, err = &model.SMTPSettings{}, nil
	}
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO smtp_settings (id, host, port, tls, username, password, updated_at)
			VALUES (1, $1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET host = excluded.host, port = excluded.port,
			tls = excluded.tls, username = excluded.username, password = excluded.password, updated_at = excluded.updated_at`,
			m.Host, m.Port, m.TLS, m.Username, m.Password, s.Now())
		if err != nil {
			return fmt.Errorf("store: set smtp settings: %w", err)
		}
		return s.writeAudit(ctx, tx, actor, "setting", 0, "changed", smtpChanges(*old, m))
	})
}

// ClearSMTPSettings forgets the SMTP server of Admin > Email, so email
// stays in the built-in mailbox again.
func (s *Store) ClearSMTPSettings(ctx context.Context, actor model.Actor) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM smtp_settings WHERE id = 1`)
		if err != nil {
			return fmt.Errorf("store: clear smtp settings: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return s.writeAudit(ctx, tx, actor, "setting", 0, "changed", []model.Change{{Field: "smtp", From: "set", To: "cleared"}})
	})
}

// smtpChanges lists what an SMTP settings change changed; the password
// only as "changed" or "cleared".
func smtpChanges(a, b model.SMTPSettings) []model.Change {
	out := changed([][3]string{
		{"smtp.host", a.Host, b.Host}, {"smtp.port", strconv.Itoa(a.Port), strconv.Itoa(b.Port)},
		{"smtp.tls", a.TLS, b.TLS}, {"smtp.username", a.Username, b.Username},
	})
	switch {
	case a.Password == b.Password:
	case b.Password == "":
		out = append(out, model.Change{Field: "smtp.password", From: "set", To: ""})
	default:
		out = append(out, model.Change{Field: "smtp.password", To: "changed"})
	}
	return out
}
