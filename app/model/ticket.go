package model

import "time"

// TicketStatus is where a ticket stands. Tickets start open; agents
// move them on, and a customer's reply or reopening brings them back.
type TicketStatus string

const (
	TicketOpen     TicketStatus = "open"
	TicketPending  TicketStatus = "pending"
	TicketResolved TicketStatus = "resolved"
	TicketClosed   TicketStatus = "closed"
)

// TicketStatuses lists the statuses in the order agents move through them.
var TicketStatuses = []TicketStatus{TicketOpen, TicketPending, TicketResolved, TicketClosed}

// Valid reports whether s is one of TicketStatuses.
func (s TicketStatus) Valid() bool {
	for _, v := range TicketStatuses {
		if s == v {
			return true
		}
	}
	return false
}

// Done reports whether the ticket is resolved or closed: a customer's
// reply reopens it.
func (s TicketStatus) Done() bool { return s == TicketResolved || s == TicketClosed }

// Ticket is a request a contact raised. CompanyID is the requester's
// default company when it was raised, kept when the contact moves.
type Ticket struct {
	ID          int64
	ContactID   int64
	ContactName string
	CompanyID   int64
	CompanyName string
	Subject     string
	Description string
	Status      TicketStatus
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// SignedIn is false for a ticket a visitor submitted by typing an
	// address, which anyone could have typed.
	SignedIn bool
	// ContactEmail and ContactState are the requester's primary address
	// and state now, so a reply is emailed only to a live requester.
	ContactEmail string
	ContactState State
	AssigneeID   int64
	AssigneeName string
}

// NewTicket is a ticket to create for an existing contact.
type NewTicket struct {
	ContactID   int64
	Subject     string
	Description string
	// SignedIn says the contact submitted it signed in to the portal.
	SignedIn bool
}

// TicketRequest is a ticket from a visitor who is not signed in: the
// contact holding Email raises it, or a new unverified contact when none
// does. Mail, when set, is queued with the ticket.
type TicketRequest struct {
	Name        string
	Email       string
	Subject     string
	Description string
	Mail        *NewMail
}

// TicketSubmitters says who may submit a new ticket in the portal.
type TicketSubmitters string

const (
	SubmitLoggedIn TicketSubmitters = "logged_in"
	SubmitEveryone TicketSubmitters = "everyone"
)

// PortalSettings are Admin > Portal settings.
type PortalSettings struct {
	Name string
	// Submitters is who may submit a new ticket.
	Submitters TicketSubmitters
	// SignUp lets visitors create an account themselves.
	SignUp bool
	// EditPhone and EditMobile let customers change their work phone
	// and mobile on their profile; otherwise the profile only shows them.
	EditPhone, EditMobile bool
}

// Anyone reports whether visitors who are not signed in may submit.
func (p PortalSettings) Anyone() bool { return p.Submitters == SubmitEveryone }
