package model

import "time"

// TicketStatus is where a ticket stands. Tickets start open; agents'
// later work moves them on.
type TicketStatus string

const TicketOpen TicketStatus = "open"

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
