package demo

import (
	"context"
	"fmt"
	"log/slog"
	"time"

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
	clock := st.Now
	defer func() { st.Now = clock }()
	y := newYear(st, clock())
	domains, err := createCompanies(ctx, st, y)
	if err != nil {
		return err
	}
	all := contacts(domains)
	ids, err := insertOverTheYear(ctx, st, y, all)
	if err != nil {
		return err
	}
	tickets, err := raiseTickets(ctx, st, y, ids, all)
	if err != nil {
		return err
	}
	log.Info("loaded sample data", "contacts", len(ids), "companies", len(Companies), "tickets", tickets)
	return nil
}

// createCompanies creates the sample companies in the year's first weeks
// and returns the domain each lists first.
func createCompanies(ctx context.Context, st *store.Store, y *year) ([]string, error) {
	domains := make([]string, 0, len(Companies))
	for i, co := range Companies {
		y.at(time.Duration(i) * 31 * time.Hour)
		f := model.CompanyFields{Name: co.Name, Domains: co.Domains, Industry: co.Industry, AccountTier: co.Tier, HealthScore: co.Health}
		if co.RenewsIn > 0 {
			f.RenewalDate = y.now.AddDate(0, co.RenewsIn, 0).Format(time.DateOnly)
		}
		if _, err := st.CreateCompany(ctx, actor, f); err != nil {
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
