package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// channelTextPreview fills in the text being edited, unsaved, and
// measures it: the preview panel for HTMX, the editor with it otherwise.
func (s *Server) channelTextPreview(c *fiber.Ctx) error {
	kind, err := notifyKind(c)
	if err != nil {
		return err
	}
	p, err := s.channelTextData(c, model.ChannelTemplate{Kind: kind, Text: c.FormValue("text")})
	if err != nil {
		return err
	}
	if err := s.previewInto(c, p); err != nil {
		return err
	}
	status := fiber.StatusOK
	if len(p.Errors) > 0 {
		status = fiber.StatusUnprocessableEntity
	}
	return render(c, status, "admin/channel_text", "admin/_channel_preview", p)
}
