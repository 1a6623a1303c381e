package contact

import (
	"context"
	"errors"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Service applies the contact rules and calls the store.
type Service struct {
	Store *store.Store
	// Channels checks channel addresses with the channel of their kind.
	Channels AddressChecker
}

// Create validates and stores a new contact, returning its id.
func (s *Service) Create(ctx context.Context, actor model.Actor, in Input) (int64, error) {
	f, emails, tags, err := in.Validate()
	if err != nil {
		return 0, err
	}
	nc := store.NewContact{Fields: f, Emails: emails, Tags: tags}
	if in.CompanyID != 0 {
		if _, err := s.Store.Company(ctx, in.CompanyID); errors.Is(err, model.ErrNotFound) {
			return 0, model.Invalid("company", "This company no longer exists. Create the contact without it.")
		} else if err != nil {
			return 0, err
		}
		nc.Companies = []int64{in.CompanyID}
	}
	return s.Store.CreateContact(ctx, actor, nc)
}

// Update validates and stores a contact's fields. Clearing the last way to
// reach the contact is refused.
func (s *Service) Update(ctx context.Context, actor model.Actor, id int64, in Input) error {
	f, err := in.Fields()
	if err != nil {
		return err
	}
	c, err := s.Store.Contact(ctx, id)
	if err != nil {
		return err
	}
	if len(c.Emails) == 0 && !Reachable(f) {
		return model.Invalid("phone", Unreachable)
	}
	return s.Store.UpdateContact(ctx, actor, id, f)
}

// SetTags validates and replaces a contact's tags.
func (s *Service) SetTags(ctx context.Context, actor model.Actor, id int64, raw string) error {
	tags, err := Tags(raw)
	if err != nil {
		return err
	}
	return s.Store.SetContactTags(ctx, actor, id, tags)
}

// AddEmail validates and adds an address.
func (s *Service) AddEmail(ctx context.Context, actor model.Actor, id int64, email string) error {
	emails, err := Emails([]string{email})
	if err != nil {
		return err
	}
	if len(emails) == 0 {
		return model.Invalid("email", "Enter an email address.")
	}
	return s.Store.AddEmail(ctx, actor, id, emails[0])
}

// ChangeState deletes, restores, blocks or unblocks a contact.
func (s *Service) ChangeState(ctx context.Context, actor model.Actor, id int64, action string) error {
	switch action {
	case "deleted", "restored", "blocked", "unblocked":
		return s.Store.ChangeContactState(ctx, actor, id, action)
	}
	return model.Invalid("action", "Unknown action.")
}

// Erase permanently removes a contact and its personal data. Only admins
// may do it.
func (s *Service) Erase(ctx context.Context, actor *model.Agent, id int64) error {
	if !actor.IsAdmin() {
		return model.ErrForbidden
	}
	return s.Store.HardDeleteContact(ctx, model.Actor{ID: actor.ID, Name: actor.Name}, id)
}

// Get returns a contact with its addresses, tags and companies.
func (s *Service) Get(ctx context.Context, id int64) (*model.Contact, error) {
	return s.Store.Contact(ctx, id)
}
