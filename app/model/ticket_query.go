package model

// TicketView is a view of the agents' ticket list: every ticket, one
// status, or those assigned to the agent looking ("mine").
type TicketView string

const (
	TicketViewAll  TicketView = ""
	TicketViewMine TicketView = "mine"
)

// TicketSort is the list's order: by last update, or by number (which is
// creation order).
type TicketSort string

const (
	TicketSortUpdated TicketSort = "updated"
	TicketSortCreated TicketSort = "created"
)

// TicketCursor is a position in the list: the row a page starts after
// (or, Before, ends before). Zero is the first page.
type TicketCursor struct {
	UpdatedAt int64 // unix nanoseconds, for the updated order
	ID        int64
	Before    bool
}

// TicketQuery selects a page of the agents' ticket list.
type TicketQuery struct {
	View       TicketView
	Status     TicketStatus // set by a status view
	AssigneeID int64        // the "mine" view's agent, or the assignee filter
	CompanyID  int64
	ContactID  int64
	// Search matches a number ("42", "#42") or words of the subject.
	Search  string
	Sort    TicketSort
	Asc     bool
	Cursor  TicketCursor
	PerPage int
}

// TicketPage is one page of the agents' list with the cursors of the
// pages before and after it, nil at either end.
type TicketPage struct {
	Tickets []Ticket
	Prev    *TicketCursor
	Next    *TicketCursor
}
