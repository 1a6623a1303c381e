package imports

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestImportUpdateNamesCompanyChanges updates contacts whose rows give
// them a company, by name or through a new address's domain: each
// contact.updated names companies when the contact joined one and
// company_id when that gave it its first, default, company, as a manual
// edit's event does.
func TestImportUpdateNamesCompanyChanges(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	seed := model.Actor{Name: "Seed"}
	acme, err := e.st.CreateCompany(ctx, seed, model.CompanyFields{Name: "Acme", Domains: []string{"acme.test"}})
	if err != nil {
		t.Fatal(err)
	}
	hooli, err := e.st.CreateCompany(ctx, seed, model.CompanyFields{Name: "Hooli"})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, c := range []store.NewContact{
		{Fields: model.ContactFields{Name: "Kim"}, Emails: []string{"kim@example.com"}},
		{Fields: model.ContactFields{Name: "Lee"}, Emails: []string{"lee@example.com"}, Companies: []int64{hooli}},
		{Fields: model.ContactFields{Name: "Park"}, Emails: []string{"park@example.com"}},
		{Fields: model.ContactFields{Name: "Choi"}, Emails: []string{"choi@example.com"}, Companies: []int64{hooli}},
	} {
		if ids[c.Emails[0]], err = e.st.CreateContact(ctx, seed, c); err != nil {
			t.Fatal(err)
		}
	}
	from := lastPosition(t, e)
	path := e.file(t, "companies.csv", "Name,Email,Email 2,Company",
		"Kim,kim@example.com,,Hooli",
		"Lee,lee@example.com,lee@acme.test,",
		"Park,park@example.com,park@acme.test,",
		"Choi Updated,choi@example.com,,Hooli")
	wantCounts(t, e.importFile(t, path, Params{}), model.ImportCounts{Updated: 4})
	want := map[string]string{
		"kim@example.com":  "companies company_id",
		"lee@example.com":  "emails companies",
		"park@example.com": "emails companies company_id",
		"choi@example.com": "name",
	}
	got := updatedSince(t, e, from)
	for email, changed := range want {
		if g := got[ids[email]]; g != changed {
			t.Errorf("%s: changed %q, want %q", email, g, changed)
		}
	}
	if c := e.contactBy(t, "park@acme.test"); c.CompanyID != acme {
		t.Errorf("Park's default company %d, want Acme %d", c.CompanyID, acme)
	}
	// A company joined is in the search document, though no searched
	// field of the row changed.
	page, err := e.st.ListContacts(ctx, model.ContactQuery{Search: "hooli kim", PerPage: 10, Page: 1})
	if err != nil || page.Total != 1 || page.Contacts[0].ID != ids["kim@example.com"] {
		t.Errorf("search for hooli kim: %+v, %v; want Kim", page, err)
	}
}

func lastPosition(t *testing.T, e *env) int64 {
	t.Helper()
	var pos int64
	for {
		evs, err := e.st.EventsAfter(context.Background(), pos, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 {
			return pos
		}
		pos = evs[len(evs)-1].Position
	}
}

// updatedSince returns, by contact, the changed list of each
// contact.updated written after position from, space-separated.
func updatedSince(t *testing.T, e *env, from int64) map[int64]string {
	t.Helper()
	evs, err := e.st.EventsAfter(context.Background(), from, 1000)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for _, ev := range evs {
		if ev.Type != events.TypeContactUpdated {
			continue
		}
		var env struct {
			Data events.ContactUpdated `json:"data"`
		}
		if err := json.Unmarshal(ev.Payload, &env); err != nil {
			t.Fatal(err)
		}
		if _, twice := out[ev.ContactID]; twice {
			t.Errorf("contact %d has two contact.updated events", ev.ContactID)
		}
		out[ev.ContactID] = strings.Join(env.Data.Changed, " ")
	}
	return out
}
