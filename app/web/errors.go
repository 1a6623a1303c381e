package web

import (
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"

	"github.com/portico-hub/portico/app/model"
)

// errorPage is the data of the error page.
type errorPage struct {
	Base
	Status  int
	Message string
	Details []string
}

func (errorPage) layout() string { return "layouts/bare" }

// handleError is Portico's one error handler. It maps domain errors to
// statuses and friendly messages, logs the detail with the request id,
// and never shows err.Error() of an unexpected error to the user. Under
// /portal the page is the portal's (errors_portal.go).
func (s *Server) handleError(c *fiber.Ctx, err error) error {
	var moved movedTo
	if errors.As(err, &moved) {
		return c.Redirect(moved.url, fiber.StatusMovedPermanently)
	}
	status, msg, details := classify(err)
	if refused := s.uploadRefusal(&c.Request().Header); refused != "" && errors.Is(err, fiber.ErrRequestEntityTooLarge) {
		status, msg = fiber.StatusForbidden, refused
	}
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	s.log.Log(c.UserContext(), level, "request failed", "id", requestID(c), "path", c.Path(), "status", status, "err", err)
	if c.Get(hxRequest) == "true" {
		c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
		return c.Status(status).SendString(msg)
	}
	return s.renderErrorPage(c, status, msg, details)
}

func classify(err error) (int, string, []string) {
	var fe *fiber.Error
	var ve *model.ValidationError
	var taken *model.EmailTakenError
	switch {
	case errors.As(err, &fe):
		msg := fe.Message
		if fe.Code == fiber.StatusNotFound && (msg == utils.StatusMessage(fiber.StatusNotFound) || strings.HasPrefix(msg, "Cannot ")) {
			msg = "This page does not exist." // Fiber's own words for an unknown route
		}
		if fe.Code == fiber.StatusRequestEntityTooLarge {
			msg = "What you sent is too large. Go back and choose a smaller file."
		}
		return fe.Code, msg, nil
	case errors.As(err, &taken):
		return fiber.StatusConflict, taken.Email + " already belongs to " + holder(taken) + ".", nil
	case errors.As(err, &ve):
		return fiber.StatusUnprocessableEntity, "Some values need fixing.", sortedMessages(ve)
	case errors.Is(err, model.ErrNotFound):
		return fiber.StatusNotFound, "This page does not exist, or what it showed was removed.", nil
	case errors.Is(err, model.ErrForbidden):
		return fiber.StatusForbidden, "You do not have permission to do that.", nil
	case errors.Is(err, model.ErrConflict):
		return fiber.StatusConflict, "That conflicts with something that already exists.", nil
	}
	return fiber.StatusInternalServerError, "Something went wrong on our side. Try again; if it keeps happening, tell your administrator.", nil
}

func holder(t *model.EmailTakenError) string {
	if t.ContactID == 0 {
		return "an agent"
	}
	return "the contact " + t.Name
}

func sortedMessages(ve *model.ValidationError) []string {
	var out []string
	for _, m := range ve.Fields {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// fieldErrors returns the per-field messages of a validation error, or
// nil with ok false for any other error, which the caller returns.
func fieldErrors(err error) (map[string]string, bool) {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return ve.Fields, true
	}
	var taken *model.EmailTakenError
	if errors.As(err, &taken) {
		m := map[string]string{"email": taken.Email + " already belongs to " + holder(taken) + "."}
		if taken.ContactID != 0 {
			m["email_link"] = fmt.Sprintf("/contacts/%d", taken.ContactID)
		}
		return m, true
	}
	var dup *model.EndpointTakenError
	if errors.As(err, &dup) {
		return map[string]string{
			"url":      "An endpoint for this URL exists already; a second one would send it every event twice.",
			"url_link": fmt.Sprintf("/admin/webhooks/%d", dup.EndpointID),
		}, true
	}
	return nil, false
}
