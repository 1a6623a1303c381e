package web

import (
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// sendAgainPage asks before a second link goes to a contact sent one a
// few minutes ago: a double click, or a page loaded before the first.
type sendAgainPage struct {
	Base
	Contact *model.Contact
	SentAt  time.Time
	// Back is where the send came from, where Cancel returns.
	Back string
}

// sentLately answers a send to a contact sent a link in the last few
// minutes, unless the form says to send again (its page said when the
// last went): a list row gets itself back saying so, with a toast, and a
// page asks first. It reports whether it answered.
func (s *Server) sentLately(c *fiber.Ctx, ct *model.Contact) (bool, error) {
	if c.FormValue("again") == "1" {
		return false, nil
	}
	lately, err := s.activation.SentLately(c.UserContext(), []int64{ct.ID})
	at, ok := lately[ct.ID]
	if err != nil || !ok {
		return false, err
	}
	if c.FormValue("from") == "row" && isPartial(c) {
		flash(c, fmt.Sprintf("A link went to %s %s. Send again from the row to send another.", ct.Email, ago(at)))
		return true, render(c, fiber.StatusOK, "contacts/_row", "contacts/_row",
			contactRow{Contact: *ct, CSRF: csrfOf(c), Pick: true, Lately: &at, Back: backTo(c.FormValue("back"), "/contacts")})
	}
	p := sendAgainPage{Base: base(c, "Send again?", "contacts"), Contact: ct, SentAt: at,
		Back: backTo(c.FormValue("back"), fmt.Sprintf("/contacts/%d", ct.ID))}
	return true, render(c, fiber.StatusOK, "contacts/send_again", "", p)
}
