package imports

import (
	"context"
	"slices"
	"testing"

	"github.com/portico-hub/portico/app/model"
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
