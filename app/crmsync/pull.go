package crmsync

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/plugins/sdk"
)

// pull applies the remote changes since the stored cursor, storing the
// cursor after each batch. A cursor the remote refuses starts a full
// resync: every remote record comes again, those in step change nothing,
// and linked records missing from it count as deleted remotely.
func (r *run) pull(ctx context.Context) error {
	err := r.pullFrom(ctx, r.conn.PullCursor, nil)
	if sdk.KindOf(err) != sdk.ErrInvalidCursor {
		return err
	}
	seen := map[string]bool{}
	if err := r.pullFrom(ctx, "", seen); err != nil {
		return err
	}
	return r.goneFromSnapshot(ctx, seen)
}

func (r *run) pullFrom(ctx context.Context, cursor string, seen map[string]bool) error {
	err := r.e.Plugins.Pull(ctx, r.conn.InstanceID, cursor, func(b sdk.ChangeBatch) error {
		before := r.pulled
		for _, ch := range b.Changes {
			if seen != nil {
				seen[ch.RemoteID] = true
			}
			if err := r.applyRemote(ctx, ch); err != nil {
				return err
			}
		}
		r.conn.PullCursor = b.Cursor
		return r.e.Store.SetCRMPullCursor(ctx, r.conn.InstanceID, b.Cursor, r.pulled-before)
	})
	var o *outage
	if err != nil && !errors.As(err, &o) && sdk.KindOf(err) != sdk.ErrInvalidCursor && ctx.Err() == nil {
		return &outage{err: err, after: retryAfter(err)}
	}
	return err
}

// applyRemote applies one pulled change. A change Portico refuses is
// recorded as a failure with its data, and the pull goes on.
func (r *run) applyRemote(ctx context.Context, ch sdk.Change) error {
	if ch.Op == sdk.OpDelete && ch.Object == "" {
		ch.Object = sdk.ObjectContact // a tombstone names no type: the link knows it
	}
	if ch.Object != sdk.ObjectContact {
		return nil
	}
	if ch.ModifiedAt.IsZero() {
		ch.ModifiedAt = r.started // a remote that keeps no time changed it since the last pull
	}
	err := r.applyChange(ctx, ch)
	if err != nil && recordOnly(err) {
		data, _ := json.Marshal(ch)
		return r.recordFailure(ctx, model.CRMFailure{Direction: "in", RemoteID: ch.RemoteID, Change: string(data)}, err)
	}
	if err == nil {
		return r.e.Store.ClearCRMFailure(ctx, r.conn.InstanceID, "in", sdk.ObjectContact, 0, ch.RemoteID)
	}
	return err
}

func (r *run) applyChange(ctx context.Context, ch sdk.Change) error {
	if ch.Error != "" {
		return &recordError{msg: "the connector could not read the record: " + ch.Error}
	}
	link, err := r.e.Store.CRMLinkByRemote(ctx, r.conn.InstanceID, sdk.ObjectContact, ch.RemoteID)
	if errors.Is(err, model.ErrNotFound) {
		if ch.Op == sdk.OpDelete {
			return nil
		}
		if amb, err := r.e.Store.IsCRMAmbiguous(ctx, r.conn.InstanceID, 0, ch.RemoteID); err != nil || amb {
			return err
		}
		return r.reconcile(ctx, side{remote: &ch})
	}
	switch {
	case err != nil:
		return err
	case link.State != "linked":
		return nil
	case ch.Op == sdk.OpDelete:
		return r.remoteGone(ctx, link)
	case ch.Version != "" && ch.Version == link.RemoteVersion:
		return nil // in step already: our own write coming back, or a change applied before
	}
	c, err := r.e.Store.Contact(ctx, link.LocalID)
	if errors.Is(err, model.ErrNotFound) || (err == nil && c.State == model.StateDeleted) {
		return nil // deleted in Portico: the push of that delete decides
	}
	if err != nil {
		return err
	}
	return r.reconcile(ctx, side{c: c, link: link, remote: &ch})
}

// remoteGone handles a remote record deleted: the link is kept as
// "remote_deleted", which flags the contact and stops its pushes; the
// contact is deleted too only when the admin chose so, never erased.
func (r *run) remoteGone(ctx context.Context, link *model.CRMLink) error {
	link.State = "remote_deleted"
	if err := r.e.Store.SaveCRMLink(ctx, *link); err != nil {
		return err
	}
	r.pulled++
	if r.conn.RemoteDelete != "delete" {
		return nil
	}
	err := r.e.Contacts.ChangeState(store.Bulk(ctx), r.actor, link.LocalID, "deleted")
	if errors.Is(err, model.ErrNotFound) {
		return nil
	}
	return err
}

// goneFromSnapshot marks the linked records a full resync did not list.
func (r *run) goneFromSnapshot(ctx context.Context, seen map[string]bool) error {
	var gone []model.CRMLink
	for offset := 0; ; offset += 500 {
		links, err := r.e.Store.CRMLinks(ctx, r.conn.InstanceID, 500, offset)
		if err != nil {
			return err
		}
		if len(links) == 0 {
			break
		}
		for _, l := range links {
			if l.State == "linked" && l.Object == sdk.ObjectContact && !seen[l.RemoteID] {
				gone = append(gone, l)
			}
		}
	}
	for i := range gone {
		if err := r.remoteGone(ctx, &gone[i]); err != nil {
			return err
		}
	}
	return nil
}
