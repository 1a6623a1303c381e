package storetest

import (
	"context"
	"fmt"
	"time"

	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// Batch is how many contacts Seed inserts per transaction. Each commit
// rewrites every index page the batch touched, so fewer, larger batches
// load a million contacts faster.
const Batch = 50000

// extraCompanies is how many companies Seed adds to the twenty sample
// ones, so that a million contacts spread over realistic company sizes.
const extraCompanies = 180

var actor = model.Actor{Name: "Seeder"}

// Seed fills a new database with n generated contacts, and the companies
// their addresses link them to, through InsertContacts, which keeps every
// invariant of the normal paths. It returns how long the contacts took.
// Generation runs one batch ahead of the inserts, and the file is written
// without a journal (store.FastLoad), as it is rebuilt from scratch
// whenever it is needed.
func Seed(ctx context.Context, st *store.Store, n int) (time.Duration, error) {
	domains, err := companies(ctx, st)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	err = st.FastLoad(ctx, func() error {
		batches := make(chan []store.NewContact, 1)
		go generate(demo.NewPeople(1, domains), n, batches)
		for batch := range batches {
			if _, err := st.InsertContacts(ctx, actor, batch); err != nil {
				for range batches {
				}
				return fmt.Errorf("storetest: seed: %w", err)
			}
		}
		return nil
	})
	return time.Since(start), err
}

func generate(people *demo.People, n int, out chan<- []store.NewContact) {
	defer close(out)
	for done := 0; done < n; done += Batch {
		batch := make([]store.NewContact, min(Batch, n-done))
		for i := range batch {
			batch[i] = people.Next()
		}
		out <- batch
	}
}

func companies(ctx context.Context, st *store.Store) ([]string, error) {
	var domains []string
	add := func(name string, ds []string, industry string) error {
		if _, err := st.CreateCompany(ctx, actor, model.CompanyFields{Name: name, Domains: ds, Industry: industry}); err != nil {
			return fmt.Errorf("storetest: company %s: %w", name, err)
		}
		domains = append(domains, ds...)
		return nil
	}
	for _, co := range demo.Companies {
		if err := add(co.Name, co.Domains, co.Industry); err != nil {
			return nil, err
		}
	}
	for i := range extraCompanies {
		if err := add(fmt.Sprintf("Partner %03d", i+1), []string{fmt.Sprintf("partner%03d.com", i+1)}, "Services"); err != nil {
			return nil, err
		}
	}
	return domains, nil
}
