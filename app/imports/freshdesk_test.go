package imports

import (
	"os"
	"path/filepath"
	"slices"
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
		"Twitter ID": importfile.Skip, "Address": importfile.Skip, "Can see all tickets from this company": importfile.Skip,
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
// zones and language codes.
func TestFreshdeskExportImports(t *testing.T) {
	e := newEnv(t)
	im := e.importFile(t, freshdeskFile(t, e), Params{})
	wantCounts(t, im, model.ImportCounts{Created: 16})
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
}
