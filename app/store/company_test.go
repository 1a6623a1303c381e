package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

func mustCompany(t *testing.T, st *store.Store, name string, domains ...string) int64 {
	t.Helper()
	id, err := st.CreateCompany(context.Background(), ann, model.CompanyFields{Name: name, Domains: domains})
	if err != nil {
		t.Fatalf("create company %s: %v", name, err)
	}
	return id
}

// companyIDs lists a contact's companies, the default first.
func companyIDs(t *testing.T, st *store.Store, contactID int64) (def int64, all []int64) {
	t.Helper()
	c, err := st.Contact(context.Background(), contactID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range c.Companies {
		all = append(all, m.CompanyID)
	}
	return c.CompanyID, all
}

func TestCompanyNameIsUniqueIgnoringCase(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	acme := mustCompany(t, st, "Acme Corp")
	_, err := st.CreateCompany(ctx, ann, model.CompanyFields{Name: "ACME corp"})
	var taken *model.CompanyTakenError
	if !errors.As(err, &taken) || taken.ID != acme || taken.Name != "Acme Corp" {
		t.Fatalf("want the name taken by %d, got %v", acme, err)
	}
	other := mustCompany(t, st, "Globex")
	err = st.UpdateCompany(ctx, ann, other, model.CompanyFields{Name: "acme CORP"})
	if !errors.As(err, &taken) || taken.ID != acme {
		t.Fatalf("rename onto a taken name: got %v", err)
	}
	if co, _ := st.Company(ctx, other); co.Name != "Globex" {
		t.Fatalf("the failed rename was written: %q", co.Name)
	}
}

func TestDomainLinksContacts(t *testing.T) {
	tests := []struct {
		name string
		run  func(t *testing.T, st *store.Store) (contactID, companyID int64)
	}{
		{"contact created after the company", func(t *testing.T, st *store.Store) (int64, int64) {
			co := mustCompany(t, st, "Acme", "acme.com")
			return mustContact(t, st, "Ann", "ann@ACME.com"), co
		}},
		{"address added later", func(t *testing.T, st *store.Store) (int64, int64) {
			co := mustCompany(t, st, "Acme", "acme.com")
			id := mustContact(t, st, "Ann", "ann@gmail.com")
			if err := st.AddEmail(context.Background(), ann, id, "ann@acme.com"); err != nil {
				t.Fatal(err)
			}
			return id, co
		}},
		{"company created after the contact", func(t *testing.T, st *store.Store) (int64, int64) {
			id := mustContact(t, st, "Ann", "ann@gmail.com", "ann@acme.com")
			return id, mustCompany(t, st, "Acme", "acme.com")
		}},
		{"domain added to a company", func(t *testing.T, st *store.Store) (int64, int64) {
			id := mustContact(t, st, "Ann", "ann@acme.com")
			co := mustCompany(t, st, "Acme")
			err := st.UpdateCompany(context.Background(), ann, co, model.CompanyFields{Name: "Acme", Domains: []string{"acme.com"}})
			if err != nil {
				t.Fatal(err)
			}
			return id, co
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _ := open(t)
			contactID, companyID := tt.run(t, st)
			def, all := companyIDs(t, st, contactID)
			if def != companyID || len(all) != 1 {
				t.Fatalf("default %d, companies %v; want %d only", def, all, companyID)
			}
			page, _ := st.ListContacts(context.Background(), model.ContactQuery{Search: "acme"})
			if len(page.Contacts) != 1 {
				t.Fatal("the company name is not in the contact's search document")
			}
		})
	}
}

func TestDomainOnTwoCompaniesLinksNoOne(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	mustCompany(t, st, "Acme US", "acme.com")
	eu := mustCompany(t, st, "Acme EU")
	if err := st.UpdateCompany(ctx, ann, eu, model.CompanyFields{Name: "Acme EU", Domains: []string{"acme.com"}}); err != nil {
		t.Fatal(err)
	}
	id := mustContact(t, st, "Ann", "ann@acme.com")
	if def, all := companyIDs(t, st, id); def != 0 || len(all) != 0 {
		t.Fatalf("a domain listed twice linked the contact: default %d, %v", def, all)
	}
}

func TestRemovingDomainUnlinksNoOne(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	co := mustCompany(t, st, "Acme", "acme.com", "acme.org")
	id := mustContact(t, st, "Ann", "ann@acme.com")
	if err := st.UpdateCompany(ctx, ann, co, model.CompanyFields{Name: "Acme", Domains: []string{"acme.org"}}); err != nil {
		t.Fatal(err)
	}
	if def, _ := companyIDs(t, st, id); def != co {
		t.Fatalf("removing the domain unlinked the contact: default %d", def)
	}
	got, _ := st.Company(ctx, co)
	if len(got.Domains) != 1 || got.Domains[0] != "acme.org" || got.ContactCount != 1 {
		t.Fatalf("company after update: %+v", got)
	}
	trail, _ := st.Audit(ctx, "company", co, 10)
	if len(trail) != 2 || trail[0].Action != "updated" || trail[0].Changes[0].Field != "domains" {
		t.Fatalf("company audit: %+v", trail)
	}
}

func TestDeleteCompanyKeepsContacts(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	first := mustCompany(t, st, "First", "first.com")
	second := mustCompany(t, st, "Umbrella", "second.com")
	id := mustContact(t, st, "Ann", "ann@first.com", "ann@second.com")
	if err := st.DeleteCompany(ctx, ann, first); err != nil {
		t.Fatal(err)
	}
	if def, all := companyIDs(t, st, id); def != second || len(all) != 1 {
		t.Fatalf("after deleting the default company: default %d, %v", def, all)
	}
	if err := st.DeleteCompany(ctx, ann, second); err != nil {
		t.Fatal(err)
	}
	if def, all := companyIDs(t, st, id); def != 0 || len(all) != 0 {
		t.Fatalf("after deleting every company: default %d, %v", def, all)
	}
	if page, _ := st.ListContacts(ctx, model.ContactQuery{Search: "umbrella"}); len(page.Contacts) != 0 {
		t.Fatal("the search still finds the contact by a deleted company's name")
	}
	if _, err := st.Company(ctx, first); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("deleted company: %v", err)
	}
	if err := st.DeleteCompany(ctx, ann, first); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("deleting twice: %v", err)
	}
}

