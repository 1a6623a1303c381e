package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/contact"
)

// contactForm reads the profile fields of a contact form.
func contactForm(c *fiber.Ctx) contact.Input {
	return contact.Input{
		Name: c.FormValue("name"), JobTitle: c.FormValue("job_title"), Phone: c.FormValue("phone"),
		Mobile: c.FormValue("mobile"), Language: c.FormValue("language"), TimeZone: c.FormValue("time_zone"),
		ExternalID: c.FormValue("external_id"), TwitterID: c.FormValue("twitter_id"), Address: c.FormValue("address"),
		About: c.FormValue("about"), Tags: c.FormValue("tags"),
	}
}

// contactUpdate saves the profile section and swaps it back to its view.
func (s *Server) contactUpdate(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	in := contactForm(c)
	err = s.contacts.Update(c.UserContext(), actor(c), id, in)
	return s.afterSectionSave(c, id, "profile", in, err, "Contact saved.")
}

// contactTags saves the tags section.
func (s *Server) contactTags(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	in := contact.Input{Tags: c.FormValue("tags")}
	err = s.contacts.SetTags(c.UserContext(), actor(c), id, in.Tags)
	return s.afterSectionSave(c, id, "tags", in, err, "Tags saved.")
}

// afterSectionSave answers a section's form: the form again with messages
// when invalid, else the section's view (HTMX) or the page (plain post).
func (s *Server) afterSectionSave(c *fiber.Ctx, id int64, section string, in contact.Input, err error, msg string) error {
	if fields, ok := fieldErrors(err); ok {
		return s.renderContact(c, fiber.StatusUnprocessableEntity, "contacts/_"+section+"_form", func(p *contactPage) {
			p.Editing, p.Form, p.Errors = section, in, fields
		})
	}
	return s.afterContactChange(c, id, err, "contacts/_"+section, msg)
}
