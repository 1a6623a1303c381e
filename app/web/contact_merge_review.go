package web

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/wording"
)

// mergeReviewPage is the second step of a merge: the contacts side by
// side, the contact to keep, and the value to keep of each conflicting
// field.
type mergeReviewPage struct {
	Base
	// Contact is the contact the merge started from.
	Contact *model.Contact
	With    []int64
	// Plan is nil when fewer than two of the contacts still exist.
	Plan *contact.MergePlan
}

// contactMergeReview shows the review. Choosing another contact to keep
// asks for the review fragment again, with that contact's values picked.
func (s *Server) contactMergeReview(c *fiber.Ctx) error {
	f, err := readMergeForm(c, c.Context().QueryArgs())
	if err != nil {
		return err
	}
	return s.renderMergeReview(c, f, nil)
}

// renderMergeReview renders the review with the messages of a failed
// merge, if any; with messages it answers 422.
func (s *Server) renderMergeReview(c *fiber.Ctx, f mergeForm, errs map[string]string) error {
	ct, err := s.loadContact(c)
	if err != nil {
		return err
	}
	p := mergeReviewPage{Base: base(c, "Merge "+ct.Name, "contacts"), Contact: ct, With: f.With}
	p.Errors = maps.Clone(errs)
	if p.Errors == nil {
		p.Errors = map[string]string{}
	}
	if p.Plan, err = s.mergePlan(c.UserContext(), f, p.Errors); err != nil {
		return err
	}
	status := fiber.StatusOK
	if len(p.Errors) > 0 {
		status = fiber.StatusUnprocessableEntity
	}
	return render(c, status, "contacts/merge_review", "contacts/_merge_review", p)
}

// mergePlan lays out the merge of the contacts that still exist, adding
// to errs a message for those that do not and for a set that cannot merge.
func (s *Server) mergePlan(ctx context.Context, f mergeForm, errs map[string]string) (*contact.MergePlan, error) {
	found, missing, err := s.contacts.LoadMerge(ctx, f.ids())
	if err == nil && len(missing) > 0 {
		err = contact.MissingError(missing)
	}
	if err := mergeMessages(errs, err); err != nil {
		return nil, err
	}
	if len(found) > 0 && !slices.ContainsFunc(found, func(c *model.Contact) bool { return c.ID == f.Primary }) {
		f.Primary = found[0].ID
	}
	plan, err := contact.NewMergePlan(found, f.Primary, f.Picks)
	return plan, mergeMessages(errs, err)
}

// mergeMessages adds a validation error's messages to errs, keeping those
// already there, and returns any other error.
func mergeMessages(errs map[string]string, err error) error {
	fields, ok := fieldErrors(err)
	if !ok {
		return err
	}
	for k, v := range fields {
		if _, set := errs[k]; !set {
			errs[k] = v
		}
	}
	return nil
}

// PickURL goes back to the first step with the same duplicates ticked.
func (p mergeReviewPage) PickURL() string {
	v := url.Values{}
	for _, id := range p.With {
		v.Add("with", strconv.FormatInt(id, 10))
	}
	return fmt.Sprintf("/contacts/%d/merge?%s", p.Contact.ID, v.Encode())
}

// Outcome says what the merged contact ends up with.
func (p mergeReviewPage) Outcome() string {
	return fmt.Sprintf("%s, %s and %s", wording.CountOf(p.Plan.Emails, "email address", "email addresses"),
		wording.CountOf(p.Plan.Tags, "tag", "tags"), wording.CountOf(p.Plan.Companies, "company", "companies"))
}

// Removed says how many contacts the merge deletes.
func (p mergeReviewPage) Removed() string {
	return wording.CountOf(len(p.Plan.OtherIDs()), "contact", "contacts")
}
