package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// companyCandidates is how many matches the search for contacts to add
// to a company shows.
const companyCandidates = 8

// findCandidates searches the contacts an agent may add to the company,
// as typed in the page's "Add a contact" box, and marks those already
// there.
func (s *Server) findCandidates(c *fiber.Ctx, p *companyPage) error {
	if p.Find == "" {
		p.Find = strings.TrimSpace(c.Query("find"))
	}
	if p.Find == "" {
		return nil
	}
	ctx := c.UserContext()
	page, err := s.contacts.List(ctx, model.ContactQuery{Search: p.Find, Sort: model.SortName, PerPage: companyCandidates})
	if err != nil {
		return err
	}
	p.Candidates = page.Contacts
	ids := make([]int64, len(p.Candidates))
	for i, ct := range p.Candidates {
		ids[i] = ct.ID
	}
	p.Members, err = s.companies.MembersAmong(ctx, p.Company.ID, ids)
	return err
}

// companyContactAdd adds an existing contact, picked from the search, to
// the company and shows the company again.
func (s *Server) companyContactAdd(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	find := c.FormValue("find")
	contactID, _ := strconv.ParseInt(c.FormValue("contact"), 10, 64)
	err = s.companies.AddContact(c.UserContext(), actor(c), id, contactID)
	if fields, ok := fieldErrors(err); ok {
		return s.renderCompany(c, fiber.StatusUnprocessableEntity, "", func(p *companyPage) { p.Find, p.Errors = find, fields })
	}
	if err != nil {
		return err
	}
	ct, err := s.contacts.Get(c.UserContext(), contactID)
	if err != nil {
		return err
	}
	flash(c, ct.Name+" added to the company.")
	return redirect(c, fmt.Sprintf("/companies/%d#company-contacts", id))
}
