package web

import (
	"fmt"
	"os"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/exports"
	"github.com/portico-hub/portico/app/model"
)

// exportPage is one export with its progress.
type exportPage struct {
	Base
	exportView
}

// exportShow shows an export's progress; while it runs, the progress
// fragment asks for itself again every second, and stops once the
// export has finished.
func (s *Server) exportShow(c *fiber.Ctx) error {
	p, err := s.exportPage(c, "Export")
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, "exports/show", "exports/_progress", p)
}

// exportDownload sends the file to the agent who asked for it; anyone
// else gets 404 and a signed-out visitor the sign-in page first. An
// expired export answers 410 with a page that offers a new export.
func (s *Server) exportDownload(c *fiber.Ctx) error {
	p, err := s.exportPage(c, "Export")
	if err != nil {
		return err
	}
	switch p.Shown() {
	case model.ExportExpired:
		return render(c, fiber.StatusGone, "exports/show", "", p)
	case model.ExportDone:
	default:
		return redirect(c, fmt.Sprintf("/contacts/exports/%d", p.ID))
	}
	f, err := os.Open(p.Path)
	if err != nil {
		return fmt.Errorf("web: open export %d: %w", p.ID, err)
	}
	name := fmt.Sprintf("contacts-%s-%d.%s", p.CreatedAt.UTC().Format("2006-01-02"), p.ID, p.Format)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	c.Set(fiber.HeaderContentType, contentTypes[p.Format])
	return c.SendStream(f, int(p.Size))
}

var contentTypes = map[string]string{
	exports.FormatCSV:  "text/csv; charset=utf-8",
	exports.FormatXLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

func (s *Server) exportPage(c *fiber.Ctx, title string) (exportPage, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return exportPage{}, err
	}
	x, err := exports.Get(c.UserContext(), s.exports, currentAgent(c), id)
	if err != nil {
		return exportPage{}, err
	}
	return exportPage{Base: base(c, title, "contacts"), exportView: exportView{Export: x, Now: s.store.Now()}}, nil
}
