package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/bulk"
	"github.com/portico-hub/portico/app/model"
)

// contactBulk applies the action chosen in the list's bulk bar to the
// ticked contacts, or to every contact the list's view, search and
// filters match. Sending the activation email and exporting hand the
// selection to their own jobs; the other actions change a few ticked
// contacts at once and more in a job with a progress page. Destructive
// actions and "all matching" are confirmed first, saying how many.
func (s *Server) contactBulk(c *fiber.Ctx) error {
	req := parseBulk(c)
	switch c.FormValue("action") {
	case "export":
		return s.bulkExport(c, req.Selection)
	case "activation":
		return s.startBulkActivation(c, req.Selection, c.FormValue("resend") == "1")
	}
	ctx := c.UserContext()
	checked, err := s.bulk.Check(ctx, req)
	if fields, ok := fieldErrors(err); ok {
		return s.bulkAgain(c, req, firstMessage(fields))
	}
	req = checked
	if err != nil {
		return err
	}
	if (req.All || req.Action.Destructive()) && c.FormValue("confirmed") != "1" {
		return s.bulkConfirm(c, req)
	}
	if !req.AtOnce() {
		id, err := s.bulk.Start(ctx, actor(c), req)
		if err != nil {
			return err
		}
		return redirect(c, fmt.Sprintf("/bulk/%d", id))
	}
	res, req, err := s.bulk.Apply(ctx, actor(c), req)
	if err != nil {
		return err
	}
	flash(c, res.Summary(&req)+".")
	return redirect(c, backTo(c.FormValue("back"), contactListPage{Query: req.Query}.URL()))
}

// parseBulk reads the bulk bar's form: the action and what it needs, the
// ticked contacts and the list's view, search and filters.
func parseBulk(c *fiber.Ctx) bulk.Request {
	return bulk.Request{Action: bulk.Action(c.FormValue("action")), Tag: c.FormValue("bulk_tag"),
		Company: c.FormValue("bulk_company"), Selection: parseSelection(c)}
}

// parseSelection reads a selection from a form: "all" set by the button
// acting on all matching contacts, or the ticked "id" boxes.
func parseSelection(c *fiber.Ctx) model.Selection {
	sel := model.Selection{All: c.FormValue("all") == "1", Query: parseListForm(c)}
	for _, v := range c.Request().PostArgs().PeekMulti("id") {
		if id, err := strconv.ParseInt(string(v), 10, 64); err == nil && id > 0 {
			sel.IDs = append(sel.IDs, id)
		}
	}
	return sel
}

// bulkExport opens the export dialog for the selection: the list's
// filters for all matching contacts, narrowed to the ticked ones.
func (s *Server) bulkExport(c *fiber.Ctx, sel model.Selection) error {
	if sel.Empty() {
		return s.bulkActivationAgain(c, sel.Query, "Tick the contacts to export, or choose all matching contacts.")
	}
	q := sel.Query
	if !sel.All {
		q.IDs = sel.IDs[:min(len(sel.IDs), model.MaxTicked)]
	}
	return redirect(c, "/contacts/export"+filterQuery(q))
}

// idList writes ids as the comma-separated list a URL carries.
func idList(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}
