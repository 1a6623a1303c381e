package store_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestImportCreateCompaniesAsTheForm creates one company with the form
// and one, with the same fields, in an import batch: their
// company.created events and audit entries read the same, and the
// contact at the batch's company's domain joins it as the form's domain
// would make it.
func TestImportCreateCompaniesAsTheForm(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { return at }
	kim := mustContact(t, st, "Kim", "kim@b.test")
	fields := func(name, domain string) model.CompanyFields {
		return model.CompanyFields{Name: name, Domains: []string{"z" + domain, domain}, Description: "Makes things",
			HealthScore: "good", Industry: "Retail"}
	}
	from := lastPosition(t, st)
	formID, err := st.CreateCompany(ctx, ann, fields("A", "a.test"))
	if err != nil {
		t.Fatal(err)
	}
	im, err := st.CreateImport(ctx, model.Import{Kind: "contacts", Filename: "p", Mode: "upsert", Match: "email", Blank: "keep"})
	if err != nil {
		t.Fatal(err)
	}
	err = st.ImportBatch(ctx, ann, im, 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		return 0, model.ImportCounts{}, b.CreateCompanies(ctx, []model.CompanyFields{fields("B", "b.test")})
	})
	if err != nil {
		t.Fatal(err)
	}
	bID, _ := st.CompanyByName(ctx, "B")
	var shown []events.Company
	for _, ev := range eventsSince(t, st, from) {
		if ev.Type == events.TypeCompanyCreated {
			var data events.CompanyCreated
			if err := json.Unmarshal(envelope(t, ev).Data, &data); err != nil {
				t.Fatal(err)
			}
			shown = append(shown, data.Company)
		}
	}
	if len(shown) != 2 {
		t.Fatalf("%d company.created events, want 2", len(shown))
	}
	shown[1].ID, shown[1].Name, shown[1].Domains = formID, "A", []string{"a.test", "za.test"}
	if a, b := jsonOf(shown[0]), jsonOf(shown[1]); a != b || shown[0].Domains[0] != "a.test" {
		t.Errorf("the form's company.created shows\n%s\nthe import's\n%s", a, b)
	}
	formTrail, _ := st.Audit(ctx, "company", formID, 10)
	batchTrail, _ := st.Audit(ctx, "company", bID, 10)
	if len(formTrail) != 1 || len(batchTrail) != 1 || jsonOf(formTrail[0].Changes) != jsonOf(batchTrail[0].Changes) ||
		formTrail[0].Action != batchTrail[0].Action || batchTrail[0].ActorName != ann.Name {
		t.Errorf("audit of the form's company %+v, of the import's %+v", formTrail, batchTrail)
	}
	if c, _ := st.Contact(ctx, kim); len(c.Companies) != 1 || c.Companies[0].CompanyID != bID {
		t.Errorf("kim@b.test is in %+v, want B", c.Companies)
	}
}

func jsonOf(v any) string {
	js, _ := json.Marshal(v)
	return string(js)
}
