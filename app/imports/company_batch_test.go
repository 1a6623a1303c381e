package imports

import (
	"context"
	"errors"
	"testing"

	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestApplyCompaniesKeepsTheModes applies the same company records in
// each mode to a database holding Acme: create adds only the new company
// and leaves Acme's description, update changes only Acme, upsert both.
func TestApplyCompaniesKeepsTheModes(t *testing.T) {
	for _, c := range []struct {
		mode     Mode
		newOne   bool
		acmeDesc string
	}{
		{ModeCreate, true, "Old"},
		{ModeUpdate, false, "New"},
		{ModeUpsert, true, "New"},
	} {
		t.Run(string(c.mode), func(t *testing.T) {
			e := newEnv(t)
			ctx := context.Background()
			acme, err := e.st.CreateCompany(ctx, model.Actor{Name: "Seed"}, model.CompanyFields{Name: "Acme", Description: "Old"})
			if err != nil {
				t.Fatal(err)
			}
			pl := pluginCompanyPlanner(&model.Import{Mode: string(c.mode), Blank: string(BlankKeep)})
			rows := []*companyRow{
				companyRecord(pl, "Hooli", "hooli.test", ""),
				companyRecord(pl, "ACME", "", "New"),
				companyRecord(pl, "", "", ""),
			}
			applyInBatch(t, e, func(b *store.ImportTx) error { return applyCompanies(ctx, b, pl, rows) })
			_, err = e.st.CompanyByName(ctx, "Hooli")
			if created := err == nil; created != c.newOne || err != nil && !errors.Is(err, model.ErrNotFound) {
				t.Errorf("Hooli created %v (%v), want %v", created, err, c.newOne)
			}
			if co, _ := e.st.Company(ctx, acme); co.Description != c.acmeDesc || co.Name != "Acme" {
				t.Errorf("Acme is %q, %q; want Acme, %q", co.Name, co.Description, c.acmeDesc)
			}
		})
	}
}

func companyRecord(pl *companyPlanner, name, domains, description string) *companyRow {
	return parseCompany(pl.m, importfile.Row{Cells: []string{name, domains, description}})
}

// applyInBatch runs fn in a batch of a new import.
func applyInBatch(t *testing.T, e *env, fn func(b *store.ImportTx) error) {
	t.Helper()
	ctx := context.Background()
	id, err := e.st.CreateImport(ctx, model.Import{Kind: "contacts", Filename: "p", Mode: "upsert", Match: "email", Blank: "keep"})
	if err != nil {
		t.Fatal(err)
	}
	err = e.st.ImportBatch(ctx, model.Actor{Name: "Test"}, id, 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		return 0, model.ImportCounts{}, fn(b)
	})
	if err != nil {
		t.Fatal(err)
	}
}
