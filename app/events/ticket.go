package events

import (
	"time"

	"github.com/portico-hub/portico/app/model"
)

// Ticket is a ticket as events show it. CompanyID and AssigneeID are
// null when the ticket has none.
type Ticket struct {
	ID          int64     `json:"id"`
	Subject     string    `json:"subject"`
	Description string    `json:"description"`
	Status      string    `json:"status"`
	ContactID   int64     `json:"contact_id"`
	CompanyID   *int64    `json:"company_id"`
	AssigneeID  *int64    `json:"assignee_id"`
	SignedIn    bool      `json:"submitted_signed_in"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// TicketOf is t as events show it.
func TicketOf(t *model.Ticket) Ticket {
	return Ticket{
		ID: t.ID, Subject: t.Subject, Description: t.Description, Status: string(t.Status), ContactID: t.ContactID,
		CompanyID: CompanyRef(t.CompanyID), AssigneeID: CompanyRef(t.AssigneeID), SignedIn: t.SignedIn,
		CreatedAt: t.CreatedAt.UTC(), UpdatedAt: t.UpdatedAt.UTC(),
	}
}

// Reply is a public reply as events show it: AgentID for an agent's,
// ContactID for a customer's, the other null.
type Reply struct {
	ID         int64     `json:"id"`
	AuthorKind string    `json:"author_kind"`
	AgentID    *int64    `json:"agent_id"`
	ContactID  *int64    `json:"contact_id"`
	AuthorName string    `json:"author_name"`
	Body       string    `json:"body"`
	CreatedAt  time.Time `json:"created_at"`
}

// ReplyOf is r as events show it.
func ReplyOf(r *model.Reply) Reply {
	return Reply{ID: r.ID, AuthorKind: string(r.AuthorKind), AgentID: CompanyRef(r.AgentID), ContactID: CompanyRef(r.ContactID),
		AuthorName: r.AuthorName, Body: r.Body, CreatedAt: r.CreatedAt.UTC()}
}

// TicketCreated is ticket.created.
type TicketCreated struct {
	Ticket Ticket `json:"ticket"`
}

// TicketUpdated is ticket.updated. Changed names what changed: status,
// assignee or company.
type TicketUpdated struct {
	Ticket  Ticket   `json:"ticket"`
	Changed []string `json:"changed"`
}

// TicketReplied is ticket.replied: an agent's or the customer's reply,
// never a private note.
type TicketReplied struct {
	Ticket Ticket `json:"ticket"`
	Reply  Reply  `json:"reply"`
}

func (TicketCreated) EventType() string { return TypeTicketCreated }
func (TicketUpdated) EventType() string { return TypeTicketUpdated }
func (TicketReplied) EventType() string { return TypeTicketReplied }

// A ticket's requester is its subject: erasing the contact erases what
// their tickets' events say.
func (e TicketCreated) SubjectContact() int64 { return e.Ticket.ContactID }
func (e TicketUpdated) SubjectContact() int64 { return e.Ticket.ContactID }
func (e TicketReplied) SubjectContact() int64 { return e.Ticket.ContactID }
