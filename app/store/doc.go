// Package store owns every SQL statement in Portico. It opens the SQLite
// database (one writer connection, a pool of readers, and a connection
// that checkpoints the write-ahead log in the background, off the commit
// path), applies migrations, and returns model types. A change and the
// event it causes are written in one transaction, so it encodes events
// (package events) itself.
//
// It imports only model, events and migrations. The SQL stays portable to
// PostgreSQL: $N placeholders in order, ON CONFLICT, RETURNING, UTC times.
package store
