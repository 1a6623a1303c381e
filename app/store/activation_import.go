package store

import (
	"context"
	"database/sql"
	"fmt"
)

// ImportActivationJobKind is the kind of the job that sends the
// activation email to the contacts an import created: once it finished
// as done, or when asked after it was cancelled or failed.
const ImportActivationJobKind = "activation.import"

// noteActivations records contacts an import just created, when the
// import asks for their activation email, in the batch's transaction: a
// resumed import never notes a contact twice or misses one.
func (b *ImportTx) noteActivations(ctx context.Context, ids []int64) error {
	var want bool
	err := b.tx.QueryRowContext(ctx, `SELECT send_activation AND NOT dry_run AND kind = 'contacts' FROM imports WHERE id = $1`, b.id).Scan(&want)
	if err != nil {
		return fmt.Errorf("store: import %d asks for activation: %w", b.id, err)
	}
	for _, id := range ids {
		if !want {
			break
		}
		if _, err := b.tx.ExecContext(ctx, `INSERT INTO import_activations (import_id, contact_id) VALUES ($1, $2)
			ON CONFLICT DO NOTHING`, b.id, id); err != nil {
			return fmt.Errorf("store: note activation of %d: %w", id, err)
		}
	}
	return nil
}

// queueImportActivations adds the job sending the activation emails of a
// finished import's new contacts, in tx, on behalf of agent by, or of the
// importer when by is 0. It reports whether it added one: not when no
// contact is noted, nor while a send for the import waits or runs, which
// the job's singleton key rules out.
func (s *Store) queueImportActivations(ctx context.Context, tx *sql.Tx, id, by int64) (bool, error) {
	var agent any
	if by != 0 {
		agent = by
	}
	now := s.Now()
	res, err := tx.ExecContext(ctx, `INSERT INTO jobs (kind, singleton, payload, max_attempts, run_at, created_by, created_at, updated_at)
		SELECT $1, $1 || ':' || $2, '{"import_id":' || $2 || '}', 5, $3, coalesce($4, created_by), $3, $3 FROM imports
		WHERE id = $2 AND EXISTS (SELECT 1 FROM import_activations WHERE import_id = $2)
		ON CONFLICT DO NOTHING`, ImportActivationJobKind, id, now, agent)
	if err != nil {
		return false, fmt.Errorf("store: queue activation of import %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: queue activation of import %d: %w", id, err)
	}
	return n == 1, nil
}

// ImportActivations returns up to limit contacts, after the id after,
// that an import created and asked to send the activation email.
func (s *Store) ImportActivations(ctx context.Context, importID, after int64, limit int) ([]int64, error) {
	return int64s(ctx, s.r, `SELECT contact_id FROM import_activations WHERE import_id = $1 AND contact_id > $2
		ORDER BY contact_id LIMIT $3`, importID, after, limit)
}

// ForgetImportActivations drops an import's noted contacts once their
// emails are queued.
func (s *Store) ForgetImportActivations(ctx context.Context, importID int64) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM import_activations WHERE import_id = $1`, importID); err != nil {
		return fmt.Errorf("store: forget activations of import %d: %w", importID, err)
	}
	return nil
}

// ForgetImportActivationsThrough drops an import's noted contacts up to
// and including the contact id last: those a stopped send got to.
func (s *Store) ForgetImportActivationsThrough(ctx context.Context, importID, last int64) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM import_activations WHERE import_id = $1 AND contact_id <= $2`,
		importID, last); err != nil {
		return fmt.Errorf("store: forget activations of import %d: %w", importID, err)
	}
	return nil
}
