package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/demo"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
)

// retention is the default retention of events and the delivery log.
const retention = 30 * 24 * time.Hour

// openClocked is open with the shared movable clock.
func openClocked(t testing.TB) (*store.Store, *storetest.Clock) {
	st, _ := open(t)
	clk := storetest.NewClock(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	st.Now = clk.Now
	return st, clk
}

// eventIDs lists the ids of the events left, oldest first.
func eventIDs(t testing.TB, st *store.Store) []string {
	t.Helper()
	evs, err := st.EventsAfter(context.Background(), 0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	return ids
}

// prune removes what is older than retention, the delivery log first as
// the sweep does, and returns how many events and deliveries went.
func prune(t testing.TB, st *store.Store) (events, deliveries, attempts int64) {
	t.Helper()
	ctx := context.Background()
	before := st.Now().Add(-retention)
	deliveries, attempts, err := st.PruneWebhookLog(ctx, before)
	if err != nil {
		t.Fatal(err)
	}
	if events, err = st.PruneEvents(ctx, before); err != nil {
		t.Fatal(err)
	}
	return events, deliveries, attempts
}

func fanOut(t testing.TB, st *store.Store, limit int) {
	t.Helper()
	if _, err := st.FanOutEvents(context.Background(), limit); err != nil {
		t.Fatal(err)
	}
}

// TestPruneOldEvents deletes the events fanned out more than the
// retention ago and keeps the recent ones.
func TestPruneOldEvents(t *testing.T) {
	st, clk := openClocked(t)
	mustContact(t, st, "Ann", "ann@example.com")
	mustContact(t, st, "Bo", "bo@example.com")
	fanOut(t, st, 100)
	clk.Advance(retention + time.Hour)
	mustContact(t, st, "Cy", "cy@example.com")
	fanOut(t, st, 100)
	recent := eventIDs(t, st)[2:]
	if n, _, _ := prune(t, st); n != 2 {
		t.Fatalf("pruned %d events, want the 2 old ones", n)
	}
	if got := eventIDs(t, st); len(got) != 1 || got[0] != recent[0] {
		t.Fatalf("left %v, want only the recent %v", got, recent)
	}
}

// TestPruneKeepsEventsNotFannedOut keeps old events the fan-out has not
// reached yet, however old: their deliveries do not exist yet.
func TestPruneKeepsEventsNotFannedOut(t *testing.T) {
	st, clk := openClocked(t)
	for _, name := range []string{"Ann", "Bo", "Cy"} {
		mustContact(t, st, name, name+"@example.com")
	}
	fanOut(t, st, 1)
	clk.Advance(retention + time.Hour)
	if n, _, _ := prune(t, st); n != 1 {
		t.Fatalf("pruned %d events, want only the one fanned out", n)
	}
	if got := eventIDs(t, st); len(got) != 2 {
		t.Fatalf("%d events left, want the 2 not fanned out", len(got))
	}
}

// TestPruneKeepsWhatDeliveriesNeed ages out one delivery of each state:
// the delivered and the failed ones go with their attempts and events;
// the one waiting for a retry and the one being sent stay with their
// events, which the retry then sends.
func TestPruneKeepsWhatDeliveriesNeed(t *testing.T) {
	st, clk := openClocked(t)
	ctx := context.Background()
	ep := mustEndpoint(t, st)
	for _, name := range []string{"Ann", "Bo", "Cy", "Di"} {
		mustContact(t, st, name, name+"@example.com")
	}
	fanOut(t, st, 100)
	ds, err := st.ClaimWebhookDeliveries(ctx, ep, 4, time.Minute)
	if err != nil || len(ds) != 4 {
		t.Fatalf("claimed %d, %v", len(ds), err)
	}
	now := clk.Now()
	outs := []model.WebhookOutcome{
		{Delivery: ds[0], Attempt: model.WebhookAttempt{AttemptedAt: now, Status: 200}},
		{Delivery: ds[1], Attempt: model.WebhookAttempt{AttemptedAt: now, Status: 500}},
		{Delivery: ds[2], Attempt: model.WebhookAttempt{AttemptedAt: now, Status: 500}, NextAttemptAt: now.Add(retention * 2)},
	}
	if err := st.RecordWebhookAttempts(ctx, outs, nil); err != nil {
		t.Fatal(err)
	}
	clk.Advance(retention + time.Hour)
	events, deliveries, attempts := prune(t, st)
	if events != 2 || deliveries != 2 || attempts != 2 {
		t.Fatalf("pruned %d events, %d deliveries, %d attempts; want 2 of each", events, deliveries, attempts)
	}
	for i, d := range ds {
		_, err := st.WebhookDelivery(ctx, ep, d.ID)
		if kept := err == nil; kept != (i >= 2) {
			t.Errorf("delivery %d: kept %t, err %v", i, kept, err)
		}
	}
	if as, _ := st.WebhookAttempts(ctx, ds[0].ID); len(as) != 0 {
		t.Errorf("the pruned delivery's %d attempts stayed", len(as))
	}
	clk.Advance(retention * 2)
	again, err := st.ClaimWebhookDeliveries(ctx, ep, 4, time.Minute)
	if err != nil || len(again) != 2 || len(again[0].Payload) == 0 || len(again[1].Payload) == 0 {
		t.Fatalf("claimed %d kept deliveries with their events, %v", len(again), err)
	}
}

// TestPruneKeepsRecentlyFinished keeps a delivery that finished within
// the retention, and its event, although the event itself is older.
func TestPruneKeepsRecentlyFinished(t *testing.T) {
	st, clk := openClocked(t)
	ctx := context.Background()
	ep := mustEndpoint(t, st)
	mustContact(t, st, "Ann", "ann@example.com")
	fanOut(t, st, 100)
	clk.Advance(retention)
	ds, err := st.ClaimWebhookDeliveries(ctx, ep, 1, time.Minute)
	if err != nil || len(ds) != 1 {
		t.Fatalf("claimed %d, %v", len(ds), err)
	}
	out := model.WebhookOutcome{Delivery: ds[0], Attempt: model.WebhookAttempt{AttemptedAt: clk.Now(), Status: 204}}
	if err := st.RecordWebhookAttempts(ctx, []model.WebhookOutcome{out}, nil); err != nil {
		t.Fatal(err)
	}
	clk.Advance(retention / 2)
	if events, deliveries, _ := prune(t, st); events != 0 || deliveries != 0 {
		t.Fatalf("pruned %d events and %d deliveries finished %s ago", events, deliveries, retention/2)
	}
	clk.Advance(retention)
	if events, deliveries, _ := prune(t, st); events != 1 || deliveries != 1 {
		t.Fatalf("pruned %d events and %d deliveries past the retention, want 1 of each", events, deliveries)
	}
}

// TestPruneInChunks prunes more events and deliveries than one
// transaction deletes, and leaves none of them behind: the endpoint is
// disabled with most of a bulk batch still waiting in its stream, which
// goes too once it is older than the retention.
func TestPruneInChunks(t *testing.T) {
	st, clk := openClocked(t)
	ctx := context.Background()
	ep := mustEndpoint(t, st)
	const n = 11_000
	insertPeople(t, st, n)
	fanOut(t, st, n)
	ds, err := st.ClaimWebhookDeliveries(ctx, ep, 500, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	outs := make([]model.WebhookOutcome, len(ds))
	for i, d := range ds {
		outs[i] = model.WebhookOutcome{Delivery: d, Attempt: model.WebhookAttempt{AttemptedAt: clk.Now(), Status: 200}}
	}
	outs[0].Attempt.Status, outs[0].Disable = 410, "it answered 410 Gone"
	if err := st.RecordWebhookAttempts(ctx, outs, nil); err != nil {
		t.Fatal(err)
	}
	clk.Advance(retention + time.Hour)
	events, deliveries, attempts := prune(t, st)
	if events != n || deliveries != int64(len(ds)) || attempts != int64(len(ds)) {
		t.Fatalf("pruned %d events, %d deliveries, %d attempts; want %d, %d, %d", events, deliveries, attempts, n, len(ds), len(ds))
	}
	if left := eventIDs(t, st); len(left) != 0 {
		t.Fatalf("%d events left", len(left))
	}
}

func mustEndpoint(t testing.TB, st *store.Store) int64 {
	t.Helper()
	ep, err := st.CreateWebhookEndpoint(context.Background(), model.WebhookEndpoint{URL: "https://hooks.example.com", Enabled: true, Secret: "whsec_x"})
	if err != nil {
		t.Fatal(err)
	}
	return ep
}

// insertPeople inserts n generated contacts, one contact.created event
// each, in batches.
func insertPeople(t testing.TB, st *store.Store, n int) {
	t.Helper()
	people := demo.NewPeople(1, nil)
	for done := 0; done < n; done += storetest.Batch {
		batch := make([]store.NewContact, min(storetest.Batch, n-done))
		for i := range batch {
			batch[i] = people.Next()
		}
		if _, err := st.InsertContacts(context.Background(), ann, batch); err != nil {
			t.Fatal(err)
		}
	}
}
