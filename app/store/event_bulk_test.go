package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// snapshotOf decodes the contact an event carries.
func snapshotOf(t *testing.T, ev events.Event) events.Contact {
	t.Helper()
	var data struct {
		Contact events.Contact `json:"contact"`
	}
	if err := json.Unmarshal(envelope(t, ev).Data, &data); err != nil {
		t.Fatal(err)
	}
	return data.Contact
}

// TestInsertContactsWritesCreatedEvents checks that a bulk insert writes
// one contact.created per contact, showing each as a later read of the
// database does, and that a refused batch writes none.
func TestInsertContactsWritesCreatedEvents(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	hooli, err := st.CreateCompany(ctx, ann, model.CompanyFields{Name: "Hooli", Domains: []string{"hooli.xyz"}})
	if err != nil {
		t.Fatal(err)
	}
	first := mustContact(t, st, "Tagged", "tagged@example.com")
	if err := st.SetContactTags(ctx, ann, first, []string{"VIP"}); err != nil {
		t.Fatal(err)
	}
	kim := person("김민준", model.StateVerified, " Minjun@Hooli.xyz", "zed@naver.com", "amy@naver.com")
	kim.Tags = []string{"vip", "beta", "Beta"}
	olivia := person("Olivia Martin", "", "olivia@example.com")
	olivia.Fields.ExternalID = "crm-1"
	from := lastPosition(t, st)
	ids, err := st.InsertContacts(ctx, ann, []store.NewContact{kim, olivia})
	if err != nil {
		t.Fatal(err)
	}
	evs := eventsSince(t, st, from)
	if len(evs) != 2 {
		t.Fatalf("want 2 events, got %d", len(evs))
	}
	for i, ev := range evs {
		if ev.Type != events.TypeContactCreated || ev.ContactID != ids[i] {
			t.Fatalf("event %d: %s about %d, want contact.created about %d", i, ev.Type, ev.ContactID, ids[i])
		}
		created := snapshotOf(t, ev)
		if err := st.UpdateContact(ctx, ann, ids[i], model.ContactFields{Name: "Renamed", ExternalID: created.ExternalID}); err != nil {
			t.Fatal(err)
		}
		after := eventsSince(t, st, lastPosition(t, st)-1)
		read := snapshotOf(t, after[0])
		read.Name, read.UpdatedAt = created.Name, created.UpdatedAt
		a, _ := json.Marshal(created)
		b, _ := json.Marshal(read)
		if string(a) != string(b) {
			t.Errorf("contact.created shows\n%s\nthe database holds\n%s", a, b)
		}
	}
	if c := snapshotOf(t, evs[0]); c.CompanyID == nil || *c.CompanyID != hooli || len(c.Tags) != 2 || c.VerifiedAt == nil || c.Email != "Minjun@Hooli.xyz" {
		t.Errorf("kim's snapshot: %+v", c)
	}
	from = lastPosition(t, st)
	if _, err := st.InsertContacts(ctx, ann, []store.NewContact{person("Fine", "", "fine@example.com"),
		person("Clash", "", "olivia@example.com")}); err == nil {
		t.Fatal("a batch with a taken address was accepted")
	}
	if evs := eventsSince(t, st, from); len(evs) != 0 {
		t.Errorf("a refused batch wrote %d events", len(evs))
	}
}
