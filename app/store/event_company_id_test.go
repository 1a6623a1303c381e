package store_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// TestMembershipEventsNameDefaultCompany follows a contact through each
// way its memberships change and checks that contact.updated names
// company_id exactly when the default company moved, and that a contact
// without a company has "company_id": null.
func TestMembershipEventsNameDefaultCompany(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	acme := mustCompany(t, st, "Acme", "acme.test")
	hooli := mustCompany(t, st, "Hooli")
	id := mustContact(t, st, "Kim", "kim@example.com")
	steps := []struct {
		name        string
		do          func() error
		changed     string
		companyJSON string
	}{
		{"first company", func() error { return st.AddMembership(ctx, ann, id, hooli) }, "companies company_id", strconv.FormatInt(hooli, 10)},
		{"second company", func() error { return st.AddMembership(ctx, ann, id, acme) }, "companies", strconv.FormatInt(hooli, 10)},
		{"set default", func() error { return st.SetDefaultCompany(ctx, ann, id, acme) }, "company_id", strconv.FormatInt(acme, 10)},
		{"remove other", func() error { return st.RemoveMembership(ctx, ann, id, hooli) }, "companies", strconv.FormatInt(acme, 10)},
		{"remove default", func() error { return st.RemoveMembership(ctx, ann, id, acme) }, "companies company_id", "null"},
		{"email at a domain", func() error { return st.AddEmail(ctx, ann, id, "kim@acme.test") }, "emails companies company_id", strconv.FormatInt(acme, 10)},
		{"company deleted", func() error { return st.DeleteCompany(ctx, ann, acme) }, "companies company_id", "null"},
	}
	for _, s := range steps {
		from := lastPosition(t, st)
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		evs := eventsSince(t, st, from)
		var data struct {
			Contact struct {
				CompanyID json.RawMessage `json:"company_id"`
			} `json:"contact"`
			Changed []string `json:"changed"`
		}
		found := false
		for _, ev := range evs {
			if ev.Type == "contact.updated" {
				found = true
				if err := json.Unmarshal(envelope(t, ev).Data, &data); err != nil {
					t.Fatal(err)
				}
			}
		}
		if !found {
			t.Fatalf("%s: no contact.updated", s.name)
		}
		if got := strings.Join(data.Changed, " "); got != s.changed || string(data.Contact.CompanyID) != s.companyJSON {
			t.Errorf("%s: changed %q company_id %s, want %q %s", s.name, got, data.Contact.CompanyID, s.changed, s.companyJSON)
		}
	}
}
