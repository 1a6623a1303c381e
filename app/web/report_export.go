package web

import (
	"fmt"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/timesheet"
)

// reportExport exports the report on screen, its filters pinned to their
// days, through the export job, and shows the export's progress.
func (s *Server) reportExport(c *fiber.Ctx) error {
	v, _ := url.ParseQuery(c.FormValue("filters"))
	f, err := timesheet.ParseFilters(v, s.store.Now())
	if err != nil {
		return err
	}
	scope := fmt.Sprintf("Time Sheet Summary, %s to %s", f.From, f.To)
	id, err := exports.StartReport(c.UserContext(), s.exports, currentAgent(c), c.FormValue("format"),
		f.Fixed().Encode(), scope)
	if err != nil {
		return err
	}
	flash(c, "Export started.")
	return redirect(c, exports.ReportPath(id))
}
