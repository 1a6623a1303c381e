package web

import (
	"context"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// mergePickPage is the first step of a merge: find and tick duplicates.
type mergePickPage struct {
	Base
	Contact *model.Contact
	Query   string
	// Chosen are the contacts already ticked, kept across searches.
	Chosen     []mergeCandidate
	Candidates []mergeCandidate
	// Suggested is true when Candidates are likely duplicates rather than
	// search results.
	Suggested bool
	Max       int
}

// mergeCandidate is a contact that can be ticked as a duplicate.
type mergeCandidate struct {
	model.Contact
	Checked bool
}

// contactMergePick shows the duplicates search. Typing asks for the
// candidates fragment only; with an empty box, likely duplicates show.
func (s *Server) contactMergePick(c *fiber.Ctx) error {
	ct, err := s.loadContact(c)
	if err != nil {
		return err
	}
	f, err := readMergeForm(c, c.Context().QueryArgs())
	if err != nil {
		return err
	}
	q := strings.TrimSpace(c.Query("q"))
	q = q[:min(len(q), 200)]
	p := mergePickPage{Base: base(c, "Merge "+ct.Name, "contacts"), Contact: ct, Query: q, Max: contact.MaxMerge - 1}
	ctx := c.UserContext()
	chosen, err := s.contacts.ByIDs(ctx, f.With[:min(len(f.With), p.Max)])
	if err != nil {
		return err
	}
	found, suggested, err := s.mergeCandidates(ctx, ct, q)
	if err != nil {
		return err
	}
	p.Chosen = candidateList(chosen, true, nil)
	p.Candidates = candidateList(found, false, slices.Concat(chosen, []model.Contact{*ct}))
	p.Suggested = suggested
	return render(c, fiber.StatusOK, "contacts/merge", "contacts/_merge_candidates", p)
}

// mergeCandidates searches like the contacts list does, or suggests
// likely duplicates when nothing was typed.
func (s *Server) mergeCandidates(ctx context.Context, ct *model.Contact, q string) ([]model.Contact, bool, error) {
	if q == "" {
		found, err := s.contacts.LikelyDuplicates(ctx, ct, 10)
		return found, true, err
	}
	if store.FTSQuery(q) == "" {
		return nil, false, nil
	}
	page, err := s.contacts.List(ctx, model.ContactQuery{Search: q, PerPage: 20})
	if err != nil {
		return nil, false, err
	}
	return page.Contacts, false, nil
}

// candidates wraps contacts for the list, leaving out those in skip.
func candidateList(list []model.Contact, checked bool, skip []model.Contact) []mergeCandidate {
	var out []mergeCandidate
	for _, c := range list {
		if !slices.ContainsFunc(skip, func(k model.Contact) bool { return k.ID == c.ID }) {
			out = append(out, mergeCandidate{Contact: c, Checked: checked})
		}
	}
	return out
}
