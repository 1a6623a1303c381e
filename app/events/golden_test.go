package events

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// update rewrites the golden files: `go test ./app/events -update`, then
// review the diff, since every change there is a change of the public
// webhook contract.
var update = flag.Bool("update", false, "rewrite the golden payload files")

var (
	goldenAt = time.Date(2026, 3, 14, 9, 26, 53, 0, time.UTC)
	verified = time.Date(2026, 3, 14, 9, 20, 0, 0, time.UTC)
)

func goldenContact() Contact {
	return ContactOf(&model.Contact{
		ID: 42, Name: "Kim Minjun", State: model.StateVerified, JobTitle: "Head of Operations",
		Phone: "+82 2 555 0142", Mobile: "+82 10 5555 0142", Language: "ko", TimeZone: "Asia/Seoul",
		ExternalID: "crm-0042", TwitterID: "kim_minjun", Address: "110 Sejong-daero\nJung-gu, Seoul 04524", CompanyID: 7, Email: "minjun.kim@hanbit.example",
		Emails: []model.Email{{Address: "minjun.kim@hanbit.example", Primary: true}, {Address: "mj@kim.example"}},
		Tags:   []string{"vip", "beta"}, Companies: []model.Membership{{CompanyID: 7, Default: true}, {CompanyID: 9}},
		VerifiedAt: &verified, CreatedAt: goldenAt.Add(-90 * 24 * time.Hour), UpdatedAt: goldenAt,
	})
}

func goldenCompany() Company {
	return CompanyOf(&model.Company{
		ID: 7, Name: "Hanbit Logistics", Domains: []string{"hanbit.example"}, Description: "Freight forwarding",
		Notes: "internal notes never leave Portico", HealthScore: "good", AccountTier: "premium",
		RenewalDate: "2027-01-31", Industry: "Logistics", CreatedAt: goldenAt.Add(-400 * 24 * time.Hour), UpdatedAt: goldenAt,
	})
}

func goldenTicket() Ticket {
	return TicketOf(&model.Ticket{
		ID: 1204, Subject: "The invoice for March is missing", Description: "We paid, but no invoice arrived.",
		Status: model.TicketPending, ContactID: 42, CompanyID: 7, AssigneeID: 5, SignedIn: true,
		CreatedAt: goldenAt.Add(-26 * time.Hour), UpdatedAt: goldenAt,
	})
}

func goldenTimeEntry() TimeEntry {
	return TimeEntryOf(&model.TimeEntry{
		ID: 501, TicketID: 1207, CompanyID: 7, ContactID: 42, AgentID: 3, WorkDate: time.Date(2026, 3, 13, 0, 0, 0, 0, time.UTC),
		Seconds: 5400, Billable: true, Note: "Traced the customs export failure", CreatedAt: goldenAt, UpdatedAt: goldenAt,
	})
}

// goldenPayloads holds one realistic payload of every event type.
func goldenPayloads() []Payload {
	c := goldenContact()
	return []Payload{
		ContactCreated{Contact: c},
		ContactUpdated{Contact: c, Changed: []string{"job_title", "tags"}},
		ContactVerified{Contact: c, Method: "passkey", VerifiedAt: verified},
		ContactDeleted{ContactID: 42, Permanent: false},
		ContactRestored{Contact: c},
		ContactMerged{PrimaryID: 42, MergedIDs: []int64{43, 51}, Contact: c},
		ContactEmailPromoted{ContactID: 42, Email: "mj@kim.example", PreviousEmail: "minjun.kim@hanbit.example"},
		CompanyCreated{Company: goldenCompany()},
		CompanyUpdated{Company: goldenCompany(), Changed: []string{"domains"}},
		CompanyDeleted{CompanyID: 7, Name: "Hanbit Logistics"},
		ActivationSent{ContactID: 42, Email: "minjun.kim@hanbit.example", ExpiresAt: goldenAt.Add(72 * time.Hour)},
		TicketCreated{Ticket: goldenTicket()},
		TicketUpdated{Ticket: goldenTicket(), Changed: []string{"status", "assignee"}},
		TicketReplied{Ticket: goldenTicket(), Reply: ReplyOf(&model.Reply{ID: 812, AuthorKind: model.AuthorAgent, AgentID: 5,
			AuthorName: "Lee Seoyeon", Body: "The March invoice is attached again.\nSorry for the trouble.", CreatedAt: goldenAt})},
		TimeEntryCreated{TimeEntry: goldenTimeEntry()},
		TimeEntryUpdated{TimeEntry: goldenTimeEntry(), Changed: []string{"seconds", "note"}},
		TimeEntryDeleted{TimeEntryID: 501, TicketID: 1207, ContactID: 42},
		Test{EndpointID: 3, Message: "This is a test event from Portico."},
	}
}

// TestPayloadsMatchGolden fails when the JSON an endpoint receives for any
// event type changes: a renamed, removed or retyped field breaks every
// receiver, so it must be a deliberate change of the golden file.
func TestPayloadsMatchGolden(t *testing.T) {
	for _, p := range goldenPayloads() {
		t.Run(p.EventType(), func(t *testing.T) {
			ev, err := New(p, goldenAt)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := json.Indent(&got, ev.Payload, "", "  "); err != nil {
				t.Fatal(err)
			}
			got.WriteByte('\n')
			path := filepath.Join("testdata", p.EventType()+".json")
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no golden payload for %s: run go test -update and review it: %v", p.EventType(), err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s payload changed:\n got: %s\nwant: %s", p.EventType(), got.Bytes(), want)
			}
		})
	}
}

// TestEveryTypeHasAGoldenPayload fails when an event type is added
// without its golden payload.
func TestEveryTypeHasAGoldenPayload(t *testing.T) {
	have := map[string]bool{}
	for _, p := range goldenPayloads() {
		have[p.EventType()] = true
	}
	for _, info := range append(Types, TypeInfo{Type: TypeTest}) {
		if !have[info.Type] {
			t.Errorf("event type %s has no golden payload in goldenPayloads", info.Type)
		}
	}
}
