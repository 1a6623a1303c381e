package crmsync

import (
	"context"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/plugins/sdk"
)

// side is one record on both sides as reconcile sees it: the Portico
// contact (nil when there is none yet), its link (nil before the first
// sync), and the remote record (nil when only Portico changed: the remote
// is then taken to hold the agreed values).
type side struct {
	c      *model.Contact
	link   *model.CRMLink
	remote *sdk.Change
}

// conflictTries bounds how often a write meeting a newer remote version
// merges again before the record is recorded as failed.
const conflictTries = 3

// reconcile brings one record in step: it decides each field, writes
// Portico through the contact service, writes the remote with the version
// it last saw, merges again on a conflict, and stores the link with the
// values both sides now hold.
func (r *run) reconcile(ctx context.Context, s side) error {
	for range conflictTries {
		pr := r.pairOf(s)
		decide(r.maps, pr)
		c, err := r.writePortico(ctx, s, pr)
		if err != nil {
			return err
		}
		s.c = c
		final := contactValues(c)
		fields := r.remoteDiff(final, pr.r)
		if s.link != nil && s.remote == nil && len(fields) == 0 && len(pr.toPortico) == 0 {
			return nil
		}
		res, pushed, err := r.writeRemote(ctx, s, final, fields)
		if err != nil {
			return err
		}
		if res.Status == sdk.PushConflict && res.Current != nil {
			cur := *res.Current
			s.remote = &cur
			continue
		}
		if res.Status == sdk.PushNotFound && s.link != nil {
			return r.remoteGone(ctx, s.link)
		}
		if res.Status != sdk.PushOK {
			return &recordError{msg: fmt.Sprintf("the connector refused the write (%s): %s", res.Status, res.Message)}
		}
		if pushed {
			r.pushed++
		}
		for _, cf := range pr.conflicts {
			cf.InstanceID, cf.Object, cf.LocalID, cf.RemoteID = r.conn.InstanceID, sdk.ObjectContact, c.ID, res.RemoteID
			if err := r.e.Store.AddCRMConflict(ctx, cf); err != nil {
				return err
			}
		}
		return r.e.Store.SaveCRMLink(ctx, model.CRMLink{InstanceID: r.conn.InstanceID, Object: sdk.ObjectContact, LocalID: c.ID,
			RemoteID: res.RemoteID, RemoteVersion: res.NewVersion, Synced: r.agreed(final, pr.r), State: "linked"})
	}
	return &recordError{msg: "the remote record kept changing while Portico wrote it; it will be tried again"}
}

// pairOf lays out the values decide compares.
func (r *run) pairOf(s side) *pair {
	pr := &pair{p: values{}, r: values{}}
	if s.link != nil && s.link.State == "linked" {
		pr.base, pr.haveBase = s.link.Synced, true
	}
	if s.c != nil {
		pr.p, pr.pAt = contactValues(s.c), s.c.UpdatedAt
	}
	if s.remote != nil {
		pr.r, pr.rAt = remoteValues(r.maps, s.remote.Values), s.remote.ModifiedAt
	} else if pr.haveBase {
		pr.r = pr.base
	}
	return pr
}

// writePortico creates or updates the contact when decide asks for it,
// and returns the contact as stored.
func (r *run) writePortico(ctx context.Context, s side, pr *pair) (*model.Contact, error) {
	ctx = store.Bulk(ctx)
	if s.c == nil {
		id, err := r.e.createContact(ctx, r.actor, pr.target)
		var taken *model.EmailTakenError
		if errors.As(err, &taken) && taken.ContactID != 0 {
			return r.adoptHolder(ctx, taken.ContactID, err)
		}
		if err != nil {
			return nil, err
		}
		r.pulled++
		return r.e.Store.Contact(ctx, id)
	}
	if len(pr.toPortico) == 0 {
		return s.c, nil
	}
	if err := r.e.updateContact(ctx, r.actor, s.c, pr.target, pr.toPortico); err != nil {
		return nil, err
	}
	r.pulled++
	return r.e.Store.Contact(ctx, s.c.ID)
}

// adoptHolder takes the contact holding a pulled record's address when no
// link of this connector has it: a contact this connector created just
// before a crash lost its link, and is linked now rather than duplicated.
func (r *run) adoptHolder(ctx context.Context, id int64, cause error) (*model.Contact, error) {
	if _, err := r.e.Store.CRMLinkByLocal(ctx, r.conn.InstanceID, sdk.ObjectContact, id); err == nil {
		return nil, cause
	}
	return r.e.Store.Contact(ctx, id)
}

// remoteDiff lists the fields the remote must take from final.
func (r *run) remoteDiff(final, remote values) []string {
	var out []string
	for _, m := range r.maps {
		if m.Direction != ToPortico && !same(final[m.PorticoField], remote[m.PorticoField]) {
			out = append(out, m.PorticoField)
		}
	}
	return out
}

// agreed are the values both sides hold after a sync: Portico's, except
// for fields flowing to Portico only, which keep the remote's.
func (r *run) agreed(final, remote values) values {
	v := values{}
	for _, m := range r.maps {
		if m.Direction == ToPortico {
			v[m.PorticoField] = remote[m.PorticoField]
		} else {
			v[m.PorticoField] = final[m.PorticoField]
		}
	}
	return v
}
