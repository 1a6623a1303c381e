package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
)

// channelTextSave stores an admin's channel text for a kind of message; a
// text that cannot be filled in comes back with the reason.
func (s *Server) channelTextSave(c *fiber.Ctx) error {
	kind, err := notifyKind(c)
	if err != nil {
		return err
	}
	text := c.FormValue("text")
	err = s.notify.SetTemplate(c.UserContext(), actor(c), kind, text)
	if fields, ok := fieldErrors(err); ok {
		p, err := s.channelTextData(c, model.ChannelTemplate{Kind: kind, Text: text})
		if err != nil {
			return err
		}
		p.Errors, p.Custom = fields, true
		return render(c, fiber.StatusUnprocessableEntity, "admin/channel_text", "", p)
	}
	if err != nil {
		return err
	}
	flash(c, "Saved the "+kindName(kind)+" text. Channel messages queued from now on use it.")
	return redirect(c, "/admin/notifications/texts/"+string(kind))
}
