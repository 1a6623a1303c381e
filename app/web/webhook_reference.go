package web

import (
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/events"
)

// webhookReferencePage is Admin > Webhooks > Payload reference: what a
// receiver gets and how to check it, with the body of every event type.
// The bodies are events.Examples, which the golden tests of events hold
// to their files, so the page cannot drift from what Portico sends.
type webhookReferencePage struct {
	Base
	Events []eventExample
}

// eventExample is one event type with its example body.
type eventExample struct {
	Type, Description, Note, Body string
}

// RetryFor says how long a delivery is retried.
func (webhookReferencePage) RetryFor() string { return webhookListPage{}.RetryFor() }

// webhookReference shows the payload reference to admins.
func (s *Server) webhookReference(c *fiber.Ctx) error {
	p := webhookReferencePage{Base: base(c, "Webhook payload reference", "webhooks")}
	about := map[string]string{events.TypeTest: "Sent only by “Send test event” on an endpoint’s page, to that endpoint."}
	for _, t := range events.Types {
		about[t.Type] = t.Description
	}
	for _, ex := range events.Examples() {
		body, err := events.ExampleJSON(ex)
		if err != nil {
			return err
		}
		t := ex.EventType()
		p.Events = append(p.Events, eventExample{Type: t, Description: about[t], Note: payloadNotes[t], Body: string(body)})
	}
	return render(c, fiber.StatusOK, "webhooks/reference", "", p)
}

// payloadNotes say what a type's example alone does not show.
var payloadNotes = map[string]string{
	events.TypeContactUpdated: "changed names the fields that changed. It names company_id whenever the contact’s default company moves " +
		"(joining a first company by hand, by an import or through an address at a company’s domain; an admin picking another default; " +
		"leaving or losing the default company), and companies whenever the contact joins a company.",
	events.TypeContactVerified: "method is password, passkey or admin.",
	events.TypeContactDeleted:  "permanent is true when an admin erased the contact for good.",
	events.TypeContactMerged:   "The merged ids no longer exist; their contacts live on in contact.",
	events.TypeTicketCreated:   "company_id and assignee_id are null when unset.",
	events.TypeTicketReplied:   "author_kind is agent or customer. Private notes are never sent.",
}
