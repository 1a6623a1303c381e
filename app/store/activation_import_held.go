package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// ImportActivationSingleton is the singleton key of the job sending an
// import's activation emails, as queueImportActivations builds it.
func ImportActivationSingleton(importID int64) string {
	return fmt.Sprintf("%s:%d", ImportActivationJobKind, importID)
}

// CountImportActivations counts the contacts noted for an import's
// activation email that a send would still email: unverified, with an
// address. Those verified, blocked or deleted since, or left without an
// address, are skipped by the send and so not counted.
func (s *Store) CountImportActivations(ctx context.Context, importID int64) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM import_activations a JOIN contacts c ON c.id = a.contact_id
		WHERE a.import_id = $1 AND c.state = $2
		AND EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id AND e.is_primary)`,
		importID, model.StateUnverified).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count activations of import %d: %w", importID, err)
	}
	return n, nil
}

// QueueImportActivations queues, on behalf of agent by, the job sending
// the activation emails that a cancelled or failed import held back. It
// reports false when there is nothing to send (already sent, or no
// contact noted) or a send for the import already waits or runs, so
// asking twice sends once.
func (s *Store) QueueImportActivations(ctx context.Context, importID, by int64) (bool, error) {
	var queued bool
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		queued, err = s.queueImportActivations(ctx, tx, importID, by)
		return err
	})
	return queued, err
}

// LastImportActivationJob returns the newest job that sent, or sends, an
// import's activation emails, or ErrNotFound when none was queued.
func (s *Store) LastImportActivationJob(ctx context.Context, importID int64) (*model.Job, error) {
	j, err := scanJob(s.r.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE kind = $1 AND singleton = $2
		ORDER BY id DESC LIMIT 1`, ImportActivationJobKind, ImportActivationSingleton(importID)))
	if err != nil {
		return nil, notFound(err, "activation job of import", importID)
	}
	return j, nil
}
