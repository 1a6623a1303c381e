package web

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/model"
)

// exportCreate starts an export of the current list or of every contact
// and shows its progress.
func (s *Server) exportCreate(c *fiber.Ctx) error {
	ctx := c.UserContext()
	p := exportForm{Base: base(c, "Export contacts", "contacts"), Query: parseContactQuery(c), Fields: exports.Fields,
		Format: c.FormValue("format"), Whole: c.FormValue("scope") == "all", BOM: c.FormValue("bom") != "",
		Neutralise: c.FormValue("neutralise") != ""}
	var keys []string
	for _, v := range c.Request().PostArgs().PeekMulti("fields") {
		keys = append(keys, string(v))
	}
	p.Chosen = chosen(keys)
	if err := s.loadExportScope(ctx, "", &p); err != nil {
		return err
	}
	id, err := exports.Start(ctx, s.exports, currentAgent(c), p.params(keys))
	if errs, ok := fieldErrors(err); ok {
		p.Errors = errs
		return render(c, fiber.StatusUnprocessableEntity, "exports/new", "", p)
	}
	if err != nil {
		return err
	}
	flash(c, "Export started. You get an email with the download link when it is ready.")
	return redirect(c, fmt.Sprintf("/contacts/exports/%d", id))
}

// params is the export the form asks for.
func (p exportForm) params(keys []string) exports.Params {
	q, scope := p.Query, p.Scope
	if p.Whole || scope == "" {
		q, scope = model.ContactQuery{}, "All contacts"
	}
	return exports.Params{Scope: scope, Spec: exports.Spec{Format: p.Format, Fields: keys, Query: q, BOM: p.BOM,
		Neutralise: p.Neutralise}}
}
