package model

import "time"

// State is a contact's lifecycle state.
type State string

const (
	StateUnverified State = "unverified"
	StateVerified   State = "verified"
	StateBlocked    State = "blocked"
	StateDeleted    State = "deleted"
)

// States lists every state in display order.
var States = []State{StateVerified, StateUnverified, StateBlocked, StateDeleted}

// Valid reports whether s is a known state.
func (s State) Valid() bool {
	switch s {
	case StateUnverified, StateVerified, StateBlocked, StateDeleted:
		return true
	}
	return false
}

// MaxEmails is how many addresses one contact may have, primary included.
const MaxEmails = 10

// Contact is a customer of the support team.
type Contact struct {
	ID         int64
	Name       string
	State      State
	JobTitle   string
	Phone      string
	Mobile     string
	Language   string
	TimeZone   string
	ExternalID string
	// TwitterID is the contact's X (Twitter) handle, without the @.
	TwitterID string
	Address   string
	About     string
	CompanyID int64 // default company; zero when none
	// CompanyName is the default company's name, filled by list queries.
	CompanyName string
	// Email is the primary address, filled by list and get queries.
	Email      string
	Emails     []Email
	Tags       []string
	Companies  []Membership
	VerifiedAt *time.Time
	BlockedAt  *time.Time
	DeletedAt  *time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Email is one of a contact's addresses.
type Email struct {
	ID        int64
	ContactID int64
	Address   string
	Primary   bool
	CreatedAt time.Time
}

// Membership links a contact to a company.
type Membership struct {
	CompanyID      int64
	CompanyName    string
	Default        bool
	ViewAllTickets bool
}

// ContactFields are the editable scalar fields of a contact, already
// normalised and validated by the contact package.
type ContactFields struct {
	Name       string
	JobTitle   string
	Phone      string
	Mobile     string
	Language   string
	TimeZone   string
	ExternalID string
	TwitterID  string
	Address    string
	About      string
}

// Fields returns c's editable fields.
func (c *Contact) Fields() ContactFields {
	return ContactFields{
		Name: c.Name, JobTitle: c.JobTitle, Phone: c.Phone, Mobile: c.Mobile,
		Language: c.Language, TimeZone: c.TimeZone, ExternalID: c.ExternalID, TwitterID: c.TwitterID,
		Address: c.Address, About: c.About,
	}
}

// ContactSort names a list order.
type ContactSort string

const (
	SortName    ContactSort = "name"
	SortCreated ContactSort = "created"
	SortUpdated ContactSort = "updated"
)

// ContactQuery selects a page of contacts.
type ContactQuery struct {
	// View is a state, or "" for every contact that is not deleted.
	View      State
	Search    string
	CompanyID int64
	Tag       string
	Sort      ContactSort
	Desc      bool
	Page      int // 1-based
	PerPage   int
	// IDs narrows the list to these contacts: a selection ticked on a
	// page, exported as it was ticked. Empty means no such narrowing.
	IDs []int64 `json:",omitempty"`
}

// ContactPage is one page of a contact list.
type ContactPage struct {
	Contacts []Contact
	// Total counts the matches; when Capped it is a lower bound.
	Total  int
	Capped bool
	Page   int
	Pages  int
}

// ViewCounts counts contacts per state; All excludes deleted ones.
type ViewCounts struct {
	All, Verified, Unverified, Blocked, Deleted int
}

// Change is one field's before and after value in an audit entry.
type Change struct {
	Field string `json:"field"`
	From  string `json:"from"`
	To    string `json:"to"`
}

// AuditEntry records who changed what and when.
type AuditEntry struct {
	ID          int64
	SubjectType string
	SubjectID   int64
	ActorID     int64
	ActorName   string
	Action      string
	Changes     []Change
	CreatedAt   time.Time
}

// ContactActivity is an audit entry of a contact with the contact's
// name, as a company's page lists its contacts' activity.
type ContactActivity struct {
	AuditEntry
	ContactName string
}

// Actor is whoever makes a change, recorded on audit entries.
type Actor struct {
	ID   int64
	Name string
}

// Of returns the count of a view; "" is All.
func (v ViewCounts) Of(s State) int {
	switch s {
	case StateVerified:
		return v.Verified
	case StateUnverified:
		return v.Unverified
	case StateBlocked:
		return v.Blocked
	case StateDeleted:
		return v.Deleted
	}
	return v.All
}

// Set records the count of one state and keeps All in step.
func (v *ViewCounts) Set(s State, n int) {
	switch s {
	case StateVerified:
		v.Verified = n
	case StateUnverified:
		v.Unverified = n
	case StateBlocked:
		v.Blocked = n
	case StateDeleted:
		v.Deleted = n
	}
	v.All = v.Verified + v.Unverified + v.Blocked
}
