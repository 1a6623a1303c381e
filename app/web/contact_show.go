package web

import (
	"errors"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
)

// contactPage is a contact's detail page. Editing names the section shown
// as a form; Form holds what was submitted when it failed validation.
type contactPage struct {
	Base
	Contact  *model.Contact
	Timeline []model.AuditEntry
	Editing  string
	Form     contact.Input
	NewEmail string
	// NewCompany is the company name typed into the add form.
	NewCompany string
	// Company is the company a new contact is created at, if any.
	Company *model.Company
	// Swap is set when a section is re-rendered alone, so the fragment also
	// refreshes the header and timeline out of band.
	Swap bool
	// Link is the newest activation or reset link sent, if any; Lately
	// says it went in the last few minutes, so the page asks before another.
	Link   *model.LinkStatus
	Lately bool
	// Tickets are the newest tickets the contact raised.
	Tickets []model.Ticket
	// Deliveries are the newest webhook deliveries about the contact,
	// listed for admins, who alone see webhooks.
	Deliveries     []model.ContactDelivery
	ShowDeliveries bool
	// Addresses are the contact's addresses on the installed channels;
	// NewAddress is what was typed, by kind, when a channel refused it.
	Addresses  []channelAddress
	NewAddress map[string]string
	// Reachable says the contact has an address on some channel, so a
	// link can be sent without an email address.
	Reachable bool
	// Messages are the newest messages sent to the contact, by any
	// channel; admins may open them in the mailbox.
	Messages []model.Mail
}

// contactTickets, contactDeliveries and contactMessages are how many
// tickets, webhook deliveries and outgoing messages a contact's page lists.
const contactTickets, contactDeliveries, contactMessages = 10, 10, 10

// loadContact resolves the :id parameter, following merge redirects with
// a permanent redirect so old links land on the merged contact.
func (s *Server) loadContact(c *fiber.Ctx) (*model.Contact, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return nil, err
	}
	real, err := s.contacts.Resolve(c.UserContext(), id)
	if err != nil {
		return nil, err
	}
	if real != id {
		return nil, movedTo{fmt.Sprintf("/contacts/%d", real)}
	}
	return s.contacts.Get(c.UserContext(), id)
}

// movedTo is returned by loaders when the resource lives elsewhere now.
type movedTo struct{ url string }

func (m movedTo) Error() string { return "moved to " + m.url }

// contactShow shows a contact with its emails, companies and timeline.
func (s *Server) contactShow(c *fiber.Ctx) error {
	fragment := ""
	switch section := c.Query("section"); section {
	case "profile", "emails", "tags", "companies", "channels":
		fragment = "contacts/_" + section
	}
	return s.renderContact(c, fiber.StatusOK, fragment, nil)
}

// renderContact renders the detail page, or only the named fragment for
// an HTMX request.
func (s *Server) renderContact(c *fiber.Ctx, status int, fragment string, edit func(*contactPage)) error {
	ct, err := s.loadContact(c)
	if err != nil {
		return err
	}
	p := &contactPage{Base: base(c, ct.Name, "contacts"), Contact: ct, Swap: isPartial(c)}
	if edit != nil {
		edit(p)
	}
	if p.Timeline, err = s.contacts.Audit(c.UserContext(), ct.ID, 100); err != nil {
		return err
	}
	if p.Link, err = s.activation.LinkStatus(c.UserContext(), ct.ID); err != nil && !errors.Is(err, model.ErrNotFound) {
		return err
	}
	p.Lately = p.Link != nil && !p.Link.Used && s.store.Now().Sub(p.Link.SentAt) < activation.RecentWindow
	if err := s.loadChannels(c, p); err != nil {
		return err
	}
	if p.Tickets, err = s.tickets.OfContact(c.UserContext(), ct.ID, contactTickets); err != nil {
		return err
	}
	if p.ShowDeliveries = currentAgent(c).IsAdmin(); p.ShowDeliveries {
		if p.Deliveries, err = s.webhooks.ContactDeliveries(c.UserContext(), ct.ID, contactDeliveries); err != nil {
			return err
		}
	}
	return render(c, status, "contacts/show", fragment, p)
}

// inputOf is the form's starting values: the contact as it is.
func inputOf(ct *model.Contact) contact.Input {
	return contact.InputOf(ct.Fields())
}

// contactEdit swaps a section of the detail page for its form.
func (s *Server) contactEdit(c *fiber.Ctx) error {
	section := c.Query("section", "profile")
	if section != "profile" && section != "tags" {
		return errNoSuchPage
	}
	return s.renderContact(c, fiber.StatusOK, "contacts/_"+section+"_form", func(p *contactPage) {
		p.Editing, p.Form = section, inputOf(p.Contact)
	})
}
