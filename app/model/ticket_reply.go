package model

import "time"

// AuthorKind says who wrote a reply: an agent or the customer.
type AuthorKind string

const (
	AuthorAgent    AuthorKind = "agent"
	AuthorCustomer AuthorKind = "customer"
)

// Reply is one message of a ticket's conversation after its description.
// A Private one is an agent's note, never shown to the customer.
type Reply struct {
	ID         int64
	TicketID   int64
	AuthorKind AuthorKind
	AgentID    int64
	ContactID  int64
	AuthorName string
	Body       string
	Private    bool
	CreatedAt  time.Time
}

// NewReply is a reply to add. SetStatus, when not empty, moves the
// ticket to that status in the same change ("send and set as").
// Messages are the requester's notification, queued with it in order (a
// channel message may be followed by its held email fallback); none when
// the requester is not notified.
type NewReply struct {
	TicketID   int64
	AuthorKind AuthorKind
	ContactID  int64
	Body       string
	Private    bool
	SetStatus  TicketStatus
	Messages   []NewMail
}

// TicketChange is an agent's change of a ticket's fields; nil leaves a
// field as it is. A zero AssigneeID or CompanyID clears it.
type TicketChange struct {
	Status     *TicketStatus
	AssigneeID *int64
	CompanyID  *int64
}

// ThreadItem is one entry of a ticket's page, oldest first: a reply, or
// an activity entry (a status, assignee or company change).
type ThreadItem struct {
	Reply    *Reply
	Activity *AuditEntry
}

// At is when the entry happened.
func (i ThreadItem) At() time.Time {
	if i.Reply != nil {
		return i.Reply.CreatedAt
	}
	return i.Activity.CreatedAt
}
