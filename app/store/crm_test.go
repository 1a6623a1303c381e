package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// crmConnector returns a store with one connector, made after an event.
func crmConnector(t *testing.T) (context.Context, *store.Store, int64) {
	st, _ := open(t)
	ctx := context.Background()
	id, err := st.SavePluginInstance(ctx, model.PluginInstance{PluginID: "carddav-sync", Name: "Book"})
	if err != nil {
		t.Fatal(err)
	}
	mustContact(t, st, "Ada", "ada@example.org")
	maps := []model.CRMFieldMap{{Object: "contact", PorticoField: "name", RemoteField: "fn", Direction: "both", Rule: "latest_wins"}}
	if err := st.SaveCRMConnector(ctx, model.CRMConnector{InstanceID: id, Objects: "contacts", RemoteDelete: "flag",
		PorticoDelete: "keep", Mapping: maps}); err != nil {
		t.Fatal(err)
	}
	return ctx, st, id
}

func crmGet(t *testing.T, st *store.Store, id int64) *model.CRMConnector {
	t.Helper()
	c, err := st.CRMConnector(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestACRMConnectorStartsAtTheEndOfTheEventStreamAndKeepsItsState(t *testing.T) {
	ctx, st, id := crmConnector(t)
	c := crmGet(t, st, id)
	if c.State != "setup" || c.PushPosition == 0 || len(c.Mapping) != 1 || c.Mapping[0].RemoteField != "fn" {
		t.Fatalf("new connector %+v", c)
	}
	if err := st.SetCRMPullCursor(ctx, id, "c1", 3); err != nil {
		t.Fatal(err)
	}
	until := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	if err := st.SetCRMRun(ctx, id, "down", 2, &until); err != nil {
		t.Fatal(err)
	}
	if c := crmGet(t, st, id); c.PullCursor != "c1" || c.Pulled != 3 || c.Outages != 2 || c.BackoffUntil == nil || c.LastError != "down" {
		t.Fatalf("after a pull and an outage: %+v", c)
	}
	if err := st.ClearCRMBackoff(ctx, id); err != nil {
		t.Fatal(err)
	}
	if c := crmGet(t, st, id); c.BackoffUntil != nil || c.Outages != 0 || c.LastError != "down" {
		t.Errorf("after clearing the backoff: %+v", c)
	}
	if err := st.SetCRMPullCursor(ctx, id+1, "x", 0); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("an unknown connector: %v", err)
	}
}

func TestCRMLinksAndFailures(t *testing.T) {
	ctx, st, id := crmConnector(t)
	l := model.CRMLink{InstanceID: id, Object: "contact", LocalID: 7, RemoteID: "a.vcf", RemoteVersion: `"1"`,
		Synced: map[string][]string{"name": {"Ada"}}, State: "linked"}
	if err := st.SaveCRMLink(ctx, l); err != nil {
		t.Fatal(err)
	}
	l.RemoteVersion = `"2"`
	if err := st.SaveCRMLink(ctx, l); err != nil {
		t.Fatal(err)
	}
	got, err := st.CRMLinkByRemote(ctx, id, "contact", "a.vcf")
	if err != nil || got.RemoteVersion != `"2"` || got.Synced["name"][0] != "Ada" {
		t.Fatalf("link %+v %v", got, err)
	}
	for range 2 {
		if err := st.AddCRMFailure(ctx, model.CRMFailure{InstanceID: id, Direction: "in", Object: "contact", RemoteID: "b.vcf", Reason: "bad"}); err != nil {
			t.Fatal(err)
		}
	}
	amb := model.CRMFailure{InstanceID: id, Direction: "in", Object: "contact", RemoteID: "c.vcf", Reason: "two", Ambiguous: true}
	if err := st.AddCRMFailure(ctx, amb); err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{"b.vcf", "c.vcf"} {
		if err := st.ClearCRMFailure(ctx, id, "in", "contact", 0, r); err != nil {
			t.Fatal(err)
		}
	}
	f, _ := st.CRMFailures(ctx, id, 10)
	if len(f) != 1 || f[0].RemoteID != "c.vcf" || !f[0].Ambiguous {
		t.Errorf("failures %+v, want only the ambiguity left", f)
	}
}

func TestEventsACRMConnectorHasNotPushedAreNotPruned(t *testing.T) {
	st, clk := openClocked(t)
	ctx := context.Background()
	id, err := st.SavePluginInstance(ctx, model.PluginInstance{PluginID: "carddav-sync", Name: "Book"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveCRMConnector(ctx, model.CRMConnector{InstanceID: id, Objects: "contacts", RemoteDelete: "flag", PorticoDelete: "keep"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetCRMState(ctx, id, "running"); err != nil {
		t.Fatal(err)
	}
	mustContact(t, st, "Ann", "ann@example.com")
	fanOut(t, st, 100)
	clk.Advance(retention + time.Hour)
	if n, _, _ := prune(t, st); n != 0 {
		t.Fatalf("pruned %d events the connector has not pushed", n)
	}
	last, _ := st.LastEventPosition(ctx)
	if err := st.SetCRMPushPosition(ctx, id, last, 0); err != nil {
		t.Fatal(err)
	}
	if n, _, _ := prune(t, st); n != 1 {
		t.Errorf("pruned %d events once pushed, want 1", n)
	}
}
