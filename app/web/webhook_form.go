package web

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/webhooks"
)

// webhookFormPage adds or edits an endpoint.
type webhookFormPage struct {
	Base
	// Endpoint is the endpoint being edited; nil when adding one.
	Endpoint *model.WebhookEndpoint
	Form     webhooks.EndpointInput
	// Some is true when only the ticked event types are wanted.
	Some bool
}

// typeGroup is the event types about one kind of thing.
type typeGroup struct {
	Name  string
	Types []events.TypeInfo
}

// Groups are the event types as the form's checkboxes group them: by
// what they are about (contact, company, activation).
func (webhookFormPage) Groups() []typeGroup {
	var out []typeGroup
	for _, t := range events.Types {
		name, _, _ := strings.Cut(t.Type, ".")
		if len(out) == 0 || out[len(out)-1].Name != name {
			out = append(out, typeGroup{Name: name})
		}
		out[len(out)-1].Types = append(out[len(out)-1].Types, t)
	}
	return out
}

// Wants reports whether the form ticks an event type.
func (p webhookFormPage) Wants(t string) bool { return slices.Contains(p.Form.EventTypes, t) }

// webhookForm reads the endpoint form. Choosing "only these" without
// ticking a type is refused rather than read as "all".
func webhookForm(c *fiber.Ctx) (webhooks.EndpointInput, bool, error) {
	in := webhooks.EndpointInput{
		URL: c.FormValue("url"), Description: c.FormValue("description"),
		Enabled: c.FormValue("enabled") == "on", Headers: c.FormValue("headers"),
	}
	some := c.FormValue("scope") == "some"
	if some {
		for _, v := range c.Request().PostArgs().PeekMulti("event_types") {
			in.EventTypes = append(in.EventTypes, string(v))
		}
		if len(in.EventTypes) == 0 {
			return in, some, model.Invalid("event_types", "Tick at least one event type, or choose all of them.")
		}
	}
	return in, some, nil
}

// webhookNew shows the form to add an endpoint, enabled for every event.
func (s *Server) webhookNew(c *fiber.Ctx) error {
	p := webhookFormPage{Base: base(c, "Add a webhook endpoint", "webhooks"), Form: webhooks.EndpointInput{Enabled: true}}
	return render(c, fiber.StatusOK, "webhooks/new", "", p)
}

// webhookCreate adds an endpoint and sends the admin to its page, which
// shows its signing secret this once (see secretSlots).
func (s *Server) webhookCreate(c *fiber.Ctx) error {
	in, some, err := webhookForm(c)
	var ep *model.WebhookEndpoint
	var secret string
	if err == nil {
		ep, secret, err = s.webhooks.CreateEndpoint(c.UserContext(), in)
	}
	if fields, ok := fieldErrors(err); ok {
		p := webhookFormPage{Base: base(c, "Add a webhook endpoint", "webhooks"), Form: in, Some: some}
		p.Errors = fields
		return render(c, fiber.StatusUnprocessableEntity, "webhooks/new", "", p)
	}
	if err != nil {
		return err
	}
	s.secrets.put(c, ep.ID, secret, true)
	return redirect(c, endpointURL(ep.ID))
}
