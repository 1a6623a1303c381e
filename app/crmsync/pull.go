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
				seen[ch.Object+":"+ch.RemoteID] = true
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
	if ch.ModifiedAt.IsZero() {
		ch.ModifiedAt = r.started // a remote that keeps no time changed it since the last pull
	}
	obj, link, err := r.linkOf(ctx, ch)
	if obj == nil || err != nil {
		return err
	}
	err = r.applyChange(ctx, obj, link, ch)
	if err != nil && recordOnly(err) {
		data, _ := json.Marshal(ch)
		return r.recordFailure(ctx, model.CRMFailure{Direction: "in", Object: obj.kind(), RemoteID: ch.RemoteID, Change: string(data)}, err)
	}
	if err == nil {
		return r.e.Store.ClearCRMFailure(ctx, r.conn.InstanceID, "in", obj.kind(), 0, ch.RemoteID)
	}
	return err
}

// linkOf finds a change's kind and link. A tombstone names no kind: the
// link knows it. A kind the connector does not sync has no object.
func (r *run) linkOf(ctx context.Context, ch sdk.Change) (object, *model.CRMLink, error) {
	for _, obj := range r.kinds() {
		if ch.Object != obj.kind() && !(ch.Op == sdk.OpDelete && ch.Object == "") {
			continue
		}
		link, err := r.e.Store.CRMLinkByRemote(ctx, r.conn.InstanceID, obj.kind(), ch.RemoteID)
		switch {
		case err == nil:
			return obj, link, nil
		case !errors.Is(err, model.ErrNotFound):
			return nil, nil, err
		case ch.Object == obj.kind():
			return obj, nil, nil
		}
	}
	return nil, nil, nil
}

func (r *run) applyChange(ctx context.Context, obj object, link *model.CRMLink, ch sdk.Change) error {
	if ch.Error != "" {
		return &recordError{msg: "the connector could not read the record: " + ch.Error}
	}
	if link == nil {
		if ch.Op == sdk.OpDelete {
			return nil
		}
		if amb, err := r.e.Store.IsCRMAmbiguous(ctx, r.conn.InstanceID, 0, ch.RemoteID); err != nil || amb {
			return err
		}
		return r.reconcile(ctx, side{obj: obj, remote: &ch})
	}
	switch {
	case link.State != "linked":
		return nil
	case ch.Op == sdk.OpDelete:
		return r.remoteGone(ctx, obj, link)
	case ch.Version != "" && ch.Version == link.RemoteVersion:
		return nil // in step already: our own write coming back, or a change applied before
	}
	rec, err := obj.load(ctx, link.LocalID)
	if errors.Is(err, model.ErrNotFound) || (err == nil && !rec.Live) {
		return nil // deleted in Portico: the push of that delete decides
	}
	if err != nil {
		return err
	}
	return r.reconcile(ctx, side{obj: obj, rec: rec, link: link, remote: &ch})
}

// remoteGone handles a remote record deleted: the link is kept as
// "remote_deleted", which flags the record and stops its pushes; the
// record is deleted too only when the admin chose so, never erased.
func (r *run) remoteGone(ctx context.Context, obj object, link *model.CRMLink) error {
	link.State = "remote_deleted"
	if err := r.e.Store.SaveCRMLink(ctx, *link); err != nil {
		return err
	}
	r.pulled++
	if r.conn.RemoteDelete != "delete" {
		return nil
	}
	err := obj.remove(store.Bulk(ctx), r.actor, link.LocalID)
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
			if _, synced := r.objects[l.Object]; synced && l.State == "linked" && !seen[l.Object+":"+l.RemoteID] {
				gone = append(gone, l)
			}
		}
	}
	for i := range gone {
		if err := r.remoteGone(ctx, r.objects[gone[i].Object], &gone[i]); err != nil {
			return err
		}
	}
	return nil
}
