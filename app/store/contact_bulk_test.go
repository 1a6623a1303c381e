package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

func person(name string, state model.State, emails ...string) store.NewContact {
	return store.NewContact{Fields: model.ContactFields{Name: name}, Emails: emails, State: state}
}

func TestInsertContactsKeepsInvariants(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	hooli, err := st.CreateCompany(ctx, ann, model.CompanyFields{Name: "Hooli", Domains: []string{"hooli.xyz"}, Industry: "Software"})
	if err != nil {
		t.Fatal(err)
	}
	kim := person("김민준", model.StateVerified, "Minjun@Hooli.xyz", "mj@naver.com")
	kim.Tags = []string{"VIP", "beta"}
	olivia := person("Olivia Martin", model.StateBlocked, "olivia@example.com")
	olivia.Fields.ExternalID = "crm-1"
	ids, err := st.InsertContacts(ctx, ann, []store.NewContact{kim, olivia,
		person("Gone Away", model.StateDeleted, "gone@example.com"), person("Plain Person", "", "plain@example.com")})
	if err != nil || len(ids) != 4 {
		t.Fatalf("insert: %v, ids %v", err, ids)
	}
	if vc, _ := st.ViewCounts(ctx); vc != (model.ViewCounts{All: 3, Verified: 1, Unverified: 1, Blocked: 1, Deleted: 1}) {
		t.Fatalf("counts %+v", vc)
	}
	c, err := st.Contact(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if c.CompanyID != hooli || len(c.Companies) != 1 || c.Email != "Minjun@Hooli.xyz" || len(c.Emails) != 2 || len(c.Tags) != 2 || c.VerifiedAt == nil {
		t.Fatalf("inserted contact: %+v", c)
	}
	for q, want := range map[string]int64{"hooli": ids[0], "민준": ids[0], "mj@nav": ids[0], "olivia mar": ids[1], "crm-1": ids[1]} {
		page, err := st.ListContacts(ctx, model.ContactQuery{Search: q})
		if err != nil || len(page.Contacts) != 1 || page.Contacts[0].ID != want {
			t.Errorf("search %q: %v, %+v", q, err, page)
		}
	}
	if trail, _ := st.Audit(ctx, "contact", ids[1], 10); len(trail) != 1 || trail[0].Action != "created" || trail[0].ActorName != ann.Name {
		t.Fatalf("audit: %+v", trail)
	}
	for _, step := range []struct {
		id     int64
		action string
		want   model.State
	}{{ids[1], "unblocked", model.StateUnverified}, {ids[2], "restored", model.StateUnverified}} {
		if err := st.ChangeContactState(ctx, ann, step.id, step.action); err != nil {
			t.Fatal(err)
		}
		if c, _ := st.Contact(ctx, step.id); c.State != step.want {
			t.Errorf("%s: state %s, want %s", step.action, c.State, step.want)
		}
	}
}

func TestInsertContactsRefusesTheWholeBatch(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	if _, err := st.CreateAgent(ctx, "Agent", "agent@portico.test", model.RoleAgent, "", "", nil); err != nil {
		t.Fatal(err)
	}
	held := mustContact(t, st, "Holder", "held@example.com")
	withExt := person("Ext", "", "ext@example.com")
	withExt.Fields.ExternalID = "crm-7"
	if _, err := st.InsertContacts(ctx, ann, []store.NewContact{withExt}); err != nil {
		t.Fatal(err)
	}
	tooMany := person("Many", "")
	for _, e := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"} {
		tooMany.Emails = append(tooMany.Emails, e+"@many.example")
	}
	sameExt := person("Same Ext", "", "same@example.com")
	sameExt.Fields.ExternalID = "crm-7"
	cases := []struct {
		name  string
		bad   store.NewContact
		field string // the validation field, or "" for an address taken
		by    int64
	}{
		{"an agent's address", person("X", "", "AGENT@portico.test"), "", 0},
		{"a contact's address", person("X", "", " Held@Example.com"), "", held},
		{"an address twice in the batch", person("X", "", "fine@example.com"), "email", 0},
		{"the same address twice", person("X", "", "x@example.com", "X@example.com"), "email", 0},
		{"a stored external id", sameExt, "external_id", 0},
		{"eleven addresses", tooMany, "email", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := st.ViewCounts(ctx)
			_, err := st.InsertContacts(ctx, ann, []store.NewContact{person("Fine", "", "fine@example.com"), tc.bad})
			var be *store.BulkError
			if !errors.As(err, &be) || be.Index != 1 {
				t.Fatalf("want the second contact refused, got %v", err)
			}
			var taken *model.EmailTakenError
			var ve *model.ValidationError
			switch {
			case tc.field == "" && (!errors.As(err, &taken) || taken.ContactID != tc.by):
				t.Errorf("want the address taken by %d, got %v", tc.by, err)
			case tc.field != "" && (!errors.As(err, &ve) || ve.Fields[tc.field] == ""):
				t.Errorf("want a message on %s, got %v", tc.field, err)
			}
			if after, _ := st.ViewCounts(ctx); after != before {
				t.Errorf("the refused batch left contacts behind: %+v", after)
			}
		})
	}
}

func TestInsertContactsNeverReusesAnErasedID(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	erased := mustContact(t, st, "Erased", "erased@example.com")
	if err := st.HardDeleteContact(ctx, ann, erased); err != nil {
		t.Fatal(err)
	}
	ids, err := st.InsertContacts(ctx, ann, []store.NewContact{person("New", "", "new@example.com")})
	if err != nil {
		t.Fatal(err)
	}
	if ids[0] <= erased {
		t.Fatalf("new contact %d reuses the erased contact's id %d", ids[0], erased)
	}
	if trail, _ := st.Audit(ctx, "contact", ids[0], 10); len(trail) != 1 {
		t.Fatalf("the new contact's timeline: %+v", trail)
	}
}
