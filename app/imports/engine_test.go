package imports

import (
	"context"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

const header = "Name,Email,Phone,Company,Job Title"

func TestModes(t *testing.T) {
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
			seed(t, e, "Ann", "ann@example.com", "Bob", "bob@example.com")
			path := e.file(t, "m.csv", header,
				"Ann,ann@example.com,,,CEO", // differs: updated
				"Bob,BOB@example.com,,,",    // same: skipped
				"Cat,cat@example.com,,,")    // new: created
			wantCounts(t, e.importFile(t, path, Params{Mode: tc.mode}), tc.want)
		})
	}
}

// seed creates contacts from name, email pairs.
func seed(t *testing.T, e *env, pairs ...string) {
	t.Helper()
	for i := 0; i < len(pairs); i += 2 {
		_, err := e.st.CreateContact(context.Background(), model.Actor{Name: "Seed"},
			store.NewContact{Fields: model.ContactFields{Name: pairs[i]}, Emails: []string{pairs[i+1]}})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestDuplicateEmailsInOneFileMakeOneContact(t *testing.T) {
	e := newEnv(t)
	path := e.file(t, "d.csv", "Name,Email,Email 2,Job Title",
		"Ann,ann@example.com,,Dev",
		"Ann Lee,ANN@example.com,ann@work.example,Lead", // updates the contact row 2 made
		"Ann Lee,ann@work.example,,Lead",                // reaches it by its second address; nothing new
		"Bob,bob@example.com,,")
	im := e.importFile(t, path, Params{})
	wantCounts(t, im, model.ImportCounts{Created: 2, Updated: 1, Skipped: 1})
	c := e.contactBy(t, "ann@work.example")
	if c.Name != "Ann Lee" || c.JobTitle != "Lead" || len(c.Emails) != 2 || c.Emails[0].Address != "ann@example.com" {
		t.Errorf("contact %+v", c)
	}
	if n := e.countContacts(t); n != 2 {
		t.Errorf("%d contacts, want 2", n)
	}
}

func TestEmailOfAnAgentFailsTheRow(t *testing.T) {
	e := newEnv(t)
	if _, err := e.st.CreateAgent(context.Background(), "Agent", "agent@example.com", model.RoleAdmin, "x", "", nil); err != nil {
		t.Fatal(err)
	}
	path := e.file(t, "a.csv", header, "Ann,Agent@Example.com,,,", "Bob,bob@example.com,,,")
	im := e.importFile(t, path, Params{})
	wantCounts(t, im, model.ImportCounts{Created: 1, Failed: 1})
	var reasons []string
	e.st.ImportFailures(context.Background(), im.ID, func(f model.ImportFailure) error {
		reasons = append(reasons, f.Reason)
		return nil
	})
	if len(reasons) != 1 || !strings.Contains(reasons[0], "belongs to an agent") {
		t.Errorf("reasons %q", reasons)
	}
}

func TestCompanyColumnCreatesAndLinksCompanies(t *testing.T) {
	e := newEnv(t)
	acme, err := e.st.CreateCompany(context.Background(), model.Actor{Name: "Seed"}, model.CompanyFields{Name: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	path := e.file(t, "c.csv", header, "Ann,ann@example.com,,ACME,", "Bob,bob@example.com,,Globex,", "Cat,cat@example.com,,globex,")
	wantCounts(t, e.importFile(t, path, Params{}), model.ImportCounts{Created: 3})
	if c := e.contactBy(t, "ann@example.com"); c.CompanyID != acme {
		t.Errorf("Ann's company %d, want Acme %d", c.CompanyID, acme)
	}
	globex, err := e.st.CompanyByName(context.Background(), "Globex")
	if err != nil {
		t.Fatal(err)
	}
	if c := e.contactBy(t, "cat@example.com"); c.CompanyID != globex {
		t.Errorf("Cat's company %d, want Globex %d", c.CompanyID, globex)
	}
	again := e.file(t, "c2.csv", header, "Ann,ann@example.com,,Globex,")
	wantCounts(t, e.importFile(t, again, Params{}), model.ImportCounts{Updated: 1})
	if c := e.contactBy(t, "ann@example.com"); len(c.Companies) != 2 || c.CompanyID != acme {
		t.Errorf("Ann's companies %+v", c.Companies)
	}
}

func TestBlankCellsKeepOrClear(t *testing.T) {
	for _, blank := range []Blank{BlankKeep, BlankClear} {
		t.Run(string(blank), func(t *testing.T) {
			e := newEnv(t)
			first := e.file(t, "1.csv", header, "Ann,ann@example.com,555-0101,,CEO")
			wantCounts(t, e.importFile(t, first, Params{}), model.ImportCounts{Created: 1})
			second := e.file(t, "2.csv", header, "Ann,ann@example.com,,,")
			im := e.importFile(t, second, Params{Blank: blank})
			c := e.contactBy(t, "ann@example.com")
			if blank == BlankKeep && (im.Skipped != 1 || c.Phone != "555-0101" || c.JobTitle != "CEO") {
				t.Errorf("keep: %+v, contact %+v", im.ImportCounts, c)
			}
			if blank == BlankClear && (im.Updated != 1 || c.Phone != "" || c.JobTitle != "") {
				t.Errorf("clear: %+v, contact %+v", im.ImportCounts, c)
			}
		})
	}
}

func TestMatchByExternalIDAndPhone(t *testing.T) {
	e := newEnv(t)
	first := e.file(t, "1.csv", "Name,Email,Phone,External ID", "Ann,ann@example.com,555-0101,A1", "Bob,,555-0102,B2")
	wantCounts(t, e.importFile(t, first, Params{}), model.ImportCounts{Created: 2})
	byExt := e.file(t, "2.csv", "Name,External ID,Email", "Ann Lee,A1,ann@new.example", "Zed,Z9,ann@example.com")
	im := e.importFile(t, byExt, Params{Match: MatchExternalID})
	wantCounts(t, im, model.ImportCounts{Updated: 1, Failed: 1}) // Zed's address is Ann's
	byPhone := e.file(t, "3.csv", "Name,Phone,Job Title", "Bob,555-0102,CFO", "Dan,555-0199,")
	wantCounts(t, e.importFile(t, byPhone, Params{Match: MatchPhone}), model.ImportCounts{Updated: 1, Created: 1})
	if _, err := e.start(t, e.runner(), byPhone, Params{Match: MatchExternalID}); err == nil {
		t.Error("matching by external id without such a column was accepted")
	}
}
