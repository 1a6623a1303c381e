package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// Settings keys of Admin > Portal settings, besides SettingPortalName.
const (
	// SettingTicketSubmitters is "everyone" or "logged_in".
	SettingTicketSubmitters = "portal.ticket_submitters"
	// SettingSignUp is "true" when visitors may sign up.
	SettingSignUp = "portal.signup"
	// SettingEditPhone and SettingEditMobile are "false" when customers
	// may not change that number on their profile.
	SettingEditPhone  = "portal.edit_phone"
	SettingEditMobile = "portal.edit_mobile"
)

// PortalSettings returns Admin > Portal settings. Until an admin says
// otherwise only signed-in customers submit tickets and nobody signs up,
// so a new portal is not open to the world; customers keep their own
// numbers current, as they always could their phone.
func (s *Store) PortalSettings(ctx context.Context) (model.PortalSettings, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT key, value FROM settings WHERE key IN ($1, $2, $3, $4, $5)`,
		SettingPortalName, SettingTicketSubmitters, SettingSignUp, SettingEditPhone, SettingEditMobile)
	if err != nil {
		return model.PortalSettings{}, fmt.Errorf("store: portal settings: %w", err)
	}
	defer rows.Close()
	p := model.PortalSettings{Name: "Portico", Submitters: model.SubmitLoggedIn, EditPhone: true, EditMobile: true}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return model.PortalSettings{}, fmt.Errorf("store: scan portal setting: %w", err)
		}
		switch k {
		case SettingPortalName:
			p.Name = v
		case SettingTicketSubmitters:
			p.Submitters = model.TicketSubmitters(v)
		case SettingSignUp:
			p.SignUp = v == "true"
		case SettingEditPhone:
			p.EditPhone = v != "false"
		case SettingEditMobile:
			p.EditMobile = v != "false"
		}
	}
	return p, rows.Err()
}

// SetPortalSettings stores Admin > Portal settings in one transaction,
// with an audit entry for each value that changed.
func (s *Store) SetPortalSettings(ctx context.Context, actor model.Actor, p model.PortalSettings) error {
	old, err := s.PortalSettings(ctx)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, kv := range [][3]string{
			{SettingPortalName, old.Name, p.Name},
			{SettingTicketSubmitters, string(old.Submitters), string(p.Submitters)},
			{SettingSignUp, fmt.Sprint(old.SignUp), fmt.Sprint(p.SignUp)},
			{SettingEditPhone, fmt.Sprint(old.EditPhone), fmt.Sprint(p.EditPhone)},
			{SettingEditMobile, fmt.Sprint(old.EditMobile), fmt.Sprint(p.EditMobile)},
		} {
			if kv[1] == kv[2] {
				continue
			}
			if err := s.setSettingTx(ctx, tx, actor, kv[0], kv[2]); err != nil {
				return err
			}
		}
		return nil
	})
}
