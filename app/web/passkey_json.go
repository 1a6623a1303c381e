package web

import (
	"errors"
	"log/slog"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/passkey"
)

// passkeyAnswer is every JSON answer of the passkey endpoints: options to
// hand the browser, a place to go next, or a message for the customer.
type passkeyAnswer struct {
	Options  any    `json:"options,omitempty"`
	Redirect string `json:"redirect,omitempty"`
	Error    string `json:"error,omitempty"`
}

// Messages for ceremonies that end without a sign-in. They are calm and
// never say whether an account exists.
var passkeyMessages = []struct {
	err    error
	status int
	msg    string
}{
	{passkey.ErrExpired, fiber.StatusBadRequest, "That took too long, or the page was used twice. Try again."},
	{passkey.ErrCloned, fiber.StatusForbidden, "This passkey cannot be used any more: it may have been copied. Sign in another way and remove it from your profile."},
	{passkey.ErrRefused, fiber.StatusBadRequest, "That passkey could not be checked. Try again, or sign in another way."},
	{model.ErrConflict, fiber.StatusConflict, "This passkey is already registered."},
	{model.ErrForbidden, fiber.StatusForbidden, "You are not authorized to access this portal."},
}

// passkeyFail answers a failed passkey request as JSON, with a message
// for the customer, and logs the detail. The page's script shows the
// message in its live region.
func (s *Server) passkeyFail(c *fiber.Ctx, err error) error {
	status, msg := fiber.StatusInternalServerError, ""
	for _, m := range passkeyMessages {
		if errors.Is(err, m.err) {
			status, msg = m.status, m.msg
			break
		}
	}
	if msg == "" {
		var details []string
		status, msg, details = classify(err)
		if len(details) > 0 {
			msg = strings.Join(details, " ")
		}
	}
	level := slog.LevelInfo
	if status >= 500 && status != fiber.StatusNotImplemented && status != fiber.StatusServiceUnavailable {
		level = slog.LevelError
	}
	s.log.Log(c.UserContext(), level, "passkey request failed", "id", requestID(c), "path", c.Path(), "status", status, "err", err)
	return c.Status(status).JSON(passkeyAnswer{Error: msg})
}
