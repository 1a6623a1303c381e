package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// eventsSince returns the events written after position, failing the test
// on a read error.
func eventsSince(t *testing.T, st *store.Store, position int64) []events.Event {
	t.Helper()
	evs, err := st.EventsAfter(context.Background(), position, 1000)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func lastPosition(t *testing.T, st *store.Store) int64 {
	evs := eventsSince(t, st, 0)
	if len(evs) == 0 {
		return 0
	}
	return evs[len(evs)-1].Position
}

// envelope decodes an event's payload.
func envelope(t *testing.T, ev events.Event) (env struct {
	Type      string          `json:"type"`
	Version   int             `json:"version"`
	Timestamp string          `json:"timestamp"`
	Data      json.RawMessage `json:"data"`
}) {
	t.Helper()
	if err := json.Unmarshal(ev.Payload, &env); err != nil {
		t.Fatalf("payload of %s: %v", ev.Type, err)
	}
	return env
}

func TestChangesWriteTheirEvents(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	a := mustContact(t, st, "Ann", "ann@acme.test", "ann@other.test")
	b := mustContact(t, st, "Bo", "bo@example.com")
	co, err := st.CreateCompany(ctx, ann, model.CompanyFields{Name: "Acme", Domains: []string{"acme.test"}})
	if err != nil {
		t.Fatal(err)
	}
	emails, _ := st.Contact(ctx, a)
	steps := []struct {
		name string
		do   func() error
		want []string
	}{
		{"company create", func() error {
			_, err := st.CreateCompany(ctx, ann, model.CompanyFields{Name: "Hooli"})
			return err
		}, []string{events.TypeCompanyCreated}},
		{"update", func() error { return st.UpdateContact(ctx, ann, a, model.ContactFields{Name: "Ann Lee"}) }, []string{events.TypeContactUpdated}},
		{"tags", func() error { return st.SetContactTags(ctx, ann, a, []string{"vip"}) }, []string{events.TypeContactUpdated}},
		{"promote", func() error { return st.PromoteEmail(ctx, ann, a, emails.Emails[1].ID) }, []string{events.TypeContactEmailPromoted}},
		{"block", func() error { return st.ChangeContactState(ctx, ann, a, "blocked") }, []string{events.TypeContactUpdated}},
		{"delete", func() error { return st.ChangeContactState(ctx, ann, b, "deleted") }, []string{events.TypeContactDeleted}},
		{"restore", func() error { return st.ChangeContactState(ctx, ann, b, "restored") }, []string{events.TypeContactRestored}},
		{"merge", func() error { return st.MergeContacts(ctx, ann, a, []int64{b}, model.ContactFields{Name: "Ann Lee"}) }, []string{events.TypeContactMerged}},
		{"company update", func() error {
			return st.UpdateCompany(ctx, ann, co, model.CompanyFields{Name: "Acme Inc", Domains: []string{"acme.test"}})
		}, []string{events.TypeCompanyUpdated}},
		{"company delete", func() error { return st.DeleteCompany(ctx, ann, co) }, []string{events.TypeContactUpdated, events.TypeCompanyDeleted}},
		{"erase", func() error { return st.HardDeleteContact(ctx, ann, a) }, []string{events.TypeContactDeleted}},
	}
	for _, s := range steps {
		from := lastPosition(t, st)
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		var got []string
		for _, ev := range eventsSince(t, st, from) {
			got = append(got, ev.Type)
			if env := envelope(t, ev); env.Type != ev.Type || env.Version != events.Version || env.Timestamp == "" {
				t.Errorf("%s: envelope %+v", s.name, env)
			}
		}
		if !slices.Equal(got, s.want) {
			t.Errorf("%s: events %v, want %v", s.name, got, s.want)
		}
	}
}

func TestContactEventsCarryTheContact(t *testing.T) {
	st, _ := open(t)
	a := mustContact(t, st, "Ann", "ann@example.com")
	evs := eventsSince(t, st, 0)
	if len(evs) != 1 || evs[0].Type != events.TypeContactCreated || !strings.HasPrefix(evs[0].ID, "evt_") {
		t.Fatalf("events %+v", evs)
	}
	var data events.ContactCreated
	if err := json.Unmarshal(envelope(t, evs[0]).Data, &data); err != nil {
		t.Fatal(err)
	}
	c := data.Contact
	if c.ID != a || c.Name != "Ann" || c.Email != "ann@example.com" || !slices.Equal(c.Emails, []string{"ann@example.com"}) || c.State != "unverified" {
		t.Errorf("contact %+v", c)
	}
}

func TestFailedChangeWritesNoEvent(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	mustContact(t, st, "Ann", "ann@example.com")
	from := lastPosition(t, st)
	_, err := st.CreateContact(ctx, ann, store.NewContact{Fields: model.ContactFields{Name: "Copy"}, Emails: []string{"ann@example.com"}})
	if !errors.Is(err, model.ErrConflict) {
		t.Fatalf("create with a taken address: %v", err)
	}
	if evs := eventsSince(t, st, from); len(evs) != 0 {
		t.Errorf("a rolled-back change wrote %d events", len(evs))
	}
}

func TestErasingAContactErasesItsEvents(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	a := mustContact(t, st, "Ann Secret", "ann.secret@example.com")
	if err := st.UpdateContact(ctx, ann, a, model.ContactFields{Name: "Ann Private"}); err != nil {
		t.Fatal(err)
	}
	if err := st.HardDeleteContact(ctx, ann, a); err != nil {
		t.Fatal(err)
	}
	for _, ev := range eventsSince(t, st, 0) {
		if p := string(ev.Payload); strings.Contains(p, "Ann") || strings.Contains(p, "secret@") {
			t.Errorf("%s still holds personal data: %s", ev.Type, p)
		}
	}
}
