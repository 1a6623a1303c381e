package crmsync

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk"
)

// pushBatch is how many event rows a push reads at a time.
const pushBatch = 500

// push sends Portico's changes since the stored event position. Events
// only say which records changed: each is compared with what its link
// agreed, so a change the connector itself wrote sends nothing. The
// position moves past a batch once all of it went out; an outage leaves
// it, and the batch goes out again on the next run.
func (r *run) push(ctx context.Context) error {
	for {
		evs, err := r.e.Store.EventsAfter(ctx, r.conn.PushPosition, pushBatch)
		if err != nil || len(evs) == 0 {
			return err
		}
		before := r.pushed
		for _, ref := range changed(evs) {
			if obj, ok := r.objects[ref.kind]; ok {
				if err := r.pushRecord(ctx, obj, ref.id); err != nil {
					return err
				}
			}
		}
		last := evs[len(evs)-1].Position
		if err := r.e.Store.SetCRMPushPosition(ctx, r.conn.InstanceID, last, r.pushed-before); err != nil {
			return err
		}
		r.conn.PushPosition = last
	}
}

// ref names one Portico record.
type ref struct {
	kind string
	id   int64
}

// changed lists the records events are about, once each, in order; a
// merge names the merged-away contacts too.
func changed(evs []events.Event) []ref {
	var out []ref
	seen := map[ref]bool{}
	add := func(r ref) {
		if r.id != 0 && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, ev := range evs {
		if ev.Type == events.TypeContactMerged {
			var env struct {
				Data events.ContactMerged `json:"data"`
			}
			if json.Unmarshal(ev.Payload, &env) == nil {
				for _, id := range env.Data.MergedIDs {
					add(ref{sdk.ObjectContact, id})
				}
			}
		}
		if kind, id, ok := strings.Cut(ev.Resource, ":"); ok {
			n, _ := strconv.ParseInt(id, 10, 64)
			add(ref{kind, n})
		}
	}
	return out
}

// pushRecord sends one record's state; a refusal of this record alone
// is recorded as a failure and the push goes on.
func (r *run) pushRecord(ctx context.Context, obj object, id int64) error {
	err := r.pushOne(ctx, obj, id)
	if err != nil && recordOnly(err) {
		return r.recordFailure(ctx, model.CRMFailure{Direction: "out", Object: obj.kind(), LocalID: id}, err)
	}
	if err == nil {
		return r.e.Store.ClearCRMFailure(ctx, r.conn.InstanceID, "out", obj.kind(), id, "")
	}
	return err
}

func (r *run) pushOne(ctx context.Context, obj object, id int64) error {
	link, err := r.e.Store.CRMLinkByLocal(ctx, r.conn.InstanceID, obj.kind(), id)
	if errors.Is(err, model.ErrNotFound) {
		link = nil
	} else if err != nil {
		return err
	}
	rec, err := obj.load(ctx, id)
	gone := errors.Is(err, model.ErrNotFound) || (err == nil && !rec.Live)
	switch {
	case err != nil && !gone:
		return err
	case gone && link != nil && link.State == "linked":
		return r.localGone(ctx, link)
	case gone || (link != nil && link.State == "remote_deleted"):
		return nil
	case link == nil:
		if amb, err := r.e.Store.IsCRMAmbiguous(ctx, r.conn.InstanceID, id, ""); err != nil || amb {
			return err
		}
	}
	return r.reconcile(ctx, side{obj: obj, rec: rec, link: link})
}

// localGone handles a record deleted or merged away in Portico: the
// remote record is deleted only when the admin allowed it; the link ends
// either way.
func (r *run) localGone(ctx context.Context, link *model.CRMLink) error {
	if r.conn.PorticoDelete == "delete" {
		version := link.RemoteVersion
		for range conflictTries {
			res, err := r.e.Plugins.Push(ctx, r.conn.InstanceID, []sdk.Change{{Op: sdk.OpDelete, Object: link.Object,
				RemoteID: link.RemoteID, BaseVersion: version,
				IdempotencyKey: fmt.Sprintf("portico-%d-delete-%s", r.conn.InstanceID, link.RemoteID)}})
			if err != nil {
				return &outage{err: err, after: retryAfter(err)}
			}
			if o := asOutage(res[0]); o != nil {
				return o
			}
			if res[0].Status != sdk.PushConflict {
				break
			}
			version = res[0].CurrentVersion
		}
		r.pushed++
	}
	link.State = "deleted"
	return r.e.Store.SaveCRMLink(ctx, *link)
}
