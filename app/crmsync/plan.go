package crmsync

import (
	"context"
	"errors"
	"strings"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/plugins/sdk"
)

// Plan is a first sync's dry run: what confirming it would do. Nothing
// is written to compute it.
type Plan struct {
	// Link pairs a Portico contact and a remote record sharing an email
	// address, with the fields each side would take.
	Link []PlanItem
	// CreateInPortico lists remote records no contact matches;
	// CreateRemote the contacts no remote record matches.
	CreateInPortico []PlanItem
	CreateRemote    []PlanItem
	// Ambiguous lists records matching more than one on the other side:
	// they change nowhere and are listed as failures until resolved.
	Ambiguous []Ambiguity
	// Unreadable lists remote records the connector could not read.
	Unreadable []PlanItem
	cursor     string
	remote     map[string]sdk.Change
	contacts   map[int64]*model.Contact
}

// PlanItem is one record of a plan; UpdatePortico and UpdateRemote name
// the fields each side would take from the other, Conflicts those both
// have with different values (resolved by the field's rule).
type PlanItem struct {
	LocalID                     int64
	RemoteID                    string
	Name                        string
	UpdatePortico, UpdateRemote []string
	Conflicts                   []string
	Reason                      string
}

// Ambiguity is a record with several matches on the other side.
type Ambiguity struct {
	LocalIDs  []int64
	RemoteIDs []string
	Reason    string
}

// DryRun computes a connector's first sync: it reads every remote record
// and every live contact not linked yet, matches contacts by any email
// address, and says what confirming would create, link and update on
// each side, and where a match is ambiguous.
func (e *Engine) DryRun(ctx context.Context, instanceID int64) (*Plan, error) {
	r, err := e.newRun(ctx, instanceID)
	if err != nil {
		return nil, err
	}
	return r.plan(ctx)
}

func (r *run) plan(ctx context.Context) (*Plan, error) {
	p := &Plan{remote: map[string]sdk.Change{}, contacts: map[int64]*model.Contact{}}
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
	if err := r.planContacts(ctx, p); err != nil {
		return nil, err
	}
	r.match(p)
	return p, nil
}

// planRemote keeps a remote contact not linked yet.
func (r *run) planRemote(ctx context.Context, p *Plan, ch sdk.Change) error {
	if ch.Object != sdk.ObjectContact || ch.Op != sdk.OpUpsert {
		return nil
	}
	if _, err := r.e.Store.CRMLinkByRemote(ctx, r.conn.InstanceID, sdk.ObjectContact, ch.RemoteID); err == nil {
		return nil
	} else if !errors.Is(err, model.ErrNotFound) {
		return err
	}
	if ch.Error != "" {
		p.Unreadable = append(p.Unreadable, PlanItem{RemoteID: ch.RemoteID, Reason: ch.Error})
		return nil
	}
	p.remote[ch.RemoteID] = ch
	return nil
}

// planContacts keeps the live contacts not linked yet.
func (r *run) planContacts(ctx context.Context, p *Plan) error {
	ids, err := r.e.Store.LiveContactIDs(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := r.e.Store.CRMLinkByLocal(ctx, r.conn.InstanceID, sdk.ObjectContact, id); err == nil {
			continue
		} else if !errors.Is(err, model.ErrNotFound) {
			return err
		}
		c, err := r.e.Store.Contact(ctx, id)
		if err != nil {
			return err
		}
		p.contacts[id] = c
	}
	return nil
}

// emailKeys are a record's addresses as matching compares them.
func emailKeys(v values) []string {
	var out []string
	for _, e := range v["emails"] {
		out = append(out, strings.ToLower(e))
	}
	return out
}
