package store_test

import (
	"context"
	"errors"
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
