package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// Settings keys of the requester notifications and the portal.
const (
	// SettingActivationAuto is Admin > Notifications' "User
	// activation email" switch: "true" sends every new contact with an
	// address the activation email.
	SettingActivationAuto = "notify.activation_auto"
	// SettingPortalName is the portal's name shown to customers.
	SettingPortalName = "portal.name"
)

// Setting returns a setting's value, or def when it was never set.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	var v string
	err := s.r.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	if err != nil {
		return "", fmt.Errorf("store: setting %s: %w", key, err)
	}
	return v, nil
}

// SetSetting stores a setting and records who changed it.
func (s *Store) SetSetting(ctx context.Context, actor model.Actor, key, value string) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.setSettingTx(ctx, tx, actor, key, value) })
}

// setSettingTx stores a setting within tx, with an audit entry when its
// value changes.
func (s *Store) setSettingTx(ctx context.Context, tx *sql.Tx, actor model.Actor, key, value string) error {
	var before string
	err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&before)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: setting %s: %w", key, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return fmt.Errorf("store: set %s: %w", key, err)
	}
	return s.writeAudit(ctx, tx, actor, "setting", 0, "changed", []model.Change{{Field: key, From: before, To: value}})
}

// ActivationAuto reports whether new contacts are sent the activation
// email automatically; the import wizard defaults its checkbox to it.
func (s *Store) ActivationAuto(ctx context.Context) (bool, error) {
	v, err := s.Setting(ctx, SettingActivationAuto, "false")
	return v == "true", err
}

// SetActivationAuto turns the automatic activation email on or off.
func (s *Store) SetActivationAuto(ctx context.Context, actor model.Actor, on bool) error {
	return s.SetSetting(ctx, actor, SettingActivationAuto, fmt.Sprint(on))
}

// PortalName returns the portal's name as customers see it.
func (s *Store) PortalName(ctx context.Context) (string, error) {
	return s.Setting(ctx, SettingPortalName, "Portico")
}
