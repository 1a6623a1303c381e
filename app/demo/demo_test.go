package demo_test

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

func TestLoadFillsAnEmptyDatabaseOnce(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "portico.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	log := slog.New(slog.DiscardHandler)
	if err := demo.Load(ctx, st, log); err != nil {
		t.Fatal(err)
	}
	counts, err := st.ViewCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts.All+counts.Deleted < 200 || counts.Verified == 0 || counts.Unverified == 0 || counts.Blocked == 0 || counts.Deleted == 0 {
		t.Fatalf("counts %+v: want at least 200 contacts in all four states", counts)
	}
	for i, co := range demo.Companies {
		if name, err := st.CompanyName(ctx, int64(i+1)); err != nil || name != co.Name {
			t.Errorf("company %d: %q, %v", i+1, name, err)
		}
	}
	if len(demo.Companies) != 20 {
		t.Errorf("%d sample companies, want 20", len(demo.Companies))
	}
	for _, q := range []string{"김", "이", "민", "Olivia", "hooli", "한빛소프트"} {
		if page, err := st.ListContacts(ctx, model.ContactQuery{Search: q}); err != nil || len(page.Contacts) == 0 {
			t.Errorf("search %q found no sample contact: %v", q, err)
		}
	}
	if err := demo.Load(ctx, st, log); err != nil {
		t.Fatal(err)
	}
	if again, _ := st.ViewCounts(ctx); again != counts {
		t.Errorf("a second load changed the counts: %+v, then %+v", counts, again)
	}
	if _, err := st.CompanyName(ctx, int64(len(demo.Companies)+1)); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a second load added companies: %v", err)
	}
}

func TestSampleContactsBelongToSeveralCompanies(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "portico.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := demo.Load(ctx, st, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	several, threeEmails := 0, 0
	for id := int64(1); id <= demo.Size; id++ {
		c, err := st.Contact(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Companies) > 1 {
			several++
		}
		if len(c.Emails) >= 3 {
			threeEmails++
		}
	}
	if several < 3 || threeEmails < 3 {
		t.Fatalf("%d contacts in several companies, %d with three addresses; want a few of each", several, threeEmails)
	}
}
