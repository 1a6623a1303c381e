package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/company"
	"github.com/portico-hub/portico/app/model"
)

// companyContactsShown is how many contacts the company page lists before
// pointing to the contact list filtered by the company.
const companyContactsShown = 25

// companyTicketsShown is how many tickets the company page lists before
// pointing to the ticket list filtered by the company.
const companyTicketsShown = 10

// companyPage is a company's detail page, and the new-company form.
// Editing shows the details section as a form; Form holds its values.
type companyPage struct {
	Base
	Company  *model.Company
	Contacts *model.ContactPage
	Timeline []model.AuditEntry
	Editing  bool
	Form     company.Input
	// Tickets are the company's most recently updated tickets, and Time
	// the time recorded on them and on all the company's tickets.
	Tickets *model.TicketPage
	Time    companyTime
	// Swap is set when a section is re-rendered alone, so the fragment also
	// refreshes the header, contacts and timeline out of band.
	Swap bool
	// Activity is the newest changes to the company's contacts.
	Activity []model.ContactActivity
	// Find is the search for contacts to add; Candidates are its matches,
	// with Members marking those already at the company.
	Find       string
	Candidates []model.Contact
	Members    map[int64]bool
}

// companyActivityShown is how many changes to its contacts a company's
// page lists.
const companyActivityShown = 20

// HealthScores and AccountTiers are the choices of the form's selects.
func (companyPage) HealthScores() []company.Choice { return company.HealthScores }
func (companyPage) AccountTiers() []company.Choice { return company.AccountTiers }

// Health and Tier label the company's pick-list values.
func (p companyPage) Health() string {
	return company.Label(company.HealthScores, p.Company.HealthScore)
}
func (p companyPage) Tier() string { return company.Label(company.AccountTiers, p.Company.AccountTier) }

// companyShow shows a company with its domains, contacts and history.
func (s *Server) companyShow(c *fiber.Ctx) error {
	fragment := ""
	switch c.Query("section") {
	case "details":
		fragment = "companies/_details"
	case "picker":
		fragment = "companies/_picker"
	}
	return s.renderCompany(c, fiber.StatusOK, fragment, nil)
}

// renderCompany renders the detail page, or only the named fragment for an
// HTMX request.
func (s *Server) renderCompany(c *fiber.Ctx, status int, fragment string, edit func(*companyPage)) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	co, err := s.companies.Get(ctx, id)
	if err != nil {
		return err
	}
	p := &companyPage{Base: base(c, co.Name, "companies"), Company: co, Swap: isPartial(c)}
	if edit != nil {
		edit(p)
	}
	q := model.ContactQuery{CompanyID: id, Sort: model.SortName, PerPage: companyContactsShown}
	if p.Contacts, err = s.contacts.List(ctx, q); err != nil {
		return err
	}
	if p.Tickets, err = s.tickets.Find(ctx, model.TicketQuery{CompanyID: id, PerPage: companyTicketsShown}); err != nil {
		return err
	}
	if p.Time, err = s.companyTime(ctx, id, p.Tickets.Tickets); err != nil {
		return err
	}
	if p.Timeline, err = s.companies.Audit(ctx, id, 50); err != nil {
		return err
	}
	if p.Activity, err = s.companies.Activity(ctx, id, companyActivityShown); err != nil {
		return err
	}
	if err := s.findCandidates(c, p); err != nil {
		return err
	}
	return render(c, status, "companies/show", fragment, p)
}

// companyInput is the form's starting values: the company as it is.
func companyInput(co *model.Company) company.Input {
	return company.Input{
		Name: co.Name, Domains: strings.Join(co.Domains, "\n"), Description: co.Description, Notes: co.Notes,
		HealthScore: co.HealthScore, AccountTier: co.AccountTier, RenewalDate: co.RenewalDate, Industry: co.Industry,
	}
}
