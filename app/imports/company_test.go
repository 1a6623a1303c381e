package imports

import (
	"context"
	"slices"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

const companyHeader = "Company,Domains,Industry,Notes"

func TestCompanyModes(t *testing.T) {
	cases := []struct {
		mode Mode
		want model.ImportCounts
	}{
		{ModeUpsert, model.ImportCounts{Created: 1, Updated: 1, Skipped: 1}},
		{ModeCreate, model.ImportCounts{Created: 1, Skipped: 2}},
		{ModeUpdate, model.ImportCounts{Updated: 1, Skipped: 2}},
	}
	for _, tc := range cases {
		t.Run(string(tc.mode), func(t *testing.T) {
			e := newEnv(t)
			seedCompany(t, e, model.CompanyFields{Name: "Acme", Domains: []string{"acme.com"}, Industry: "Software"})
			seedCompany(t, e, model.CompanyFields{Name: "Beta", Industry: "Retail"})
			path := e.file(t, "c.csv", companyHeader,
				"Acme,,Hardware,",          // differs: updated
				"BETA,,Retail,",            // the same, named in capitals: skipped
				"Gamma,gamma.io,Software,") // new: created
			wantCounts(t, e.importFile(t, path, companyParams(Params{Mode: tc.mode})), tc.want)
			if got := e.company(t, "acme").Industry; (tc.mode == ModeCreate) != (got == "Software") {
				t.Errorf("Acme's industry is %q", got)
			}
			if got := e.company(t, "Beta").Name; got != "Beta" {
				t.Errorf("a row renamed Beta to %q", got)
			}
		})
	}
}

// TestCompanyFieldsAreReadAsPeopleWriteThem imports a Korean file with
// every field, dates and pick-lists in everyday forms and domains as
// pasted from a browser, spread over two columns.
func TestCompanyFieldsAreReadAsPeopleWriteThem(t *testing.T) {
	e := newEnv(t)
	path := e.file(t, "k.csv", "회사명,도메인,홈페이지,설명,메모,업종,등급,건강도,갱신일",
		"에이콤,acme.co.kr; acme.com,https://www.acme.kr/about,부품 제조,VIP,제조,Premium,Doing okay,2026년 3월 9일",
		"Beta,beta.org beta.net,,,,,enterprise,위험,12/31/2026",
		"Gamma,,,,,,basic,happy,31.12.2026",
		"Delta,,,,,,,,2026-07-01T10:00:00Z")
	wantCounts(t, e.importFile(t, path, companyParams(Params{})), model.ImportCounts{Created: 4})
	got := e.company(t, "에이콤")
	want := model.CompanyFields{Name: "에이콤", Domains: []string{"acme.co.kr", "acme.com", "acme.kr"}, Description: "부품 제조",
		Notes: "VIP", Industry: "제조", AccountTier: "premium", HealthScore: "doing_okay", RenewalDate: "2026-03-09"}
	if !sameCompany(got.Fields(), want) {
		t.Errorf("got %+v\nwant %+v", got.Fields(), want)
	}
	for name, date := range map[string]string{"Beta": "2026-12-31", "Gamma": "2026-12-31", "Delta": "2026-07-01"} {
		if c := e.company(t, name); c.RenewalDate != date {
			t.Errorf("%s renews %q, want %s", name, c.RenewalDate, date)
		}
	}
	if c := e.company(t, "Beta"); c.HealthScore != "at_risk" || !slices.Equal(c.Domains, []string{"beta.net", "beta.org"}) {
		t.Errorf("Beta %+v", c)
	}
}

func TestCompanyBlankCells(t *testing.T) {
	for _, blank := range []Blank{BlankKeep, BlankClear} {
		t.Run(string(blank), func(t *testing.T) {
			e := newEnv(t)
			seedCompany(t, e, model.CompanyFields{Name: "Acme", Domains: []string{"acme.com"}, Industry: "Software", Notes: "old"})
			path := e.file(t, "b.csv", companyHeader, "Acme,,,new")
			wantCounts(t, e.importFile(t, path, companyParams(Params{Blank: blank})), model.ImportCounts{Updated: 1})
			c := e.company(t, "Acme")
			wantIndustry := map[Blank]string{BlankKeep: "Software", BlankClear: ""}[blank]
			if c.Industry != wantIndustry || c.Notes != "new" || !slices.Equal(c.Domains, []string{"acme.com"}) {
				t.Errorf("after a blank industry and domains: %+v", c)
			}
		})
	}
}

// TestDuplicateCompanyNamesInOneFile repeats names within a batch and
// across batches (7 rows each): the later row updates the company the
// earlier one made, and the dry run counts the same.
func TestDuplicateCompanyNamesInOneFile(t *testing.T) {
	rows := []string{companyHeader, "Acme,acme.com,Software,", "ACME ,acme.org,,first", "Beta,,,"}
	for range 6 {
		rows = append(rows, "Filler,,,")
	}
	rows = append(rows, "acme,www.acme.net,,second")
	want := model.ImportCounts{Created: 3, Updated: 2, Skipped: 5}
	for _, dry := range []bool{true, false} {
		e := newEnv(t)
		im := e.importFile(t, e.file(t, "d.csv", rows...), companyParams(Params{DryRun: dry}))
		wantCounts(t, im, want)
	}
	e := newEnv(t)
	e.importFile(t, e.file(t, "d.csv", rows...), companyParams(Params{}))
	c := e.company(t, "acme")
	if c.Name != "Acme" || c.Notes != "second" || c.Industry != "Software" || len(c.Domains) != 3 {
		t.Errorf("Acme %+v", c)
	}
	if n := len(companies(t, e)); n != 3 {
		t.Errorf("%d companies, want 3", n)
	}
}

func TestCompanyRowsThatFail(t *testing.T) {
	e := newEnv(t)
	seedCompany(t, e, model.CompanyFields{Name: "Holder Inc", Domains: []string{"held.com"}})
	path := e.file(t, "f.csv", "Name,Website,Tier,Renewal",
		"Bad domain,not_a_domain,,",
		"Free mail,GMail.com,,",
		"Thief,held.com,,",
		"Holder Inc,held.com,,",       // its own domain: nothing changes
		"Later thief,fine.com,,",      // takes fine.com first...
		"Second thief,fine.com,,",     // ...so this one cannot
		"Bad tier,,gold,",             //
		"Bad date,,,31/31/2026",       //
		"Ambiguous date,,,03/04/2026", //
		",orphan.com,,",               // no name
		"Good,good.com,Basic,2026-01-31")
	im := e.importFile(t, path, companyParams(Params{}))
	wantCounts(t, im, model.ImportCounts{Created: 2, Skipped: 1, Failed: 8})
	wantReasons(t, e.reasons(t, im.ID),
		`2: Website: "not_a_domain" is not a domain`,
		"3: Website: gmail.com is a public email service",
		"4: Website: held.com is already a domain of the company “Holder Inc”.",
		"7: Website: fine.com is already a domain of the company “Later thief”.",
		"8: Tier: “gold” is not an account tier",
		"9: Renewal: “31/31/2026” is not a date: write it as YYYY-MM-DD",
		"10: Renewal: “03/04/2026” could be 3 April 2026 or 4 March 2026",
		"11: Name: Enter the company's name.")
	if n := len(companies(t, e)); n != 3 {
		t.Errorf("%d companies, want 3", n)
	}
}

// TestNewDomainLinksContacts checks that a domain an import adds links
// the contacts at it, as the company form does, when the import creates
// the company and when it updates one.
func TestNewDomainLinksContacts(t *testing.T) {
	e := newEnv(t)
	seed(t, e, "Ann", "ann@acme.com", "Bob", "bob@beta.org", "Cat", "cat@elsewhere.net")
	seedCompany(t, e, model.CompanyFields{Name: "Beta"})
	path := e.file(t, "l.csv", companyHeader, "Acme,acme.com,,", "Beta,beta.org,,")
	wantCounts(t, e.importFile(t, path, companyParams(Params{})), model.ImportCounts{Created: 1, Updated: 1})
	for email, name := range map[string]string{"ann@acme.com": "Acme", "bob@beta.org": "Beta"} {
		c := e.contactBy(t, email)
		if len(c.Companies) != 1 || c.Companies[0].CompanyName != name || !c.Companies[0].Default {
			t.Errorf("%s belongs to %+v, want %s", email, c.Companies, name)
		}
	}
	if c := e.contactBy(t, "cat@elsewhere.net"); len(c.Companies) != 0 {
		t.Errorf("cat was linked to %+v", c.Companies)
	}
	if c := e.company(t, "Acme"); c.ContactCount != 1 {
		t.Errorf("Acme counts %d contacts", c.ContactCount)
	}
}

func TestCompanyImportChecksItsChoices(t *testing.T) {
	e := newEnv(t)
	path := e.file(t, "c.csv", companyHeader, "Acme,acme.com,,")
	if _, err := e.start(t, e.runner(), path, companyParams(Params{Match: MatchEmail})); err == nil {
		t.Error("a companies import matching by email was accepted")
	}
	contacts := e.file(t, "p.csv", "Phone,Industry", "555,x")
	if _, err := e.start(t, e.runner(), contacts, companyParams(Params{})); err == nil {
		t.Error("a companies file without a name column was accepted")
	}
	if _, err := e.start(t, e.runner(), path, Params{Kind: "tickets"}); err == nil {
		t.Error("an unknown kind was accepted")
	}
	im := e.importFile(t, path, companyParams(Params{}))
	if im.Kind != "companies" || im.Match != "name" {
		t.Errorf("import %+v", im)
	}
	if ims, err := e.st.Imports(context.Background(), "companies", 10); err != nil || len(ims) != 1 {
		t.Errorf("companies history: %v, %v", ims, err)
	}
}
