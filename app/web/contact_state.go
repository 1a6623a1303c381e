package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"
)

var stateMessages = map[string]string{
	"deleted":   "Contact deleted. You can restore it from the Deleted view.",
	"restored":  "Contact restored.",
	"blocked":   "Contact blocked.",
	"unblocked": "Contact unblocked.",
}

// contactState deletes, restores, blocks or unblocks a contact.
func (s *Server) contactState(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	action := c.FormValue("action")
	if err := s.contacts.ChangeState(c.UserContext(), actor(c), id, action); err != nil {
		return err
	}
	flash(c, stateMessages[action])
	return redirect(c, fmt.Sprintf("/contacts/%d", id))
}

// contactEraseConfirm asks an admin to confirm a permanent deletion.
func (s *Server) contactEraseConfirm(c *fiber.Ctx) error {
	ct, err := s.loadContact(c)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "contacts/erase", "", contactPage{Base: base(c, "Delete permanently", "contacts"), Contact: ct})
}

// contactErase permanently removes a contact and its personal data.
func (s *Server) contactErase(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if c.FormValue("confirm") != "yes" {
		return redirect(c, fmt.Sprintf("/contacts/%d/erase", id))
	}
	if err := s.contacts.Erase(c.UserContext(), currentAgent(c), id); err != nil {
		return err
	}
	flash(c, "Contact permanently deleted, with its personal data.")
	return redirect(c, "/contacts?view=deleted")
}
