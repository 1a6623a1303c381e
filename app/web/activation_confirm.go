package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// bulkConfirmPage asks before the activation email goes to every contact
// a list matches.
type bulkConfirmPage struct {
	Base
	Query  model.ContactQuery
	Total  int
	Capped bool
	// Back is the list the send was started from.
	Back string
	// Resend sends again to contacts sent a link in the last few minutes.
	Resend bool
}

// bulkActivationConfirm says how many contacts "Select all matching and
// send" would email, and sends only once confirmed.
func (s *Server) bulkActivationConfirm(c *fiber.Ctx, q model.ContactQuery, resend bool) error {
	q.Page, q.PerPage, q.Sort = 1, 1, model.SortName
	res, err := s.contacts.List(c.UserContext(), q)
	if err != nil {
		return err
	}
	back := contactListPage{Query: q}
	p := bulkConfirmPage{Base: base(c, "Send activation emails?", "contacts"), Query: q, Total: res.Total,
		Capped: res.Capped, Back: back.URL(), Resend: resend}
	return render(c, fiber.StatusOK, "contacts/activation_confirm", "", p)
}
