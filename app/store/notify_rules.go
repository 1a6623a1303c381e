package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// NotifyRules returns every kind's notification rule, by kind; a kind no
// admin changed has model.EmailOnly.
func (s *Store) NotifyRules(ctx context.Context) (map[model.NotifyKind]model.NotifyRule, error) {
	out := map[model.NotifyKind]model.NotifyRule{}
	for _, k := range model.NotifyKinds {
		out[k] = model.EmailOnly(k)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT kind, channels, updated_at, updated_by_name FROM notification_rules`)
	if err != nil {
		return nil, fmt.Errorf("store: notification rules: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r model.NotifyRule
		var steps string
		if err := rows.Scan(&r.Kind, &steps, &r.UpdatedAt, &r.UpdatedBy); err != nil {
			return nil, fmt.Errorf("store: scan notification rule: %w", err)
		}
		if err := json.Unmarshal([]byte(steps), &r.Steps); err != nil {
			return nil, fmt.Errorf("store: notification rule %s: %w", r.Kind, err)
		}
		out[r.Kind] = r
	}
	return out, rows.Err()
}

// NotifyRule returns one kind's rule.
func (s *Store) NotifyRule(ctx context.Context, kind model.NotifyKind) (model.NotifyRule, error) {
	rules, err := s.NotifyRules(ctx)
	if err != nil {
		return model.NotifyRule{}, err
	}
	return rules[kind], nil
}

// SaveNotifyRule stores a rule, checked by the caller, and writes an
// audit entry saying what it was and what it became.
func (s *Store) SaveNotifyRule(ctx context.Context, actor model.Actor, r model.NotifyRule, from, to string) error {
	steps, err := json.Marshal(r.Steps)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO notification_rules (kind, channels, updated_at, updated_by, updated_by_name)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (kind) DO UPDATE SET channels = excluded.channels,
			updated_at = excluded.updated_at, updated_by = excluded.updated_by, updated_by_name = excluded.updated_by_name`,
			r.Kind, string(steps), s.Now(), nullableID(actor.ID), actor.Name)
		if err != nil {
			return fmt.Errorf("store: save notification rule %s: %w", r.Kind, err)
		}
		return s.writeAudit(ctx, tx, actor, "notification_rule", 0, "notification_rule_changed",
			[]model.Change{{Field: string(r.Kind), From: from, To: to}})
	})
}
