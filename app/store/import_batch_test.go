package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestImportBatchRunsAgainAfterARefusedInsert has a batch insert a
// contact the database refuses: the batch is rolled back and runs again,
// where the refusal names the contact, which is set aside; only the
// others are stored, each with one event.
func TestImportBatchRunsAgainAfterARefusedInsert(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	mustContact(t, st, "Holder", "held@example.com")
	id, err := st.CreateImport(ctx, model.Import{Kind: "contacts", Filename: "a.csv", Mode: "upsert", Match: "email", Blank: "keep"})
	if err != nil {
		t.Fatal(err)
	}
	from := lastPosition(t, st)
	runs, again := 0, 0
	err = st.ImportBatch(ctx, ann, id, 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		runs++
		if b.Again() {
			again++
		}
		in := []store.NewContact{person("One", "", "one@example.com"), person("Clash", "", "held@example.com"),
			person("Two", "", "two@example.com")}
		for {
			_, err := b.Insert(ctx, in)
			var be *store.BulkError
			if !errors.As(err, &be) {
				return 3, model.ImportCounts{Created: len(in), Failed: 3 - len(in)}, err
			}
			in = append(in[:be.Index], in[be.Index+1:]...)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if runs != 2 || again != 1 {
		t.Errorf("the batch ran %d times, %d of them again; want 2 and 1", runs, again)
	}
	evs := eventsSince(t, st, from)
	if len(evs) != 2 || evs[0].Type != events.TypeContactCreated || evs[1].Type != events.TypeContactCreated {
		t.Fatalf("want two contact.created events, got %+v", evs)
	}
	if vc, _ := st.ViewCounts(ctx); vc.All != 3 {
		t.Errorf("%d contacts, want 3", vc.All)
	}
}

// TestImportBatchRunsAgainAfterARefusedUpdate has a batch update three
// contacts, the second with an address another contact holds: the batch
// is rolled back and runs again, where the refusal comes back for that
// update alone; the other two are stored, each with one event, and the
// refused one changed nothing.
func TestImportBatchRunsAgainAfterARefusedUpdate(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	mustContact(t, st, "Holder", "held@example.com")
	ids := []int64{mustContact(t, st, "One", "one@example.com"), mustContact(t, st, "Two", "two@example.com"),
		mustContact(t, st, "Three", "three@example.com")}
	id, err := st.CreateImport(ctx, model.Import{Kind: "contacts", Filename: "a.csv", Mode: "update", Match: "email", Blank: "keep"})
	if err != nil {
		t.Fatal(err)
	}
	from := lastPosition(t, st)
	runs, again := 0, 0
	var refused map[int]error
	err = st.ImportBatch(ctx, ann, id, 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		runs++
		if b.Again() {
			again++
		}
		var ups []store.ContactUpdate
		for i, cid := range ids {
			u := store.ContactUpdate{ID: cid, Fields: model.ContactFields{Name: fmt.Sprintf("Renamed %d", i)},
				Changes: []model.Change{{Field: "name", To: fmt.Sprintf("Renamed %d", i)}}}
			if i == 1 {
				u.AddEmails = []string{"held@example.com"}
			}
			ups = append(ups, u)
		}
		var err error
		refused, err = b.Update(ctx, ups)
		return 3, model.ImportCounts{Updated: 3 - len(refused), Failed: len(refused)}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	if runs != 2 || again != 1 {
		t.Errorf("the batch ran %d times, %d of them again; want 2 and 1", runs, again)
	}
	if len(refused) != 1 || refused[1] == nil {
		t.Fatalf("want the second update refused, got %v", refused)
	}
	evs := eventsSince(t, st, from)
	if len(evs) != 2 || evs[0].Type != events.TypeContactUpdated || evs[1].Type != events.TypeContactUpdated {
		t.Fatalf("want two contact.updated events, got %+v", evs)
	}
	for i, cid := range ids {
		c, err := st.Contact(ctx, cid)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]string{true: fmt.Sprintf("Renamed %d", i), false: "Two"}[i != 1]; c.Name != want {
			t.Errorf("contact %d is named %q, want %q", cid, c.Name, want)
		}
	}
}
