package web

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/bulk"
	"github.com/portico-hub/portico/app/model"
)

// Row is a list row with what its actions need.
func (p contactListPage) Row(ct model.Contact) contactRow {
	r := contactRow{Contact: ct, CSRF: p.CSRF, Pick: true, Picked: slices.Contains(p.BulkForm.IDs, ct.ID), Back: p.Back(),
		ByPhone: p.ByPhone && ct.Mobile != ""}
	if at, ok := p.Lately[ct.ID]; ok {
		r.Lately = &at
	}
	return r
}

// Back is this page of the list, where a bulk action or a row's action
// returns.
func (p contactListPage) Back() string { return p.URL("page", strconv.Itoa(p.Query.Page)) }

// Bulk reports whether the list offers bulk actions: when it shows
// contacts.
func (p contactListPage) Bulk() bool { return p.Result != nil && len(p.Result.Contacts) > 0 }

// Offers reports whether the bulk bar offers an action in the list's
// view: only restoring and exporting deleted contacts, no unblocking
// where none is blocked, the activation email where some are unverified.
func (p contactListPage) Offers(action string) bool {
	v := p.Query.View
	switch {
	case v == model.StateDeleted:
		return action == "restore" || action == "export"
	case action == "restore":
		return false
	case action == "unblock":
		return v == "" || v == model.StateBlocked
	case action == "activation":
		return v == "" || v == model.StateUnverified
	}
	return action != "block" || v != model.StateBlocked
}

// bulkActivationStart starts the background job sending the activation
// email to the ticked contacts, or to every contact the list's view,
// search and filters match, as the bulk bar and its confirmation post it.
func (s *Server) bulkActivationStart(c *fiber.Ctx) error {
	return s.startBulkActivation(c, parseSelection(c), c.FormValue("resend") == "1")
}

// startBulkActivation starts a bulk send and shows its progress. Sending
// to all matching contacts is confirmed first: by hx-confirm with
// JavaScript, by a page saying how many without. Unless resend is set,
// contacts sent a link in the last few minutes are skipped and counted.
func (s *Server) startBulkActivation(c *fiber.Ctx, sel model.Selection, resend bool) error {
	if sel.All && c.FormValue("confirmed") != "1" {
		return s.bulkActivationConfirm(c, sel.Query, resend)
	}
	id, err := s.activation.StartBulk(c.UserContext(), actor(c), sel, resend)
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
	return s.bulkAgain(c, bulk.Request{Selection: model.Selection{Query: q}}, msg)
}

// bulkAgain shows the list again with what was wrong with a bulk
// action, keeping the ticks, the action and what was typed for it, so
// the agent corrects one field instead of starting over.
func (s *Server) bulkAgain(c *fiber.Ctx, req bulk.Request, msg string) error {
	if isPartial(c) {
		return fiber.NewError(fiber.StatusUnprocessableEntity, msg)
	}
	q := req.Query
	q.Sort, q.Page, q.PerPage = model.SortName, 1, 30
	return s.renderContactList(c, fiber.StatusUnprocessableEntity, q, map[string]string{"bulk": msg}, req)
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

// loadSendState fills in what the rows' send buttons need: who was sent
// a link in the last few minutes, and whether activation goes by a phone
// channel.
func (s *Server) loadSendState(ctx context.Context, p *contactListPage) (err error) {
	if p.Lately, err = s.activation.SentLately(ctx, rowIDs(p.Result.Contacts)); err != nil {
		return err
	}
	p.ByPhone, err = s.notify.ActivationByPhone(ctx)
	return err
}
