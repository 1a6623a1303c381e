package contact

import (
	"context"

	"github.com/portico-hub/portico/app/model"
)

// List returns the page of contacts q asks for.
func (s *Service) List(ctx context.Context, q model.ContactQuery) (*model.ContactPage, error) {
	return s.Store.ListContacts(ctx, q)
}

// ViewCounts counts the contacts of each view (all, verified, ...).
func (s *Service) ViewCounts(ctx context.Context) (model.ViewCounts, error) {
	return s.Store.ViewCounts(ctx)
}

// Tags lists every tag in use, for the list's filter.
func (s *Service) Tags(ctx context.Context) ([]string, error) {
	return s.Store.Tags(ctx)
}

// ByIDs returns the contacts of ids that exist.
func (s *Service) ByIDs(ctx context.Context, ids []int64) ([]model.Contact, error) {
	return s.Store.ContactsByID(ctx, ids)
}

// LikelyDuplicates returns up to limit contacts that may be c under
// another record, for the merge picker.
func (s *Service) LikelyDuplicates(ctx context.Context, c *model.Contact, limit int) ([]model.Contact, error) {
	return s.Store.LikelyDuplicates(ctx, c, limit)
}

// Resolve follows a merged contact's id to the contact it went into; a
// contact that was not merged is itself.
func (s *Service) Resolve(ctx context.Context, id int64) (int64, error) {
	return s.Store.ResolveContact(ctx, id)
}

// Audit returns a contact's audit trail, newest first.
func (s *Service) Audit(ctx context.Context, id int64, limit int) ([]model.AuditEntry, error) {
	return s.Store.Audit(ctx, "contact", id, limit)
}
