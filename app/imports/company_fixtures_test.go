package imports

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// companyParams are p's choices for a companies file.
func companyParams(p Params) Params {
	p.Kind = KindCompanies
	return p
}

// seedCompany creates a company with domains and returns its id.
func seedCompany(t *testing.T, e *env, f model.CompanyFields) int64 {
	t.Helper()
	id, err := e.st.CreateCompany(context.Background(), model.Actor{Name: "Seed"}, f)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// company returns the company with a name.
func (e *env) company(t *testing.T, name string) *model.Company {
	t.Helper()
	id, err := e.st.CompanyByName(context.Background(), name)
	if err != nil {
		t.Fatalf("company %q: %v", name, err)
	}
	c, err := e.st.Company(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// reasons lists an import's failed rows as "row: reason".
func (e *env) reasons(t *testing.T, id int64) []string {
	t.Helper()
	var out []string
	err := e.st.ImportFailures(context.Background(), id, func(f model.ImportFailure) error {
		out = append(out, fmt.Sprintf("%d: %s", f.Row, f.Reason))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// companies describes every company: its fields, domains and members.
func companies(t *testing.T, e *env) []string {
	t.Helper()
	page, err := e.st.ListCompanies(context.Background(), model.CompanyQuery{PerPage: 5000, Page: 1})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, lc := range page.Companies {
		c, err := e.st.Company(context.Background(), lc.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s|%s|%d", c.Name, strings.Join(c.Domains, " "), c.Description,
			c.Notes, c.HealthScore, c.AccountTier, c.RenewalDate, c.Industry, c.ContactCount))
	}
	slices.Sort(out)
	return out
}

func wantReasons(t *testing.T, got []string, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("failed rows:\n%s\nwant %d", strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("failed row %q does not say %q", got[i], want[i])
		}
	}
}
