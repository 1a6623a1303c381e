package store_test

import (
	"context"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

func TestMergeKeepsTicketsAndTheirCompanies(t *testing.T) {
	st, _, raw := mgOpen(t)
	ctx := context.Background()
	mgCompany(t, raw, 1, "Acme", "acme.com")
	a := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "Jane Doe"}, Emails: []string{"jane@example.com"}})
	b := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "J. Doe"}, Emails: []string{"jd@acme.com"}})
	tid, err := st.CreateTicket(ctx, ann, model.NewTicket{ContactID: b, Subject: "Raised by the duplicate", Description: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MergeContacts(ctx, ann, a, []int64{b}, mgContact(t, st, a).Fields()); err != nil {
		t.Fatal(err)
	}
	got, err := st.VisibleTicket(ctx, a, tid)
	if err != nil {
		t.Fatalf("the kept contact cannot see the merged contact's ticket: %v", err)
	}
	if got.ContactID != a || got.CompanyName != "Acme" {
		t.Fatalf("ticket after the merge: %+v", got)
	}
}

func TestEraseRemovesTheContactsTickets(t *testing.T) {
	st, _, raw := mgOpen(t)
	ctx := context.Background()
	id, err := st.CreateContact(ctx, ann, store.NewContact{Fields: model.ContactFields{Name: "Gone Soon"}, Emails: []string{"gone@example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateTicket(ctx, ann, model.NewTicket{ContactID: id, Subject: "Personal", Description: "data"}); err != nil {
		t.Fatal(err)
	}
	if err := st.HardDeleteContact(ctx, ann, id); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM tickets`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d tickets after erasure: %v", n, err)
	}
}
