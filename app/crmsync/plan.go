package crmsync

import (
	"context"
	"errors"
	"strings"

	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk"
)

// Plan is a first sync's dry run: what confirming it would do. Nothing
// is written to compute it.
type Plan struct {
	// Link pairs a Portico record and a remote one that match (contacts by
	// an email address, companies by name or domain), with the fields each
	// side would take.
	Link []PlanItem
	// CreateInPortico lists remote records nothing in Portico matches;
	// CreateRemote the Portico records nothing remote matches.
	CreateInPortico []PlanItem
	CreateRemote    []PlanItem
	// Ambiguous lists records matching more than one on the other side:
	// they change nowhere and are listed as failures until resolved.
	Ambiguous []Ambiguity
	// Unreadable lists remote records the connector could not read.
	Unreadable []PlanItem
	cursor     string
	remote     map[string]map[string]sdk.Change
	records    map[string]map[int64]*record
}

// PlanItem is one record of a plan: its Object ("contact", "company"),
// the fields UpdatePortico and UpdateRemote each side would take from
// the other, and Conflicts, those both have with different values
// (resolved by the field's rule).
type PlanItem struct {
	Object                      string
	LocalID                     int64
	RemoteID                    string
	Name                        string
	UpdatePortico, UpdateRemote []string
	Conflicts                   []string
	Reason                      string
}

// Ambiguity is a record with several matches on the other side.
type Ambiguity struct {
	Object    string
	LocalIDs  []int64
	RemoteIDs []string
	Reason    string
}

// DryRun computes a connector's first sync: it reads every remote record
// and every Portico record not linked yet, matches them, and says what
// confirming would create, link and update on each side, and where a
// match is ambiguous.
func (e *Engine) DryRun(ctx context.Context, instanceID int64) (*Plan, error) {
	r, err := e.newRun(ctx, instanceID)
	if err != nil {
		return nil, err
	}
	return r.plan(ctx)
}

func (r *run) plan(ctx context.Context) (*Plan, error) {
	p := &Plan{remote: map[string]map[string]sdk.Change{}, records: map[string]map[int64]*record{}}
	err := r.e.Plugins.Pull(ctx, r.conn.InstanceID, "", func(b sdk.ChangeBatch) error {
		p.cursor = b.Cursor
		for _, ch := range b.Changes {
			if err := r.planRemote(ctx, p, ch); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, obj := range r.kinds() {
		if err := r.planRecords(ctx, p, obj); err != nil {
			return nil, err
		}
		r.match(p, obj)
	}
	return p, nil
}

// planRemote keeps a remote record not linked yet.
func (r *run) planRemote(ctx context.Context, p *Plan, ch sdk.Change) error {
	if _, ok := r.objects[ch.Object]; !ok || ch.Op != sdk.OpUpsert {
		return nil
	}
	if _, err := r.e.Store.CRMLinkByRemote(ctx, r.conn.InstanceID, ch.Object, ch.RemoteID); err == nil {
		return nil
	} else if !errors.Is(err, model.ErrNotFound) {
		return err
	}
	if ch.Error != "" {
		p.Unreadable = append(p.Unreadable, PlanItem{Object: ch.Object, RemoteID: ch.RemoteID, Reason: ch.Error})
		return nil
	}
	if p.remote[ch.Object] == nil {
		p.remote[ch.Object] = map[string]sdk.Change{}
	}
	p.remote[ch.Object][ch.RemoteID] = ch
	return nil
}

// planRecords keeps the live Portico records not linked yet.
func (r *run) planRecords(ctx context.Context, p *Plan, obj object) error {
	ids, err := obj.liveIDs(ctx)
	if err != nil {
		return err
	}
	p.records[obj.kind()] = map[int64]*record{}
	for _, id := range ids {
		if _, err := r.e.Store.CRMLinkByLocal(ctx, r.conn.InstanceID, obj.kind(), id); err == nil {
			continue
		} else if !errors.Is(err, model.ErrNotFound) {
			return err
		}
		rec, err := obj.load(ctx, id)
		if err != nil {
			return err
		}
		p.records[obj.kind()][id] = rec
	}
	return nil
}

// remoteKeys are what a remote record is matched by, as object.keys.
func remoteKeys(ch sdk.Change) []string {
	var out []string
	if c := ch.Record.Contact; c != nil {
		for _, e := range c.Emails {
			out = append(out, "email:"+strings.ToLower(strings.TrimSpace(e)))
		}
	}
	if c := ch.Record.Company; c != nil {
		out = append(out, "name:"+strings.ToLower(strings.TrimSpace(c.Name)))
		for _, d := range c.Domains {
			out = append(out, "domain:"+company.NormDomain(d))
		}
	}
	return out
}

func remoteName(ch sdk.Change) string {
	switch {
	case ch.Record.Contact != nil:
		return ch.Record.Contact.Name
	case ch.Record.Company != nil:
		return ch.Record.Company.Name
	}
	return ch.RemoteID
}
