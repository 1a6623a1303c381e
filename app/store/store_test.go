package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// clock is a test clock the store reads; tests move it by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

// open returns a store on a fresh SQLite file with a fixed clock.
func open(t testing.TB) (*store.Store, *clock) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "portico.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clk := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	st.Now = clk.now
	return st, clk
}

var ann = model.Actor{Name: "Ann Agent"}

func mustContact(t *testing.T, st *store.Store, name string, emails ...string) int64 {
	t.Helper()
	id, err := st.CreateContact(context.Background(), ann, store.NewContact{Fields: model.ContactFields{Name: name}, Emails: emails})
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	return id
}

func TestMigrateIsIdempotent(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	v, err := st.SchemaVersion(ctx)
	if err != nil || v < 1 {
		t.Fatalf("version %d, err %v", v, err)
	}
}

func TestEmailBelongsToOneContact(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	first := mustContact(t, st, "Kim Minjun", "minjun@example.com")
	_, err := st.CreateContact(ctx, ann, store.NewContact{Fields: model.ContactFields{Name: "Other"}, Emails: []string{"  MinJun@Example.COM "}})
	var taken *model.EmailTakenError
	if !errors.As(err, &taken) || taken.ContactID != first {
		t.Fatalf("want the address taken by contact %d, got %v", first, err)
	}
	if vc, _ := st.ViewCounts(ctx); vc.All != 1 {
		t.Fatalf("the failed create left rows behind: %+v", vc)
	}
}

func TestPromoteKeepsOldPrimary(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	id := mustContact(t, st, "Lee Seo-yeon", "old@example.com", "new@example.com")
	c, _ := st.Contact(ctx, id)
	if err := st.PromoteEmail(ctx, ann, id, c.Emails[1].ID); err != nil {
		t.Fatal(err)
	}
	c, _ = st.Contact(ctx, id)
	if c.Email != "new@example.com" || len(c.Emails) != 2 || c.Emails[1].Address != "old@example.com" || c.Emails[1].Primary {
		t.Fatalf("after promote: %+v", c.Emails)
	}
	if err := st.RemoveEmail(ctx, ann, id, c.Emails[0].ID); err == nil {
		t.Fatal("removing the primary address should be refused")
	}
	other := mustContact(t, st, "Other", "x@example.com")
	if err := st.PromoteEmail(ctx, ann, other, c.Emails[1].ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("promoting another contact's address: want ErrNotFound, got %v", err)
	}
}

func TestStateChangesAndCounts(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	id := mustContact(t, st, "Park Jiho", "jiho@example.com")
	steps := []struct {
		action string
		want   model.State
	}{{"blocked", model.StateBlocked}, {"deleted", model.StateDeleted}, {"restored", model.StateBlocked}, {"unblocked", model.StateUnverified}}
	for _, s := range steps {
		if err := st.ChangeContactState(ctx, ann, id, s.action); err != nil {
			t.Fatalf("%s: %v", s.action, err)
		}
		c, _ := st.Contact(ctx, id)
		if c.State != s.want {
			t.Fatalf("after %s: state %s, want %s", s.action, c.State, s.want)
		}
		vc, _ := st.ViewCounts(ctx)
		if vc.Of(s.want) != 1 {
			t.Fatalf("after %s: counts %+v", s.action, vc)
		}
	}
	var ve *model.ValidationError
	if err := st.ChangeContactState(ctx, ann, id, "restored"); !errors.As(err, &ve) {
		t.Fatalf("restoring a live contact: want a validation error, got %v", err)
	}
}

func TestSearchFindsKoreanByFirstCharacters(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	mustContact(t, st, "김민준", "mj@example.kr")
	mustContact(t, st, "Jane Doe", "jane@example.com")
	if _, err := st.CreateContact(ctx, ann, store.NewContact{Fields: model.ContactFields{Name: "Phone Only", Phone: "+1 555 156 6795", Mobile: "+82 10 1234 5678"}}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"김", "김민", "민준", "mj@exam", "JANE", "example.com",
		"555 156", "555-156-6795", "(555) 156-6795", "5551566795", "+1 555", "010-1234", "010 1234 5678", "6795"} {
		page, err := st.ListContacts(ctx, model.ContactQuery{Search: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Contacts) == 0 {
			t.Errorf("search %q found nothing", q)
		}
	}
}

func TestHardDeleteErasesPersonalData(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	id := mustContact(t, st, "Erase Me", "erase@example.com")
	mail, err := st.QueueEmail(ctx, model.NewMail{MessageID: "<m1@portico.test>", To: "erase@example.com", ToName: "Erase Me", Subject: "Hello", Text: "Hi", ContactID: id})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.HardDeleteContact(ctx, ann, id); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Contact(ctx, id); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("contact still there: %v", err)
	}
	if h, _ := st.EmailHolder(ctx, "erase@example.com"); h != nil {
		t.Fatal("the address is still held")
	}
	trail, _ := st.Audit(ctx, "contact", id, 10)
	if len(trail) != 1 || trail[0].Action != "erased" || len(trail[0].Changes) != 0 {
		t.Fatalf("audit after erase: %+v", trail)
	}
	if _, err := st.Email(ctx, mail); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("the contact's email stays in the mailbox: %v", err)
	}
	if page, _ := st.ListContacts(ctx, model.ContactQuery{Search: "erase"}); len(page.Contacts) != 0 {
		t.Fatal("the search index still finds the erased contact")
	}
}

func TestFastLoadReturnsToWAL(t *testing.T) {
	st, _ := open(t)
	ctx := context.Background()
	err := st.FastLoad(ctx, func() error {
		mustContact(t, st, "Loaded Fast", "fast@example.com")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	mustContact(t, st, "After", "after@example.com")
	if vc, _ := st.ViewCounts(ctx); vc.All != 2 {
		t.Fatalf("counts after a fast load: %+v", vc)
	}
	if mode, err := st.JournalMode(ctx); err != nil || mode != "wal" {
		t.Fatalf("journal mode %q after a fast load, %v", mode, err)
	}
}
