package crmsync

import (
	"context"
	"encoding/json"
	"maps"
	"slices"
	"strconv"

	"github.com/portico-hub/portico/app/model"
)

// Counts sums up a plan for the admin's review.
func (p *Plan) Counts() map[string]int {
	n := map[string]int{"link": len(p.Link), "create_in_portico": len(p.CreateInPortico), "create_remote": len(p.CreateRemote),
		"ambiguous": len(p.Ambiguous), "unreadable": len(p.Unreadable)}
	for _, l := range p.Link {
		if len(l.UpdatePortico) > 0 {
			n["update_portico"]++
		}
		if len(l.UpdateRemote) > 0 {
			n["update_remote"]++
		}
	}
	return n
}

// Confirm runs a connector's first sync: it computes the plan again (the
// records may have changed since the dry run) and applies it: links,
// creates and updates on both sides, ambiguities and unreadable records
// recorded as failures. Then the connector runs by itself from the
// cursor of that read. A confirm cut short links what it linked; running
// it again plans the rest.
func (e *Engine) Confirm(ctx context.Context, instanceID int64) (*Plan, error) {
	defer e.lock(instanceID)()
	r, err := e.newRun(ctx, instanceID)
	if err != nil {
		return nil, err
	}
	pos, err := e.Store.LastEventPosition(ctx)
	if err != nil {
		return nil, err
	}
	p, err := r.plan(ctx)
	if err != nil {
		return nil, e.finish(ctx, r, &outage{err: err, after: retryAfter(err)})
	}
	if err := r.apply(ctx, p); err != nil {
		return nil, e.finish(ctx, r, err)
	}
	if err := e.Store.SetCRMPullCursor(ctx, instanceID, p.cursor, r.pulled); err != nil {
		return nil, err
	}
	if err := e.Store.SetCRMPushPosition(ctx, instanceID, pos, r.pushed); err != nil {
		return nil, err
	}
	if err := e.Store.SetCRMState(ctx, instanceID, "running"); err != nil {
		return nil, err
	}
	return p, e.finish(ctx, r, nil)
}

func (r *run) apply(ctx context.Context, p *Plan) error {
	for _, l := range p.Link {
		ch := p.remote[l.Object][l.RemoteID]
		if err := r.applyItem(ctx, side{obj: r.objects[l.Object], rec: p.records[l.Object][l.LocalID], remote: &ch}, l); err != nil {
			return err
		}
	}
	for _, l := range p.CreateInPortico {
		ch := p.remote[l.Object][l.RemoteID]
		if err := r.applyItem(ctx, side{obj: r.objects[l.Object], remote: &ch}, l); err != nil {
			return err
		}
	}
	for _, l := range p.CreateRemote {
		if err := r.applyItem(ctx, side{obj: r.objects[l.Object], rec: p.records[l.Object][l.LocalID]}, l); err != nil {
			return err
		}
	}
	if err := r.e.Store.ClearCRMAmbiguities(ctx, r.conn.InstanceID); err != nil {
		return err
	}
	for _, a := range p.Ambiguous {
		if err := r.recordAmbiguity(ctx, a); err != nil {
			return err
		}
	}
	for _, u := range p.Unreadable {
		f := model.CRMFailure{Direction: "in", Object: u.Object, RemoteID: u.RemoteID}
		if err := r.recordFailure(ctx, f, &recordError{msg: u.Reason}); err != nil {
			return err
		}
	}
	return nil
}

// recordAmbiguity records each record of an ambiguous match as a
// failure, which keeps it from syncing until a new first sync.
func (r *run) recordAmbiguity(ctx context.Context, a Ambiguity) error {
	why := &recordError{msg: "ambiguous match: " + a.Reason + "; nothing was changed. Merge or remove the duplicates, then run the first sync again."}
	for _, id := range a.LocalIDs {
		if err := r.recordFailure(ctx, model.CRMFailure{Direction: "in", Object: a.Object, LocalID: id, Ambiguous: true}, why); err != nil {
			return err
		}
	}
	for _, rid := range a.RemoteIDs {
		if err := r.recordFailure(ctx, model.CRMFailure{Direction: "in", Object: a.Object, RemoteID: rid, Ambiguous: true}, why); err != nil {
			return err
		}
	}
	return nil
}

// applyItem reconciles one planned record; a record Portico or the remote
// refuses is recorded and the others go on.
func (r *run) applyItem(ctx context.Context, s side, item PlanItem) error {
	err := r.reconcile(ctx, s)
	if err == nil || !recordOnly(err) {
		return err
	}
	if s.remote == nil {
		return r.recordFailure(ctx, model.CRMFailure{Direction: "out", Object: item.Object, LocalID: item.LocalID}, err)
	}
	data, _ := json.Marshal(s.remote)
	f := model.CRMFailure{Direction: "in", Object: item.Object, RemoteID: item.RemoteID, Change: string(data)}
	return r.recordFailure(ctx, f, err)
}

func sortedIDs[V any](m map[int64]V) []int64 { return slices.Sorted(maps.Keys(m)) }

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

func itoa(n int) string { return strconv.Itoa(n) }
