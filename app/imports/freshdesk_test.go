package imports

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
)

// freshdeskFile copies the Freshdesk contacts export into the test's
// folder, where the import keeps its files.
func freshdeskFile(t *testing.T, e *env) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "freshdesk_contacts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(e.dir, "contacts.csv")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestFreshdeskExportMapping checks the mapping suggested for Freshdesk's
// own contacts export: every column Portico has a field for is mapped,
// and only Freshdesk's fields Portico lacks are skipped.
func TestFreshdeskExportMapping(t *testing.T) {
	pre, err := Prepare(freshdeskFile(t, newEnv(t)), "contacts.csv", importfile.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]importfile.Field{
		"Full name": importfile.Name, "Title": importfile.JobTitle, "Email": importfile.Email,
		"Work phone": importfile.Phone, "Mobile phone": importfile.Mobile, "Company": importfile.Company,
		"Time zone": importfile.TimeZone, "Language": importfile.Language, "Tags": importfile.Tags,
		"Description": importfile.About, "Unique external ID": importfile.ExternalID,
		"Other emails": importfile.Email, "Other companies": importfile.Company,
		"Twitter ID": importfile.TwitterID, "Address": importfile.Address, "Can see all tickets from this company": importfile.ViewAllTickets,
		"Customer tier": importfile.Skip, "Contract renewal date": importfile.Skip,
	}
	if len(pre.Header) != len(want) {
		t.Fatalf("header %q", pre.Header)
	}
	for i, h := range pre.Header {
		if f, ok := want[h]; !ok || pre.Mapping.Columns[i] != f {
			t.Errorf("column %q maps to %q, want %q", h, pre.Mapping.Columns[i], f)
		}
	}
	for _, pr := range pre.Rows {
		if len(pr.Errors) > 0 {
			t.Errorf("row %d: %v", pr.Row.Number, pr.Errors)
		}
	}
}

// TestFreshdeskExportImports imports Freshdesk's contacts export with no
// failed row, its Rails time zones and language names stored as IANA
// zones and language codes, its X handles without @ or profile address,
// its postal addresses line for line, and whether a contact sees all
// tickets of its company on that company's membership. A contact known
// only by its X handle imports too.
func TestFreshdeskExportImports(t *testing.T) {
	e := newEnv(t)
	im := e.importFile(t, freshdeskFile(t, e), Params{})
	wantCounts(t, im, model.ImportCounts{Created: 17})
	cases := []struct{ email, zone, lang string }{
		{"emily.carter@northwind.example", "America/Los_Angeles", "en"},
		{"minjun.kim@hanbit.example", "Asia/Seoul", "ko"},
		{"wei.zhang@dragonfly.example", "Asia/Shanghai", "zh-CN"},
		{"meiling.chen@jade.example", "Asia/Taipei", "zh-TW"},
		{"hiroshi@sakura.example", "Asia/Tokyo", "ja"},
		{"ana.souza@rio.example", "America/Sao_Paulo", "pt-BR"},
		{"priya@lotus.example", "Asia/Kolkata", "en"},
		{"olena@kyiv.example", "Europe/Kiev", "uk"},
		{"robert.smith@acme.example", "America/New_York", "en"},
	}
	for _, tc := range cases {
		c := e.contactBy(t, tc.email)
		if c.TimeZone != tc.zone || c.Language != tc.lang {
			t.Errorf("%s: time zone %q, language %q; want %q, %q", tc.email, c.TimeZone, c.Language, tc.zone, tc.lang)
		}
	}
	emily := e.contactBy(t, "emily@carter.example")
	if len(emily.Emails) != 3 || emily.Emails[0].Address != "emily.carter@northwind.example" {
		t.Errorf("Emily's addresses %+v", emily.Emails)
	}
	james := e.contactBy(t, "james.obrien@contoso.example")
	var names []string
	for _, m := range james.Companies {
		names = append(names, m.CompanyName)
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"Contoso Ltd", "Northwind Traders"}) || james.CompanyName != "Contoso Ltd" {
		t.Errorf("James's companies %q, default %q", names, james.CompanyName)
	}
	for email, want := range map[string][2]string{
		"emily.carter@northwind.example": {"emilycarter", "500 Market St, San Francisco, CA 94105"},
		"minjun.kim@hanbit.example":      {"", "서울특별시 중구 세종대로 110"},
		"olena@kyiv.example":             {"olena_k", ""},
		"james.obrien@contoso.example":   {"", "1 Canada Square\nCanary Wharf\nLondon E14 5AB"},
	} {
		if c := e.contactBy(t, email); c.TwitterID != want[0] || c.Address != want[1] {
			t.Errorf("%s: X handle %q, address %q; want %q, %q", email, c.TwitterID, c.Address, want[0], want[1])
		}
	}
	for email, want := range map[string]string{
		"emily.carter@northwind.example": "Northwind Traders", "hiroshi@sakura.example": "Sakura Systems",
		"james.obrien@contoso.example": "Contoso Ltd", "minjun.kim@hanbit.example": "", "wei.zhang@dragonfly.example": "",
	} {
		if got := seesAll(e.contactBy(t, email)); got != want {
			t.Errorf("%s sees all tickets of %q, want %q", email, got, want)
		}
	}
	aroha := e.contactByHandle(t, "@aroha_ngata")
	if aroha.TwitterID != "aroha_ngata" || len(aroha.Emails) != 0 || aroha.Address != "12 Queen Street, Auckland 1010" {
		t.Errorf("Aroha: X handle %q, emails %+v, address %q", aroha.TwitterID, aroha.Emails, aroha.Address)
	}
}

// contactByHandle finds the one contact with an X handle by searching
// for it as an agent would.
func (e *env) contactByHandle(t *testing.T, handle string) *model.Contact {
	t.Helper()
	ctx := context.Background()
	page, err := e.st.ListContacts(ctx, model.ContactQuery{Search: handle, PerPage: 50, Page: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Contacts) != 1 {
		t.Fatalf("searching %s finds %d contacts", handle, len(page.Contacts))
	}
	c, err := e.st.Contact(ctx, page.Contacts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// seesAll names the companies whose every ticket c sees.
func seesAll(c *model.Contact) string {
	var names []string
	for _, m := range c.Companies {
		if m.ViewAllTickets {
			names = append(names, m.CompanyName)
		}
	}
	return strings.Join(names, ", ")
}