func TestMembershipDefaultReassignment(t *testing.T) {
	st, clk := open(t)
	ctx := context.Background()
	id := mustContact(t, st, "Ann", "ann@example.com")
	cos := []int64{mustCompany(t, st, "A"), mustCompany(t, st, "B"), mustCompany(t, st, "C")}
	for _, co := range cos {
		clk.advance(1)
		if err := st.AddMembership(ctx, ann, id, co); err != nil {
			t.Fatal(err)
		}
	}
	var ve *model.ValidationError
	if err := st.AddMembership(ctx, ann, id, cos[0]); !errors.As(err, &ve) {
		t.Fatalf("adding twice: want a validation error, got %v", err)
	}
	if def, _ := companyIDs(t, st, id); def != cos[0] {
		t.Fatalf("the first company is not the default: %d", def)
	}
	if err := st.SetDefaultCompany(ctx, ann, id, cos[2]); err != nil {
		t.Fatal(err)
	}
	if err := st.RemoveMembership(ctx, ann, id, cos[2]); err != nil {
		t.Fatal(err)
	}
	if def, all := companyIDs(t, st, id); def != cos[0] || len(all) != 2 {
		t.Fatalf("removing the default should fall back to the oldest: default %d, %v", def, all)
	}
	if err := st.RemoveMembership(ctx, ann, id, cos[2]); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("removing a missing membership: %v", err)
	}
	if err := st.SetDefaultCompany(ctx, ann, id, cos[2]); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("defaulting to a company the contact left: %v", err)
	}
}

func TestViewAllTicketsIsPerMembership(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	id := mustContact(t, st, "Ann", "ann@acme.com")
	acme := mustCompany(t, st, "Acme", "acme.com")
	other := mustCompany(t, st, "Other")
	if err := st.AddMembership(ctx, ann, id, other); err != nil {
		t.Fatal(err)
	}
	if err := st.SetViewAllTickets(ctx, ann, id, acme, true); err != nil {
		t.Fatal(err)
	}
	c, _ := st.Contact(ctx, id)
	for _, m := range c.Companies {
		if m.ViewAllTickets != (m.CompanyID == acme) {
			t.Fatalf("memberships: %+v", c.Companies)
		}
	}
	stranger := mustContact(t, st, "Bob", "bob@example.com")
	if err := st.SetViewAllTickets(ctx, ann, stranger, acme, true); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("a contact outside the company: %v", err)
	}
	trail, _ := st.Audit(ctx, "contact", id, 10)
	if len(trail) != 4 || trail[0].Changes[0].To != "yes" {
		t.Fatalf("contact audit: %+v", trail)
	}
}

func TestListCompaniesSearchAndPages(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	for i := range 35 {
		mustCompany(t, st, fmt.Sprintf("Firm %02d", i))
	}
	mustCompany(t, st, "Big Acme", "bigco.example")
	mustCompany(t, st, "acme", "acme.com")
	tests := []struct {
		search string
		total  int
		first  string
	}{
		{"", 37, "acme"}, {"ACM", 2, "acme"}, {"bigco", 1, "Big Acme"}, {"firm 3", 5, "Firm 30"}, {"100%", 0, ""},
	}
	for _, tt := range tests {
		page, err := st.ListCompanies(ctx, model.CompanyQuery{Search: tt.search})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != tt.total || (tt.total > 0 && page.Companies[0].Name != tt.first) {
			t.Errorf("search %q: total %d, first %+v", tt.search, page.Total, page.Companies)
		}
	}
	page, _ := st.ListCompanies(ctx, model.CompanyQuery{Page: 2})
	if page.Pages != 2 || len(page.Companies) != 7 || page.Companies[6].Name != "Firm 34" {
		t.Fatalf("page 2: %d pages, %d companies", page.Pages, len(page.Companies))
	}
	if page.Companies[0].Domains != nil {
		t.Fatalf("domains of a company without any: %v", page.Companies[0].Domains)
	}
	page, _ = st.ListCompanies(ctx, model.CompanyQuery{Search: "big"})
	if len(page.Companies[0].Domains) != 1 || page.Companies[0].Domains[0] != "bigco.example" {
		t.Fatalf("domains on the list: %+v", page.Companies[0])
	}
}
