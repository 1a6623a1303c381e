package company

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// Get returns a company with its domains and fields.
func (s *Service) Get(ctx context.Context, id int64) (*model.Company, error) {
	return s.Store.Company(ctx, id)
}

// IDByName finds a company by its name, ignoring case.
func (s *Service) IDByName(ctx context.Context, name string) (int64, error) {
	return s.Store.CompanyByName(ctx, name)
}

// Name returns a company's name, for a filter that holds its id.
func (s *Service) Name(ctx context.Context, id int64) (string, error) {
	return s.Store.CompanyName(ctx, id)
}

// Find returns the page of companies q asks for.
func (s *Service) Find(ctx context.Context, q model.CompanyQuery) (*model.CompanyPage, error) {
	return s.Store.ListCompanies(ctx, q)
}

// MembersAmong says which of ids belong to the company.
func (s *Service) MembersAmong(ctx context.Context, id int64, ids []int64) (map[int64]bool, error) {
	return s.Store.MembersAmong(ctx, id, ids)
}

// Activity returns the newest audit entries of the company's contacts,
// newest first, each with its contact's name.
func (s *Service) Activity(ctx context.Context, id int64, limit int) ([]model.ContactActivity, error) {
	return s.Store.CompanyActivity(ctx, id, limit)
}

// Audit returns a company's audit trail, newest first.
func (s *Service) Audit(ctx context.Context, id int64, limit int) ([]model.AuditEntry, error) {
	return s.Store.Audit(ctx, "company", id, limit)
}
