package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// Secret returns the named random secret, creating it on first use. The
// CSRF key lives here so tokens survive restarts and are shared by every
// server on one database, with nothing to configure.
func (s *Store) Secret(ctx context.Context, name string) ([]byte, error) {
	key := "secret." + name
	var v string
	err := s.w.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		b := make([]byte, 32)
		rand.Read(b)
		v = hex.EncodeToString(b)
		_, err = s.w.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, key, v)
		if err != nil {
			return nil, fmt.Errorf("store: create secret: %w", err)
		}
		return s.Secret(ctx, name)
	}
	if err != nil {
		return nil, fmt.Errorf("store: secret %s: %w", name, err)
	}
	return hex.DecodeString(v)
}

// prefixed qualifies each column of a comma-separated list with p.
func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}
