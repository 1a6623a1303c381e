package company

import (
	"context"
	"errors"
	"strings"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/oneline"
	"github.com/portico-hub/portico/app/store"
)

// PerPage is how many companies a page of the list shows.
const PerPage = 30

// Service applies the company rules and calls the store.
type Service struct {
	Store *store.Store
}

// Create validates and stores a new company, returning its id.
func (s *Service) Create(ctx context.Context, actor model.Actor, in Input) (int64, error) {
	f, err := in.Validate()
	if err != nil {
		return 0, err
	}
	return s.Store.CreateCompany(ctx, actor, f)
}

// Update validates and stores a company's fields and domains.
func (s *Service) Update(ctx context.Context, actor model.Actor, id int64, in Input) error {
	f, err := in.Validate()
	if err != nil {
		return err
	}
	return s.Store.UpdateCompany(ctx, actor, id, f)
}

// Delete removes a company; its contacts stay.
func (s *Service) Delete(ctx context.Context, actor model.Actor, id int64) error {
	return s.Store.DeleteCompany(ctx, actor, id)
}

// AddMember adds a contact to the company with the given name, as an
// agent picks it by typing.
func (s *Service) AddMember(ctx context.Context, actor model.Actor, contactID int64, companyName string) error {
	name := oneline.Clean(companyName)
	if name == "" {
		return model.Invalid("company", "Type the name of a company.")
	}
	id, err := s.Store.CompanyByName(ctx, name)
	if errors.Is(err, model.ErrNotFound) {
		return model.Invalid("company", "No company is named “"+name+"”. Pick one from the list.")
	}
	if err != nil {
		return err
	}
	return s.Store.AddMembership(ctx, actor, contactID, id)
}

// AddContact adds a contact to a company, as an agent picks the contact
// on the company's page.
func (s *Service) AddContact(ctx context.Context, actor model.Actor, companyID, contactID int64) error {
	if contactID <= 0 {
		return model.Invalid("contact", "Pick a contact to add.")
	}
	return s.Store.AddMembership(ctx, actor, contactID, companyID)
}

// RemoveMember removes a contact from a company.
func (s *Service) RemoveMember(ctx context.Context, actor model.Actor, contactID, companyID int64) error {
	return s.Store.RemoveMembership(ctx, actor, contactID, companyID)
}

// MakeDefault makes one of a contact's companies its default.
func (s *Service) MakeDefault(ctx context.Context, actor model.Actor, contactID, companyID int64) error {
	return s.Store.SetDefaultCompany(ctx, actor, contactID, companyID)
}

// SetViewAll sets whether a contact sees all of a company's tickets.
func (s *Service) SetViewAll(ctx context.Context, actor model.Actor, contactID, companyID int64, on bool) error {
	return s.Store.SetViewAllTickets(ctx, actor, contactID, companyID, on)
}

// List returns a page of companies matching a search.
func (s *Service) List(ctx context.Context, search string, page int) (*model.CompanyPage, error) {
	search = strings.TrimSpace(search)
	if r := []rune(search); len(r) > 200 {
		search = string(r[:200])
	}
	return s.Store.ListCompanies(ctx, model.CompanyQuery{Search: search, Page: page, PerPage: PerPage})
}
