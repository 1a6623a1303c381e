package web

import (
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/model"
)

// Row is a list row with what its actions need.
func (p contactListPage) Row(ct model.Contact) contactRow {
	return contactRow{Contact: ct, CSRF: p.CSRF, Pick: p.Query.View == model.StateUnverified,
		Back: p.URL("page", strconv.Itoa(p.Query.Page))}
}

// Bulk reports whether the list offers the bulk activation send: in the
// Unverified view, when it shows contacts.
func (p contactListPage) Bulk() bool {
	return p.Query.View == model.StateUnverified && p.Result != nil && len(p.Result.Contacts) > 0
}

// bulkActivationStart starts the background job sending the activation
// email to the ticked contacts, or to every contact the list's view,
// search and filters match, and shows its progress. Sending to all
// matching contacts is confirmed first: by hx-confirm with JavaScript,
// by a page saying how many without.
func (s *Server) bulkActivationStart(c *fiber.Ctx) error {
	sel := activation.Selection{All: c.FormValue("all") == "1", Query: parseListForm(c)}
	for _, v := range c.Request().PostArgs().PeekMulti("id") {
		if id, err := strconv.ParseInt(string(v), 10, 64); err == nil && id > 0 {
			sel.IDs = append(sel.IDs, id)
		}
	}
	if sel.All && c.FormValue("confirmed") != "1" {
		return s.bulkActivationConfirm(c, sel.Query)
	}
	id, err := s.activation.StartBulk(c.UserContext(), actor(c), sel)
	if fields, ok := fieldErrors(err); ok {
		return s.bulkActivationAgain(c, sel.Query, firstMessage(fields))
	}
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/activations/%d", id))
}

// bulkActivationAgain shows the list again with what was wrong with the
// send; an HTMX fragment request gets the message alone, as a toast.
func (s *Server) bulkActivationAgain(c *fiber.Ctx, q model.ContactQuery, msg string) error {
	if isPartial(c) {
		return fiber.NewError(fiber.StatusUnprocessableEntity, msg)
	}
	q.Sort, q.Page, q.PerPage = model.SortName, 1, 30
	return s.renderContactList(c, fiber.StatusUnprocessableEntity, q, map[string]string{"bulk": msg})
}

// parseListForm reads the list's view, search and filters from a form.
func parseListForm(c *fiber.Ctx) model.ContactQuery {
	q := model.ContactQuery{View: model.State(c.FormValue("view")), Search: c.FormValue("q"), Tag: c.FormValue("tag")}
	if !q.View.Valid() {
		q.View = ""
	}
	q.CompanyID, _ = strconv.ParseInt(c.FormValue("company"), 10, 64)
	return q
}
