package imports

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestPluginCompanyLinkSurvivesAResume: the plugin sends company acme with
// one contact and crashes; resumed after that batch, it sends acme's other
// contacts by its external id alone, and they join Acme Ltd all the same;
// the company has the domain and description of its record.
func TestPluginCompanyLinkSurvivesAResume(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the job's retry")
	}
	e, _, in := faultyEnv(t, "split")
	e.d.BatchSize = 1 // the first contact commits with the cursor before the crash
	im := e.importPlugin(t, in)
	wantCounts(t, im, model.ImportCounts{Created: 3})
	if im.SourceCursor != "2" {
		t.Errorf("cursor %q, want 2: the import did not resume", im.SourceCursor)
	}
	for _, email := range []string{"person1@people.test", "person2@people.test", "person3@people.test"} {
		c := e.contactBy(t, email)
		if len(c.Companies) != 1 || c.Companies[0].CompanyName != "Acme Ltd" {
			t.Errorf("%s is in %+v, want Acme Ltd", email, c.Companies)
		}
	}
	if n, _ := e.st.SourceCompanies(context.Background(), im.ID); n["acme"] != "Acme Ltd" {
		t.Errorf("stored companies %v", n)
	}
	id, _ := e.st.CompanyByName(context.Background(), "Acme Ltd")
	co, err := e.st.Company(context.Background(), id)
	if err != nil || !slices.Equal(co.Domains, []string{"acme.test"}) || co.Description != "Makes everything" {
		t.Errorf("company %+v (%v), want its domain and description", co, err)
	}
}

// TestPluginCompanyRecordsApplyAsACompaniesFile: a batch's company
// records are written before its contacts, so a company is created once,
// with its domains (one audit entry); a name given twice updates the
// first; a record listing a domain another company lists creates
// nothing; and a company sent after the last contact is imported, linking
// the stored contact at its domain.
func TestPluginCompanyRecordsApplyAsACompaniesFile(t *testing.T) {
	e, _, in := faultyEnv(t, "companies")
	e.d.BatchSize = 2 // the contacts commit before the last company comes
	ctx, seed := context.Background(), model.Actor{Name: "Seed"}
	if _, err := e.st.CreateCompany(ctx, seed, model.CompanyFields{Name: "Old Co", Domains: []string{"old.test"}}); err != nil {
		t.Fatal(err)
	}
	early, err := e.st.CreateContact(ctx, seed, store.NewContact{Fields: model.ContactFields{Name: "Early"}, Emails: []string{"early@late.test"}})
	if err != nil {
		t.Fatal(err)
	}
	im := e.importPlugin(t, in)
	wantCounts(t, im, model.ImportCounts{Created: 2})
	if im.SourceCursor != "2" {
		t.Errorf("cursor %q, want 2", im.SourceCursor)
	}
	wantCompany(t, e, "Acme Ltd", "acme.example acme.test", "created updated")
	wantCompany(t, e, "Beta Inc", "beta.test", "created")
	late := wantCompany(t, e, "Late Co", "late.test", "created")
	for _, name := range []string{"Clash Co", "Newer Co"} {
		if _, err := e.st.CompanyByName(ctx, name); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("%s: %v, want none: its domain is another company's", name, err)
		}
	}
	if c, _ := e.st.Contact(ctx, early); len(c.Companies) != 1 || c.Companies[0].CompanyID != late {
		t.Errorf("early@late.test is in %+v, want Late Co", c.Companies)
	}
	if c := e.contactBy(t, "person2@people.test"); len(c.Companies) != 1 || c.Companies[0].CompanyName != "Beta Inc" {
		t.Errorf("person2 is in %+v, want Beta Inc", c.Companies)
	}
}

// wantCompany checks a company's domains and the actions of its audit
// trail, oldest first, and returns its id.
func wantCompany(t *testing.T, e *env, name, domains, actions string) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := e.st.CompanyByName(ctx, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	co, _ := e.st.Company(ctx, id)
	trail, _ := e.st.Audit(ctx, "company", id, 10)
	var acts []string
	for _, a := range slices.Backward(trail) {
		acts = append(acts, a.Action)
	}
	if got := strings.Join(co.Domains, " "); got != domains || strings.Join(acts, " ") != actions {
		t.Errorf("%s: domains %q, audit %q; want %q, %q", name, got, acts, domains, actions)
	}
	return id
}

// TestPluginCompanyAfterTheLastRowOfABatchSurvivesAResume: the plugin's
// batch ends with company acme, after its one contact, and the plugin
// crashes once that contact is committed with the batch's cursor; the
// resumed stream starts after acme, whose contact still joins it.
func TestPluginCompanyAfterTheLastRowOfABatchSurvivesAResume(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the job's retry")
	}
	e, _, in := faultyEnv(t, "trailing")
	e.d.BatchSize = 1
	im := e.importPlugin(t, in)
	wantCounts(t, im, model.ImportCounts{Created: 2})
	if im.SourceCursor != "2" {
		t.Errorf("cursor %q, want 2: the import did not resume", im.SourceCursor)
	}
	wantCompany(t, e, "Acme Ltd", "acme.test", "created")
	if c := e.contactBy(t, "person2@people.test"); len(c.Companies) != 1 || c.Companies[0].CompanyName != "Acme Ltd" {
		t.Errorf("person2 is in %+v, want Acme Ltd", c.Companies)
	}
}
