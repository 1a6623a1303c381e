package store_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// mgOpen is open plus a second connection to the same file, for setting up
// rows (companies, memberships) that no store method writes yet.
func mgOpen(t *testing.T) (*store.Store, *clock, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "portico.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clk := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	st.Now = clk.now
	raw, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return st, clk, raw
}

func mgExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// mgCompany adds a company owning a domain, so new contacts link to it.
func mgCompany(t *testing.T, db *sql.DB, id int64, name, domain string) {
	t.Helper()
	mgExec(t, db, `INSERT INTO companies (id, name, name_norm, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`,
		id, name, strings.ToLower(name), time.Now().UTC())
	mgExec(t, db, `INSERT INTO company_domains (company_id, domain) VALUES ($1, $2)`, id, domain)
}

func mgCreate(t *testing.T, st *store.Store, in store.NewContact) int64 {
	t.Helper()
	id, err := st.CreateContact(context.Background(), ann, in)
	if err != nil {
		t.Fatalf("create %s: %v", in.Fields.Name, err)
	}
	return id
}

func mgContact(t *testing.T, st *store.Store, id int64) *model.Contact {
	t.Helper()
	c, err := st.Contact(context.Background(), id)
	if err != nil {
		t.Fatalf("contact %d: %v", id, err)
	}
	return c
}

func addresses(c *model.Contact) []string {
	var out []string
	for _, e := range c.Emails {
		out = append(out, e.Address)
	}
	return out
}

func TestMergeMovesEmailsTagsAndCompanies(t *testing.T) {
	st, _, raw := mgOpen(t)
	ctx := context.Background()
	mgCompany(t, raw, 1, "Acme", "acme.com")
	mgCompany(t, raw, 2, "Beta", "beta.io")
	a := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "Jane Doe"}, Emails: []string{"jane@acme.com"}, Tags: []string{"vip"}})
	b := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "J. Doe"},
		Emails: []string{"jd@beta.io", "jane.doe@acme.com"}, Tags: []string{"VIP", "beta"}})
	mgExec(t, raw, `UPDATE contact_companies SET view_all_tickets = TRUE WHERE contact_id = $1`, b)

	if err := st.MergeContacts(ctx, ann, a, []int64{b}, mgContact(t, st, a).Fields()); err != nil {
		t.Fatal(err)
	}
	c := mgContact(t, st, a)
	if got, want := addresses(c), []string{"jane@acme.com", "jd@beta.io", "jane.doe@acme.com"}; !reflect.DeepEqual(got, want) {
		t.Errorf("emails %v, want %v", got, want)
	}
	if c.Email != "jane@acme.com" || c.Emails[1].Primary || c.Emails[2].Primary {
		t.Errorf("the primary's address must stay the only primary: %+v", c.Emails)
	}
	if got, want := c.Tags, []string{"beta", "vip"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tags %v, want %v", got, want)
	}
	want := []model.Membership{{CompanyID: 1, CompanyName: "Acme", Default: true, ViewAllTickets: true}, {CompanyID: 2, CompanyName: "Beta", ViewAllTickets: true}}
	if !reflect.DeepEqual(c.Companies, want) {
		t.Errorf("companies %+v, want %+v", c.Companies, want)
	}
	if _, err := st.Contact(ctx, b); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("the merged contact is still there: %v", err)
	}
	var docs int
	if err := raw.QueryRow(`SELECT count(*) FROM contacts_fts WHERE rowid = $1`, b).Scan(&docs); err != nil || docs != 0 {
		t.Errorf("the merged contact's search doc is left: %d, %v", docs, err)
	}
	for q, want := range map[string]int{"jd@beta": 1, "beta": 1, "jane": 1} {
		page, err := st.ListContacts(ctx, model.ContactQuery{Search: q})
		if err != nil || len(page.Contacts) != want || (want == 1 && page.Contacts[0].ID != a) {
			t.Errorf("search %q after merge: %+v, %v", q, page, err)
		}
	}
}

func TestMergeTakesDefaultCompanyAndPrimaryAddressFromOthers(t *testing.T) {
	st, _, raw := mgOpen(t)
	ctx := context.Background()
	mgCompany(t, raw, 7, "Gamma", "gamma.kr")
	a := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "김민준", Phone: "+82 2 555 0100"}})
	b := mgCreate(t, st, store.NewContact{Fields: model.ContactFields{Name: "Minjun Kim"}, Emails: []string{"mj@gamma.kr", "mj2@gamma.kr"}})
	if err := st.MergeContacts(ctx, ann, a, []int64{b}, mgContact(t, st, a).Fields()); err != nil {
		t.Fatal(err)
	}
	c := mgContact(t, st, a)
	if c.Email != "mj@gamma.kr" || c.CompanyID != 7 || len(c.Emails) != 2 || c.Emails[1].Primary {
		t.Fatalf("merged into a contact without address or company: %+v", c)
	}
}
