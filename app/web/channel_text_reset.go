package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/notify"
)

// channelTextReset goes back to the built-in text of a kind of message.
func (s *Server) channelTextReset(c *fiber.Ctx) error {
	kind, err := notifyKind(c)
	if err != nil {
		return err
	}
	if err := s.notify.ResetTemplate(c.UserContext(), kind); err != nil {
		return err
	}
	flash(c, "The "+kindName(kind)+" text is back to the built-in one.")
	return redirect(c, "/admin/notifications/texts/"+string(kind))
}

// kindName names a kind of message inside a sentence.
func kindName(kind model.NotifyKind) string { return strings.ToLower(notify.KindLabels[kind]) }
