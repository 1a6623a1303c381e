package events

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/portico-hub/portico/app/model"
)

var (
	exampleAt = time.Date(2026, 3, 14, 9, 26, 53, 0, time.UTC)
	verified  = time.Date(2026, 3, 14, 9, 20, 0, 0, time.UTC)
)

func exampleContact() Contact {
	return ContactOf(&model.Contact{
		ID: 42, Name: "Kim Minjun", State: model.StateVerified, JobTitle: "Head of Operations",
		Phone: "+82 2 555 0142", Mobile: "+82 10 5555 0142", Language: "ko", TimeZone: "Asia/Seoul",
		ExternalID: "crm-0042", TwitterID: "kim_minjun", Address: "110 Sejong-daero\nJung-gu, Seoul 04524", CompanyID: 7, Email: "minjun.kim@hanbit.example",
		Emails: []model.Email{{Address: "minjun.kim@hanbit.example", Primary: true}, {Address: "mj@kim.example"}},
		Tags:   []string{"vip", "beta"}, Companies: []model.Membership{{CompanyID: 7, Default: true}, {CompanyID: 9}},
		VerifiedAt: &verified, CreatedAt: exampleAt.Add(-90 * 24 * time.Hour), UpdatedAt: exampleAt,
	})
}

func exampleCompany() Company {
	return CompanyOf(&model.Company{
		ID: 7, Name: "Hanbit Logistics", Domains: []string{"hanbit.example"}, Description: "Freight forwarding",
		Notes: "internal notes never leave Portico", HealthScore: "good", AccountTier: "premium",
		RenewalDate: "2027-01-31", Industry: "Logistics", CreatedAt: exampleAt.Add(-400 * 24 * time.Hour), UpdatedAt: exampleAt,
	})
}

func exampleTicket() Ticket {
	return TicketOf(&model.Ticket{
		ID: 1204, Subject: "The invoice for March is missing", Description: "We paid, but no invoice arrived.",
		Status: model.TicketPending, ContactID: 42, CompanyID: 7, AssigneeID: 5, SignedIn: true,
		CreatedAt: exampleAt.Add(-26 * time.Hour), UpdatedAt: exampleAt,
	})
}

func exampleTimeEntry() TimeEntry {
	return TimeEntryOf(&model.TimeEntry{
		ID: 501, TicketID: 1207, CompanyID: 7, ContactID: 42, AgentID: 3, WorkDate: time.Date(2026, 3, 13, 0, 0, 0, 0, time.UTC),
		Seconds: 5400, Billable: true, Note: "Traced the customs export failure", CreatedAt: exampleAt, UpdatedAt: exampleAt,
	})
}

// Examples returns one realistic payload of every event type, in the
// order of Types, then the test event. The golden files of the tests
// (testdata/TYPE.json) are these, so the payload reference that Admin >
// Webhooks shows from them is the contract the tests hold.
func Examples() []Payload {
	c := exampleContact()
	return []Payload{
		ContactCreated{Contact: c},
		ContactUpdated{Contact: c, Changed: []string{"job_title", "tags"}},
		ContactVerified{Contact: c, Method: "passkey", VerifiedAt: verified},
		ContactDeleted{ContactID: 42, Permanent: false},
		ContactRestored{Contact: c},
		ContactMerged{PrimaryID: 42, MergedIDs: []int64{43, 51}, Contact: c},
		ContactEmailPromoted{ContactID: 42, Email: "mj@kim.example", PreviousEmail: "minjun.kim@hanbit.example"},
		CompanyCreated{Company: exampleCompany()},
		CompanyUpdated{Company: exampleCompany(), Changed: []string{"domains"}},
		CompanyDeleted{CompanyID: 7, Name: "Hanbit Logistics"},
		ActivationSent{ContactID: 42, Email: "minjun.kim@hanbit.example", ExpiresAt: exampleAt.Add(72 * time.Hour)},
		TicketCreated{Ticket: exampleTicket()},
		TicketUpdated{Ticket: exampleTicket(), Changed: []string{"status", "assignee"}},
		TicketReplied{Ticket: exampleTicket(), Reply: ReplyOf(&model.Reply{ID: 812, AuthorKind: model.AuthorAgent, AgentID: 5,
			AuthorName: "Lee Seoyeon", Body: "The March invoice is attached again.\nSorry for the trouble.", CreatedAt: exampleAt})},
		TimeEntryCreated{TimeEntry: exampleTimeEntry()},
		TimeEntryUpdated{TimeEntry: exampleTimeEntry(), Changed: []string{"seconds", "note"}},
		TimeEntryDeleted{TimeEntryID: 501, TicketID: 1207, ContactID: 42},
		Test{EndpointID: 3, Message: "This is a test event from Portico."},
	}
}

// ExampleJSON is the body an endpoint receives for p, indented: the
// envelope at the examples' time, with p as its data.
func ExampleJSON(p Payload) ([]byte, error) {
	ev, err := New(p, exampleAt)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = json.Indent(&b, ev.Payload, "", "  ")
	return b.Bytes(), err
}
