package web

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// reportContactsShown is how many contacts the report's picker offers.
const reportContactsShown = 10

// reportContactOptions answers the report's contact picker with the
// contacts matching what was typed so far, for its datalist. Each option
// is "Name <address>", so two contacts of one name stay apart.
func (s *Server) reportContactOptions(c *fiber.Ctx) error {
	res, err := s.reportContacts(c, strings.TrimSpace(c.Query("add_contact")))
	if err != nil {
		return err
	}
	return c.Render("reports/_contact_options", res)
}

func (s *Server) reportContacts(c *fiber.Ctx, search string) ([]model.Contact, error) {
	if search == "" {
		return nil, nil
	}
	page, err := s.contacts.List(c.UserContext(), model.ContactQuery{Search: search, Sort: model.SortName, PerPage: reportContactsShown})
	if err != nil {
		return nil, err
	}
	return page.Contacts, nil
}

// reportAddContact puts the contact picked (or typed) into the URL's
// filters, replacing any other: the report filters by one contact.
func (s *Server) reportAddContact(c *fiber.Ctx, v url.Values) error {
	typed := strings.TrimSpace(v.Get("add_contact"))
	v.Del("add_contact")
	if typed == "" {
		return nil
	}
	search, email := typed, ""
	if i := strings.LastIndex(typed, "<"); i >= 0 && strings.HasSuffix(typed, ">") {
		email = strings.TrimSpace(typed[i+1 : len(typed)-1])
		search = email
	}
	cs, err := s.reportContacts(c, search)
	if err != nil {
		return err
	}
	match := pickContact(cs, typed, email)
	switch {
	case match == nil && len(cs) > 1:
		flash(c, "Several contacts match “"+typed+"”: pick one from the list.")
	case match == nil:
		flash(c, "No contact matches “"+typed+"”.")
	default:
		v.Set("contact", itoa(match.ID))
	}
	return nil
}

// pickContact is the contact with the address, else the only one found,
// else the only one named exactly as typed.
func pickContact(cs []model.Contact, typed, email string) *model.Contact {
	var named []*model.Contact
	for i := range cs {
		if email != "" && strings.EqualFold(cs[i].Email, email) {
			return &cs[i]
		}
		if strings.EqualFold(cs[i].Name, typed) {
			named = append(named, &cs[i])
		}
	}
	switch {
	case email != "":
		return nil
	case len(cs) == 1:
		return &cs[0]
	case len(named) == 1:
		return named[0]
	}
	return nil
}
