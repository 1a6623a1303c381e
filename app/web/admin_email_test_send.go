package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// testEmailTimeout bounds each SMTP command of a test email, which the
// admin waits for.
const testEmailTimeout = 15 * time.Second

// emailServerTest sends a test email through the server in use and shows
// what the server answered, accepted or not.
func (s *Server) emailServerTest(c *fiber.Ctx) error {
	p, err := s.emailServerPage(c)
	if err != nil {
		return err
	}
	p.To = c.FormValue("to")
	answer, err := s.servers.SendTest(c.UserContext(), s.cfg.From, p.To, testEmailTimeout)
	if fields, ok := fieldErrors(err); ok {
		p.Errors = fields
		return render(c, fiber.StatusUnprocessableEntity, "admin/email", "", p)
	}
	if err != nil {
		s.log.Info("test email failed", "id", requestID(c), "err", err)
		p.Failure = err.Error()
		return render(c, fiber.StatusOK, "admin/email", "", p)
	}
	p.Answer = answer
	return render(c, fiber.StatusOK, "admin/email", "", p)
}
