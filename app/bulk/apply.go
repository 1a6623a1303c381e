package bulk

import (
	"context"
	"errors"
	"fmt"

	"github.com/portico-hub/portico/app/model"
)

// Why a contact was skipped, as the result says it.
const (
	whyGone       = "no longer there"
	whyChanged    = "changed meanwhile"
	whyDeleted    = "deleted"
	whyFullTags   = "at the tag limit"
	whyFullCompas = "at the company limit"
)

// skip says why an action does not apply to a contact, or "" when it
// does.
func skip(r *Request, t model.BulkTarget) string {
	deleted := t.State == model.StateDeleted
	switch r.Action {
	case Delete:
		return when(deleted, "already deleted")
	case Restore:
		return when(!deleted, "not deleted")
	case Unblock:
		return when(t.State != model.StateBlocked, "not blocked")
	}
	switch {
	case deleted:
		return whyDeleted
	case r.Action == Block:
		return when(t.State == model.StateBlocked, "already blocked")
	case r.Action == Tag && t.HasTag:
		return "already tagged"
	case r.Action == Tag:
		return when(t.Tags >= 50, whyFullTags)
	case r.Action == Untag:
		return when(!t.HasTag, "not tagged")
	case t.InCompany:
		return "already in " + r.Company
	}
	return when(t.Companies >= model.MaxMemberships, whyFullCompas)
}

func when(cond bool, why string) string {
	if cond {
		return why
	}
	return ""
}

// apply changes one batch of contacts, each in its own transaction
// through the store method that changes one contact and writes its audit
// entry and event, and adds what it did to res. Contacts changed
// meanwhile, so that the change no longer applies, are skipped.
func (s *Service) apply(ctx context.Context, actor model.Actor, r *Request, ids []int64, res *Result) error {
	targets, err := s.Store.BulkTargets(ctx, ids, r.Tag, r.CompanyID)
	if err != nil {
		return err
	}
	res.skip(whyGone, len(ids)-len(targets))
	for _, t := range targets {
		if why := skip(r, t); why != "" {
			res.skip(why, 1)
			continue
		}
		changed, err := s.change(ctx, actor, r, t.ID)
		var invalid *model.ValidationError
		switch {
		case errors.As(err, &invalid) || errors.Is(err, model.ErrNotFound) || (err == nil && !changed):
			res.skip(whyChanged, 1)
		case err != nil:
			return fmt.Errorf("bulk: %s contact %d: %w", r.Action, t.ID, err)
		default:
			res.Changed++
		}
	}
	return nil
}

// change makes the request's change to one contact.
func (s *Service) change(ctx context.Context, actor model.Actor, r *Request, id int64) (bool, error) {
	switch r.Action {
	case Tag, Untag:
		return s.Store.ChangeContactTag(ctx, actor, id, r.Tag, r.Action == Tag)
	case AddCompany:
		return true, s.Store.AddMembership(ctx, actor, id, r.CompanyID)
	}
	state := map[Action]string{Block: "blocked", Unblock: "unblocked", Delete: "deleted", Restore: "restored"}[r.Action]
	return true, s.Contacts.ChangeState(ctx, actor, id, state)
}
