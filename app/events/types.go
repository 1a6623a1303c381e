package events

// The event types. Webhook endpoints subscribe to some of them, or all.
const (
	TypeContactCreated       = "contact.created"
	TypeContactUpdated       = "contact.updated"
	TypeContactVerified      = "contact.verified"
	TypeContactDeleted       = "contact.deleted"
	TypeContactRestored      = "contact.restored"
	TypeContactMerged        = "contact.merged"
	TypeContactEmailPromoted = "contact.email_promoted"
	TypeCompanyCreated       = "company.created"
	TypeCompanyUpdated       = "company.updated"
	TypeCompanyDeleted       = "company.deleted"
	TypeActivationSent       = "activation.sent"
	TypeTicketCreated        = "ticket.created"
	TypeTicketUpdated        = "ticket.updated"
	TypeTicketReplied        = "ticket.replied"
	TypeTimeEntryCreated     = "time_entry.created"
	TypeTimeEntryUpdated     = "time_entry.updated"
	TypeTimeEntryDeleted     = "time_entry.deleted"
	// TypeTest is sent only by "send test event", to one endpoint.
	TypeTest = "webhook.test"
)

// TypeInfo names and explains an event type for the webhook settings.
type TypeInfo struct {
	Type        string
	Description string
}

// Types lists every event type an endpoint can subscribe to, in the order
// the settings show them.
var Types = []TypeInfo{
	{TypeContactCreated, "A contact was created."},
	{TypeContactUpdated, "A contact's fields, addresses, tags, companies or blocked state changed."},
	{TypeContactVerified, "A contact verified their account."},
	{TypeContactDeleted, "A contact was deleted, or erased for good."},
	{TypeContactRestored, "A deleted contact was restored."},
	{TypeContactMerged, "Contacts were merged into one."},
	{TypeContactEmailPromoted, "A secondary address became a contact's primary one."},
	{TypeCompanyCreated, "A company was created."},
	{TypeCompanyUpdated, "A company's fields or domains changed."},
	{TypeCompanyDeleted, "A company was deleted."},
	{TypeActivationSent, "An activation email was sent to a contact."},
	{TypeTicketCreated, "A ticket was raised."},
	{TypeTicketUpdated, "A ticket's status, assignee or company changed."},
	{TypeTicketReplied, "An agent or the customer replied to a ticket (private notes are not sent)."},
	{TypeTimeEntryCreated, "An agent recorded time on a ticket."},
	{TypeTimeEntryUpdated, "A time entry's time, day, billable flag or note changed."},
	{TypeTimeEntryDeleted, "A time entry was deleted."},
}

// Known reports whether t is a type an endpoint can subscribe to.
func Known(t string) bool {
	for _, i := range Types {
		if i.Type == t {
			return true
		}
	}
	return false
}
