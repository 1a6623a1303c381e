package main

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/emersion/go-webdav/carddav"

	"github.com/portico-hub/portico/plugins/sdk"
)

const (
	defaultBatch = 200
	maxBatch     = 1000
)

// entry is one card the sync report named: changed, or gone.
type entry struct {
	id   string
	gone bool
}

// Pull lists the changes since the cursor's sync token (RFC 6578) in the
// cards' name order, and fetches the changed cards batch by batch with
// addressbook-multiget.
func (b *book) Pull(ctx context.Context, req sdk.PullRequest, w *sdk.ChangeWriter) error {
	cur, err := parseCursor(req.Cursor)
	if err != nil {
		return err
	}
	entries, token, err := b.changedSince(ctx, cur)
	if err != nil {
		return err
	}
	size := req.BatchSize
	if size <= 0 || size > maxBatch {
		size = defaultBatch
	}
	snapshot := cur.Token == ""
	if len(entries) == 0 {
		return w.Send(sdk.ChangeBatch{Cursor: cursor{Token: token}.String(), Snapshot: snapshot})
	}
	for start := 0; start < len(entries); start += size {
		chunk := entries[start:min(start+size, len(entries))]
		changes, err := b.fetch(ctx, chunk)
		if err != nil {
			return err
		}
		next := cursor{Token: cur.Token, Next: token, After: chunk[len(chunk)-1].id}
		if start+size >= len(entries) {
			next = cursor{Token: token}
		}
		if err := w.Send(sdk.ChangeBatch{Changes: changes, Cursor: next.String(), Snapshot: snapshot}); err != nil {
			return err
		}
	}
	return nil
}

// changedSince runs the sync report and returns the cards after the
// cursor's last one, sorted, and the token to end the pull with.
func (b *book) changedSince(ctx context.Context, cur cursor) ([]entry, string, error) {
	resp, err := b.dav.SyncCollection(ctx, b.base.Path, &carddav.SyncQuery{SyncToken: cur.Token})
	if err != nil {
		return nil, "", davError("sync-collection report", err)
	}
	var entries []entry
	for _, o := range resp.Updated {
		entries = append(entries, entry{id: remoteID(o.Path)})
	}
	for _, p := range resp.Deleted {
		entries = append(entries, entry{id: remoteID(p), gone: true})
	}
	slices.SortFunc(entries, func(a, b entry) int { return compareStrings(a.id, b.id) })
	entries = slices.DeleteFunc(entries, func(e entry) bool { return cur.After != "" && e.id <= cur.After })
	token := resp.SyncToken
	if cur.Next != "" {
		token = cur.Next
	}
	return entries, token, nil
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// davError keeps classified errors and calls anything else a failed
// request the server answered in a way the connector cannot read.
func davError(what string, err error) error {
	var e *sdk.Error
	if errors.As(err, &e) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &sdk.Error{Kind: sdk.ErrUnreachable, Message: fmt.Sprintf("%s: %v", what, err), RetryAfter: serverDownRetry}
}
