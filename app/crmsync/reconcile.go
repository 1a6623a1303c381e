package crmsync

import (
	"context"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/plugins/sdk"
)

// side is one record on both sides as reconcile sees it: its kind, the
// Portico record (nil when there is none yet), its link (nil before the
// first sync), and the remote record (nil when only Portico changed: the
// remote is then taken to hold the agreed values).
type side struct {
	obj    object
	rec    *record
	link   *model.CRMLink
	remote *sdk.Change
}

// conflictTries bounds how often a write meeting a newer remote version
// merges again before the record is recorded as failed.
const conflictTries = 3

// reconcile brings one record in step: it decides each field, writes
// Portico through the domain service, writes the remote with the version
// it last saw, merges again on a conflict, and stores the link with the
// values both sides now hold.
func (r *run) reconcile(ctx context.Context, s side) error {
	maps := r.maps[s.obj.kind()]
	for range conflictTries {
		pr := r.pairOf(s)
		decide(maps, pr)
		rec, err := r.writePortico(ctx, s, pr)
		if err != nil {
			return err
		}
		s.rec = rec
		fields := remoteDiff(maps, rec.V, pr.r)
		if s.link != nil && s.remote == nil && len(fields) == 0 && len(pr.toPortico) == 0 {
			return nil
		}
		res, pushed, err := r.writeRemote(ctx, s, fields)
		if err != nil {
			return err
		}
		switch {
		case res.Status == sdk.PushConflict && res.Current != nil:
			cur := *res.Current
			s.remote = &cur
			continue
		case res.Status == sdk.PushNotFound && s.link != nil:
			return r.remoteGone(ctx, s.obj, s.link)
		case res.Status != sdk.PushOK:
			return &recordError{msg: fmt.Sprintf("the connector refused the write (%s): %s", res.Status, res.Message)}
		}
		if pushed {
			r.pushed++
		}
		return r.linked(ctx, s, pr, res)
	}
	return &recordError{msg: "the remote record kept changing while Portico wrote it; it will be tried again"}
}

// linked stores the link after a sync, and the conflicts it resolved. A
// new record can have the id of a deleted one (company ids are reused):
// the deleted one's link ends first, as its delete would have ended it.
func (r *run) linked(ctx context.Context, s side, pr *pair, res sdk.PushResult) error {
	if s.link == nil {
		old, err := r.e.Store.CRMLinkByLocal(ctx, r.conn.InstanceID, s.obj.kind(), s.rec.ID)
		if err == nil && old.State == "linked" && old.RemoteID != res.RemoteID {
			if err := r.localGone(ctx, old); err != nil {
				return err
			}
		} else if err != nil && !errors.Is(err, model.ErrNotFound) {
			return err
		}
	}
	for _, cf := range pr.conflicts {
		cf.InstanceID, cf.Object, cf.LocalID, cf.RemoteID = r.conn.InstanceID, s.obj.kind(), s.rec.ID, res.RemoteID
		if err := r.e.Store.AddCRMConflict(ctx, cf); err != nil {
			return err
		}
	}
	return r.e.Store.SaveCRMLink(ctx, model.CRMLink{InstanceID: r.conn.InstanceID, Object: s.obj.kind(), LocalID: s.rec.ID,
		RemoteID: res.RemoteID, RemoteVersion: res.NewVersion, Synced: agreed(r.maps[s.obj.kind()], s.rec.V, pr.r), State: "linked"})
}

// pairOf lays out the values decide compares.
func (r *run) pairOf(s side) *pair {
	pr := &pair{p: values{}, r: values{}}
	if s.link != nil && s.link.State == "linked" {
		pr.base, pr.haveBase = s.link.Synced, true
	}
	if s.rec != nil {
		pr.p, pr.pAt = s.rec.V, s.rec.At
	}
	if s.remote != nil {
		pr.r, pr.rAt = remoteValues(r.maps[s.obj.kind()], s.remote.Values), s.remote.ModifiedAt
	} else if pr.haveBase {
		pr.r = pr.base
	}
	return pr
}

// writePortico creates or updates the record when decide asks for it,
// and returns it as stored.
func (r *run) writePortico(ctx context.Context, s side, pr *pair) (*record, error) {
	ctx = store.Bulk(ctx)
	if s.rec == nil {
		id, err := s.obj.create(ctx, r.actor, pr.target)
		if h := s.obj.holder(err); h != 0 {
			return r.adoptHolder(ctx, s.obj, h, err)
		}
		if err != nil {
			return nil, err
		}
		r.pulled++
		return s.obj.load(ctx, id)
	}
	if len(pr.toPortico) == 0 {
		return s.rec, nil
	}
	if err := s.obj.update(ctx, r.actor, s.rec, pr.target, pr.toPortico); err != nil {
		return nil, err
	}
	r.pulled++
	return s.obj.load(ctx, s.rec.ID)
}

// adoptHolder takes the record holding a pulled record's address or name
// when no link of this connector has it: a record this connector created
// just before a crash lost its link, and is linked now rather than
// duplicated.
func (r *run) adoptHolder(ctx context.Context, obj object, id int64, cause error) (*record, error) {
	if _, err := r.e.Store.CRMLinkByLocal(ctx, r.conn.InstanceID, obj.kind(), id); err == nil {
		return nil, cause
	}
	return obj.load(ctx, id)
}

// remoteDiff lists the fields the remote must take from final.
func remoteDiff(maps []model.CRMFieldMap, final, remote values) []string {
	var out []string
	for _, m := range maps {
		if m.Direction != ToPortico && !same(final[m.PorticoField], remote[m.PorticoField]) {
			out = append(out, m.PorticoField)
		}
	}
	return out
}

// agreed are the values both sides hold after a sync: Portico's, except
// for fields flowing to Portico only, which keep the remote's.
func agreed(maps []model.CRMFieldMap, final, remote values) values {
	v := values{}
	for _, m := range maps {
		if m.Direction == ToPortico {
			v[m.PorticoField] = remote[m.PorticoField]
		} else {
			v[m.PorticoField] = final[m.PorticoField]
		}
	}
	return v
}
