package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/webhooks"
)

// webhookEdit shows an endpoint's settings in the form.
func (s *Server) webhookEdit(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	in := webhooks.EndpointInput{URL: ep.URL, Description: ep.Description, EventTypes: ep.EventTypes,
		Enabled: ep.Enabled, Headers: webhooks.HeadersText(ep.Headers)}
	p := webhookFormPage{Base: base(c, "Edit "+ep.URL, "webhooks"), Endpoint: ep, Form: in, Some: len(ep.EventTypes) > 0}
	return render(c, fiber.StatusOK, "webhooks/edit", "", p)
}

// webhookUpdate saves an endpoint's settings; its secret stays.
func (s *Server) webhookUpdate(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	in, some, err := webhookForm(c)
	if err == nil {
		err = s.webhooks.UpdateEndpoint(c.UserContext(), ep.ID, in)
	}
	if fields, ok := fieldErrors(err); ok {
		p := webhookFormPage{Base: base(c, "Edit "+ep.URL, "webhooks"), Endpoint: ep, Form: in, Some: some}
		p.Errors = fields
		return render(c, fiber.StatusUnprocessableEntity, "webhooks/edit", "", p)
	}
	if err != nil {
		return err
	}
	flash(c, "Endpoint saved.")
	return redirect(c, endpointURL(ep.ID))
}

// webhookEnabled turns an endpoint on or off. Turning it on clears why
// it was disabled; deliveries failed by the disabling can be resent.
func (s *Server) webhookEnabled(c *fiber.Ctx) error {
	ep, err := s.webhookParam(c)
	if err != nil {
		return err
	}
	on := c.FormValue("enabled") == "on"
	err = s.webhooks.SetEnabled(c.UserContext(), ep.ID, on)
	if fields, ok := fieldErrors(err); ok {
		flash(c, "This endpoint cannot be enabled: "+firstMessage(fields))
		return redirect(c, endpointURL(ep.ID))
	}
	if err != nil {
		return err
	}
	msg := "Endpoint disabled: nothing is sent to it until you enable it."
	if on {
		msg = "Endpoint enabled: new events are sent to it."
	}
	flash(c, msg)
	return redirect(c, endpointURL(ep.ID))
}
