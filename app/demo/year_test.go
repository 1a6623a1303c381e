package demo_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/store"
)

// TestSampleDataLooksLikeAYear: the demo shows a team's year, not one
// moment: contacts added over the months, job titles in the language of
// the name, phones from real places, companies with tier, health and
// renewal date, tickets in the portal, and the team's work on them.
func TestSampleDataLooksLikeAYear(t *testing.T) {
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
	admin, err := st.CreateFirstAdmin(ctx, "Dana Demo", "dana@portico.test", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.LoadTeam(ctx, st, log); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(st.Now()); d < -time.Minute || d > time.Minute {
		t.Fatalf("the store's clock is %v off after loading", d)
	}
	months := map[string]bool{}
	tickets := 0
	for id := int64(1); id <= demo.Size; id++ {
		c, err := st.Contact(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		months[c.CreatedAt.Format("2006-01")] = true
		if korean(c.Name) != korean(c.JobTitle) && c.JobTitle != "" {
			t.Errorf("%s has the job title %q, in another language", c.Name, c.JobTitle)
		}
		if strings.HasPrefix(c.Phone, "+1 555") {
			t.Errorf("%s has the made-up phone %s", c.Name, c.Phone)
		}
		got, err := st.ContactTickets(ctx, id, 10)
		if err != nil {
			t.Fatal(err)
		}
		tickets += len(got)
	}
	checkTeamsYear(t, ctx, st, admin.ID)
	checkHistories(t, ctx, st, admin.ID)
	if len(months) < 11 {
		t.Errorf("contacts were created in %d months; want them spread over the year", len(months))
	}
	if tickets < 20 {
		t.Errorf("%d tickets; want the portal to show some history", tickets)
	}
	for id := int64(1); id <= int64(len(demo.Companies)); id++ {
		co, err := st.Company(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if co.AccountTier == "" {
			t.Errorf("%s has no account tier", co.Name)
		}
		if co.HealthScore != "" && co.RenewalDate < time.Now().Format(time.DateOnly) {
			t.Errorf("%s renews on %q, not in the year ahead", co.Name, co.RenewalDate)
		}
	}
}

func korean(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}
