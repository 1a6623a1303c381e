package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// agentFields are the columns changeAgent may set, with how each reads
// as text in the audit trail.
var agentFields = map[string]string{
	"role":   `role`,
	"active": `CASE WHEN active THEN 'true' ELSE 'false' END`,
}

// changeAgent sets one field of an agent within tx and records who
// changed it from what to what; setting the value it already has writes
// nothing.
func (s *Store) changeAgent(ctx context.Context, tx *sql.Tx, actor model.Actor, id int64, field, value string) error {
	var before string
	err := tx.QueryRowContext(ctx, `SELECT `+agentFields[field]+` FROM agents WHERE id = $1`, id).Scan(&before)
	if err != nil {
		return notFound(err, "agent", id)
	}
	if before == value {
		return nil
	}
	var arg any = value
	if field == "active" {
		arg = value == "true"
	}
	if _, err := tx.ExecContext(ctx, `UPDATE agents SET `+field+` = $1, updated_at = $2 WHERE id = $3`, arg, s.Now(), id); err != nil {
		return fmt.Errorf("store: update agent %d: %w", id, err)
	}
	return s.writeAudit(ctx, tx, actor, "agent", id, "changed", []model.Change{{Field: field, From: before, To: value}})
}
