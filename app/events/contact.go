package events

import (
	"time"

	"github.com/portico-hub/portico/app/model"
)

// Contact is a contact as events show it.
type Contact struct {
	ID         int64    `json:"id"`
	Name       string   `json:"name"`
	Email      string   `json:"email"`
	Emails     []string `json:"emails"`
	State      string   `json:"state"`
	JobTitle   string   `json:"job_title"`
	Phone      string   `json:"phone"`
	Mobile     string   `json:"mobile"`
	Language   string   `json:"language"`
	TimeZone   string   `json:"time_zone"`
	ExternalID string   `json:"external_id"`
	// TwitterID is the X (Twitter) handle, without the @.
	TwitterID string `json:"twitter_id"`
	// Address is the postal address, its lines separated by LF.
	Address string `json:"address"`
	// CompanyID is the default company, null when the contact has none.
	CompanyID  *int64     `json:"company_id"`
	Companies  []int64    `json:"company_ids"`
	Tags       []string   `json:"tags"`
	VerifiedAt *time.Time `json:"verified_at"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
}

// ContactOf is c as events show it. Lists are never null in the JSON.
func ContactOf(c *model.Contact) Contact {
	out := Contact{
		ID: c.ID, Name: c.Name, Email: c.Email, State: string(c.State), JobTitle: c.JobTitle, Phone: c.Phone,
		Mobile: c.Mobile, Language: c.Language, TimeZone: c.TimeZone, ExternalID: c.ExternalID, TwitterID: c.TwitterID,
		Address: c.Address, CompanyID: CompanyRef(c.CompanyID),
		Emails: []string{}, Companies: []int64{}, Tags: append([]string{}, c.Tags...),
		VerifiedAt: c.VerifiedAt, CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC(),
	}
	for _, e := range c.Emails {
		out.Emails = append(out.Emails, e.Address)
	}
	for _, m := range c.Companies {
		out.Companies = append(out.Companies, m.CompanyID)
	}
	return out
}

// CompanyRef is a default company's id as events show it: null for none
// (zero), so a receiver never mistakes 0 for a company.
func CompanyRef(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// ContactCreated is contact.created.
type ContactCreated struct {
	Contact Contact `json:"contact"`
}

// ContactUpdated is contact.updated. Changed names what changed: fields
// (name, job_title, phone, ...), emails, tags, companies, company_id (the
// default company) or state.
type ContactUpdated struct {
	Contact Contact  `json:"contact"`
	Changed []string `json:"changed"`
}

// ContactVerified is contact.verified: the contact, how it verified
// (Method: password, passkey or admin) and when.
type ContactVerified struct {
	Contact    Contact   `json:"contact"`
	Method     string    `json:"method"`
	VerifiedAt time.Time `json:"verified_at"`
}

// ContactDeleted is contact.deleted. Permanent is true for an erasure,
// which carries no personal data.
type ContactDeleted struct {
	ContactID int64 `json:"contact_id"`
	Permanent bool  `json:"permanent"`
}

// ContactRestored is contact.restored.
type ContactRestored struct {
	Contact Contact `json:"contact"`
}

// ContactMerged is contact.merged: MergedIDs were folded into the
// contact, whose id is PrimaryID; their URLs redirect to it.
type ContactMerged struct {
	PrimaryID int64   `json:"primary_id"`
	MergedIDs []int64 `json:"merged_ids"`
	Contact   Contact `json:"contact"`
}

// ContactEmailPromoted is contact.email_promoted.
type ContactEmailPromoted struct {
	ContactID     int64  `json:"contact_id"`
	Email         string `json:"email"`
	PreviousEmail string `json:"previous_email"`
}

// ActivationSent is activation.sent: an activation email was queued for
// the contact's address, with a link valid until ExpiresAt.
type ActivationSent struct {
	ContactID int64     `json:"contact_id"`
	Email     string    `json:"email"`
	ExpiresAt time.Time `json:"expires_at"`
}

func (ContactCreated) EventType() string       { return TypeContactCreated }
func (ContactUpdated) EventType() string       { return TypeContactUpdated }
func (ContactVerified) EventType() string      { return TypeContactVerified }
func (ContactDeleted) EventType() string       { return TypeContactDeleted }
func (ContactRestored) EventType() string      { return TypeContactRestored }
func (ContactMerged) EventType() string        { return TypeContactMerged }
func (ContactEmailPromoted) EventType() string { return TypeContactEmailPromoted }
func (ActivationSent) EventType() string       { return TypeActivationSent }

func (e ContactCreated) SubjectContact() int64       { return e.Contact.ID }
func (e ContactUpdated) SubjectContact() int64       { return e.Contact.ID }
func (e ContactVerified) SubjectContact() int64      { return e.Contact.ID }
func (e ContactDeleted) SubjectContact() int64       { return e.ContactID }
func (e ContactRestored) SubjectContact() int64      { return e.Contact.ID }
func (e ContactMerged) SubjectContact() int64        { return e.PrimaryID }
func (e ContactEmailPromoted) SubjectContact() int64 { return e.ContactID }
func (e ActivationSent) SubjectContact() int64       { return e.ContactID }
