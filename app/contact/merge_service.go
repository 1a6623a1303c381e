package contact

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/portico-hub/portico/app/model"
)

// OtherIDs returns the ids of the contacts that merge into the primary.
func (p *MergePlan) OtherIDs() []int64 {
	var out []int64
	for _, c := range p.Contacts {
		if c.ID != p.Primary.ID {
			out = append(out, c.ID)
		}
	}
	return out
}

// Check validates the fields the merge keeps, normalised as any edit
// would be, and refuses a merge whose result one contact could not hold.
func (p *MergePlan) Check() (model.ContactFields, error) {
	k := p.Kept
	f, err := InputOf(k).Fields()
	v := &model.ValidationError{}
	errors.As(err, &v)
	if p.Emails > model.MaxEmails {
		v.Add("emails", fmt.Sprintf("Together these contacts have %d email addresses; a contact can have at most %d. Remove some addresses first.",
			p.Emails, model.MaxEmails))
	}
	for _, c := range p.Contacts {
		if c.State == model.StateDeleted {
			v.Add("primary", c.Name+" is deleted. Restore it first, or leave it out of the merge.")
		}
	}
	return f, v.Err()
}

// LoadMerge loads the contacts of a merge in the order given. Ids that no
// longer exist (merged or erased since the agent chose them) come back
// apart, so the review can say so instead of failing.
func (s *Service) LoadMerge(ctx context.Context, ids []int64) (found []*model.Contact, missing []int64, err error) {
	if len(ids) > MaxMerge {
		return nil, nil, model.Invalid("with", fmt.Sprintf("Merge at most %d contacts at a time.", MaxMerge))
	}
	for _, id := range ids {
		c, err := s.Store.Contact(ctx, id)
		if errors.Is(err, model.ErrNotFound) {
			missing = append(missing, id)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		found = append(found, c)
	}
	return found, missing, nil
}

// MissingError says which chosen contacts no longer exist.
func MissingError(missing []int64) error {
	ids := make([]string, len(missing))
	for i, id := range missing {
		ids[i] = fmt.Sprintf("#%d", id)
	}
	what := "Contact " + ids[0] + " no longer exists"
	if len(ids) > 1 {
		what = "Contacts " + strings.Join(ids, ", ") + " no longer exist"
	}
	return model.Invalid("with", what+": merged or deleted since you chose them. Review the merge again.")
}

// Merge merges the contacts ids into the one with primaryID, keeping for
// each field the value of the contact that picks names, and returns the
// plan it carried out. It cannot be undone.
func (s *Service) Merge(ctx context.Context, actor model.Actor, ids []int64, primaryID int64, picks map[string]int64) (*MergePlan, error) {
	found, missing, err := s.LoadMerge(ctx, ids)
	if err != nil {
		return nil, err
	}
	if len(missing) > 0 {
		return nil, MissingError(missing)
	}
	p, err := NewMergePlan(found, primaryID, picks)
	if err != nil {
		return nil, err
	}
	f, err := p.Check()
	if err != nil {
		return nil, err
	}
	return p, s.Store.MergeContacts(ctx, actor, p.Primary.ID, p.OtherIDs(), f)
}
