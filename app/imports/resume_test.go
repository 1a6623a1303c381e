package imports

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// mixedFile has new rows, repeats of earlier rows' addresses, bad rows
// and companies, so a resumed import has every kind of row to get right.
func mixedFile(t *testing.T, e *env, n int) string {
	t.Helper()
	lines := rowsCSV(n, func(i int) string {
		switch {
		case i%17 == 5:
			return fmt.Sprintf("Bad %d,not-an-address,,,", i)
		case i%11 == 3:
			return fmt.Sprintf("Again %d,user%d@example.com,555-%04d,Co %d,Title %d", i, i-3, i, i%4, i)
		}
		return fmt.Sprintf("User %d,user%d@example.com,,Co %d,", i, i, i%5)
	})
	return e.file(t, fmt.Sprintf("mixed%d.csv", n), append([]string{header}, lines...)...)
}

// fingerprint describes every contact: name, title, addresses, companies.
func fingerprint(t *testing.T, e *env) []string {
	t.Helper()
	page, err := e.st.ListContacts(context.Background(), model.ContactQuery{PerPage: 5000, Page: 1})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, lc := range page.Contacts {
		c, err := e.st.Contact(context.Background(), lc.ID)
		if err != nil {
			t.Fatal(err)
		}
		s := c.Name + "|" + c.JobTitle + "|" + c.Phone
		for _, a := range c.Emails {
			s += "|" + a.Address
		}
		for _, m := range c.Companies {
			s += "|" + m.CompanyName
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

var errCrash = errors.New("worker killed")

// TestResumeAfterCrashIsExact abandons an import after k batches, as a
// killed worker does, lets its lease run out, and has a fresh runner
// finish it: the counts and contacts equal an uninterrupted run's.
func TestResumeAfterCrashIsExact(t *testing.T) {
	ref := newEnv(t)
	want := ref.importFile(t, mixedFile(t, ref, 300), Params{})
	wantContacts := fingerprint(t, ref)
	wantTally := eventTally(t, ref)
	for _, k := range []int{1, 4, 20} {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			e := newEnv(t)
			id, err := e.start(t, e.runner(), mixedFile(t, e, 300), Params{})
			if err != nil {
				t.Fatal(err)
			}
			crash(t, e, id, k)
			if _, err := e.start(t, e.runner(), mixedFile(t, e, 3), Params{}); !errors.Is(err, model.ErrConflict) {
				t.Fatalf("a second import while one is interrupted: %v", err)
			}
			e.clk.Advance(time.Minute) // the dead worker's lease runs out
			r := e.runner()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go r.Run(ctx)
			got := e.wait(t, id)
			if got.ImportCounts != want.ImportCounts {
				t.Errorf("resumed counts %+v, uninterrupted %+v", got.ImportCounts, want.ImportCounts)
			}
			if g := fingerprint(t, e); !slices.Equal(g, wantContacts) {
				t.Errorf("resumed contacts differ:\n%s\nwant\n%s", strings.Join(g, "\n"), strings.Join(wantContacts, "\n"))
			}
			if g := eventTally(t, e); !maps.Equal(g, wantTally) {
				t.Errorf("resumed import wrote events %v, uninterrupted %v", g, wantTally)
			}
		})
	}
}

// crash claims an import's job as a worker would and stops it after k
// committed batches without a word to anyone.
func crash(t *testing.T, e *env, id int64, k int) {
	t.Helper()
	ctx := context.Background()
	if _, err := e.st.ClaimJob(ctx, "doomed", []string{JobKind}, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	im, err := e.st.Import(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	saves := 0
	err = e.d.execute(ctx, im, func(Progress) error {
		if saves++; saves == k {
			return errCrash
		}
		return nil
	})
	if !errors.Is(err, errCrash) {
		t.Fatalf("the doomed run ended with %v", err)
	}
	im, _ = e.st.Import(ctx, id)
	err = e.st.ImportBatch(ctx, model.Actor{}, id, 0, func(*store.ImportTx) (int, model.ImportCounts, error) {
		return 1, model.ImportCounts{Created: 1}, nil
	})
	if im.LastRow > 0 && !errors.Is(err, store.ErrImportMoved) {
		t.Errorf("a batch from a stale checkpoint was accepted: %v", err)
	}
}
