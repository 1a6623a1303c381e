package web

import (
	"fmt"
	"html/template"
	"os"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/model"
)

// reportExportPage is a report export's progress, with the report it
// was made from.
type reportExportPage struct {
	exportPage
	// Page is the export's own page.
	Page string
}

// ReportQuery is the report's filters as a URL query, for the links back
// to it; the export stored them encoded.
func (p reportExportPage) ReportQuery() template.URL { return template.URL(p.Report) }

// reportExportShow shows a report export's progress; while it runs the
// fragment asks for itself again every second.
func (s *Server) reportExportShow(c *fiber.Ctx) error {
	p, err := s.reportExportPage(c)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "reports/export", "reports/_export_progress", p)
}

// reportExportDownload sends the file to the agent who asked for it, as
// the contact exports' download does.
func (s *Server) reportExportDownload(c *fiber.Ctx) error {
	p, err := s.reportExportPage(c)
	if err != nil {
		return err
	}
	switch p.Shown() {
	case model.ExportExpired:
		return render(c, fiber.StatusGone, "reports/export", "", p)
	case model.ExportDone:
	default:
		return redirect(c, p.Page)
	}
	f, err := os.Open(p.Export.Path)
	if err != nil {
		return fmt.Errorf("web: open export %d: %w", p.ID, err)
	}
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+exports.Name(p.Export)+`"`)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	c.Set(fiber.HeaderContentType, contentTypes[p.Format])
	return c.SendStream(f, int(p.Size))
}

// reportExportPage loads the agent's own report export; a contact export
// is not found here.
func (s *Server) reportExportPage(c *fiber.Ctx) (reportExportPage, error) {
	p, err := s.exportPage(c, "Time Sheet Summary export")
	if err != nil {
		return reportExportPage{}, err
	}
	if p.Kind != model.ExportTimesheet {
		return reportExportPage{}, fmt.Errorf("web: export %d is not a report's: %w", p.ID, model.ErrNotFound)
	}
	p.Base.Nav = "reports"
	return reportExportPage{exportPage: p, Page: exports.ReportPath(p.ID)}, nil
}
