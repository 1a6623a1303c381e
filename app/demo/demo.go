// Package demo loads realistic sample data into an empty database, so a
// new installation can be explored at once. Its generator also feeds the
// benchmarks' million contacts.
//
// It must not import web or any domain package: only store and model.
package demo

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Size is how many sample contacts Load creates.
const Size = 240

// seed fixes the sample data, so that screenshots stay the same.
const seed = 2026

var actor = model.Actor{Name: "Portico demo"}

// Load fills an empty database with the sample companies and contacts. It
// does nothing when contacts or companies already exist, so it never
// mixes sample data with real data.
func Load(ctx context.Context, st *store.Store, log *slog.Logger) error {
	empty, err := st.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		log.Info("the database is not empty; sample data not loaded")
		return nil
	}
	domains, err := createCompanies(ctx, st)
	if err != nil {
		return err
	}
	ids, err := st.InsertContacts(ctx, actor, contacts(domains))
	if err != nil {
		return fmt.Errorf("demo: contacts: %w", err)
	}
	log.Info("loaded sample data", "contacts", len(ids), "companies", len(Companies))
	return nil
}

// createCompanies creates the sample companies and returns the domain each
// lists first.
func createCompanies(ctx context.Context, st *store.Store) ([]string, error) {
	domains := make([]string, 0, len(Companies))
	for _, co := range Companies {
		if _, err := st.CreateCompany(ctx, actor, model.CompanyFields{Name: co.Name, Domains: co.Domains, Industry: co.Industry}); err != nil {
			return nil, fmt.Errorf("demo: company %s: %w", co.Name, err)
		}
		domains = append(domains, co.Domains[0])
	}
	return domains, nil
}

// contacts generates the sample contacts. Every twelfth also works for a
// second company and every twenty-fourth for a third, so some contacts
// have three addresses and belong to several companies.
func contacts(domains []string) []store.NewContact {
	people := NewPeople(seed, domains)
	out := make([]store.NewContact, Size)
	for i := range out {
		out[i] = people.Next()
		if i%12 == 0 {
			people.AddWorkAddress(&out[i], domains[(i/12)%len(domains)])
		}
		if i%24 == 0 {
			people.AddWorkAddress(&out[i], domains[(i/24+7)%len(domains)])
		}
	}
	return out
}
