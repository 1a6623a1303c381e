package imports

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// eventTally counts the events written so far by type, and fails the
// test when two contact.created events are about one contact or a
// contact.updated names no change.
func eventTally(t *testing.T, e *env) map[string]int {
	t.Helper()
	out := map[string]int{}
	created := map[int64]bool{}
	var pos int64
	for {
		evs, err := e.st.EventsAfter(context.Background(), pos, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 {
			return out
		}
		for _, ev := range evs {
			out[ev.Type]++
			pos = ev.Position
			switch ev.Type {
			case events.TypeContactCreated:
				if created[ev.ContactID] {
					t.Errorf("contact %d has two contact.created events", ev.ContactID)
				}
				created[ev.ContactID] = true
			case events.TypeContactUpdated:
				var env struct {
					Data events.ContactUpdated `json:"data"`
				}
				if err := json.Unmarshal(ev.Payload, &env); err != nil || len(env.Data.Changed) == 0 {
					t.Errorf("contact.updated of %d names no change (%v): %s", ev.ContactID, err, ev.Payload)
				}
			}
		}
	}
}

func wantEvents(t *testing.T, got map[string]int, n model.ImportCounts, companies int) {
	t.Helper()
	want := map[string]int{events.TypeContactCreated: n.Created, events.TypeContactUpdated: n.Updated,
		events.TypeCompanyCreated: companies}
	for typ, k := range want {
		if got[typ] != k {
			t.Errorf("%d %s events, want %d (counts %+v)", got[typ], typ, k, n)
		}
	}
}

// TestImportWritesOneEventPerWrittenContact imports a file with new,
// repeated and bad rows, then the same file again: each created contact
// has one contact.created, each updated row one contact.updated, and
// skipped and failed rows none.
func TestImportWritesOneEventPerWrittenContact(t *testing.T) {
	e := newEnv(t)
	path := mixedFile(t, e, 120)
	first := e.importFile(t, path, Params{})
	if first.Failed == 0 || first.Updated == 0 {
		t.Fatalf("the file should fail and update rows: %+v", first.ImportCounts)
	}
	wantEvents(t, eventTally(t, e), first.ImportCounts, 5)
	second := e.importFile(t, path, Params{})
	if second.Skipped == 0 {
		t.Fatalf("the second import should skip rows: %+v", second.ImportCounts)
	}
	both := first.ImportCounts.Add(second.ImportCounts)
	both.Created = first.Created + second.Created
	wantEvents(t, eventTally(t, e), both, 5)
}

// TestRolledBackBatchWritesNoEvents fails a batch after its contacts were
// inserted: their events go with them.
func TestRolledBackBatchWritesNoEvents(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	id, err := e.start(t, e.runner(), e.file(t, "one.csv", header, "Gone,gone@example.com,,,"), Params{})
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("batch fails")
	err = e.st.ImportBatch(ctx, model.Actor{Name: "Test"}, id, 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		if _, err := b.Insert(ctx, []store.NewContact{{Fields: model.ContactFields{Name: "Gone"}, Emails: []string{"gone@example.com"}}}); err != nil {
			return 0, model.ImportCounts{}, err
		}
		return 0, model.ImportCounts{}, boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("the batch ended with %v", err)
	}
	if got := eventTally(t, e); len(got) != 0 {
		t.Errorf("a rolled-back batch left events: %v", got)
	}
}
