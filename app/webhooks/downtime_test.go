package webhooks_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store/storetest"
)

// downtimeRows is how many contacts the drain of
// TestDownEndpointCatchesUpWithoutBlockingOthers imports: several times
// the bulk window a down endpoint holds.
const downtimeRows = 2000

// TestDownEndpointCatchesUpWithoutBlockingOthers drains an import to two
// endpoints while one is down for an hour, answering 503 or refusing
// connections. The other gets every bulk event and every event of a
// person's actions during that hour without waiting for it; the hour of
// retries neither disables the down endpoint nor fails a delivery, and a
// prune in the middle keeps what it is owed. Once it answers again it
// catches up at once, with every event, each contact's in commit order.
func TestDownEndpointCatchesUpWithoutBlockingOthers(t *testing.T) {
	t.Run("503", func(t *testing.T) { downForAnHour(t, false) })
	t.Run("connection refused", func(t *testing.T) { downForAnHour(t, true) })
}

func downForAnHour(t *testing.T, refuse bool) {
	e := newEnv(t, loopback)
	up, down := testkit.StartHooks(t), testkit.StartHooks(t)
	down.Down(refuse)
	_, secret := e.endpoint(t, up.URL)
	up.Trust(t, secret)
	ep, secret := e.endpoint(t, down.URL)
	down.Trust(t, secret)
	ids := e.bulkContacts(t, downtimeRows, "drain")
	e.start(t)
	waitFor(t, "the import's events at the endpoint that is up", func() bool { return up.Distinct() == len(ids) })
	late := ids[len(ids)-10:] // still in the down endpoint's bulk stream
	e.rename(t, late)
	e.contact(t, "Kim", "kim@example.com")
	waitFor(t, "the interactive events at the endpoint that is up", func() bool { return up.Distinct() == len(ids)+len(late)+1 })
	if n, _, _ := down.Stats(); n != 0 {
		t.Fatalf("the down endpoint accepted %d requests", n)
	}
	if held := e.downHour(t, ep.ID); held != len(late) {
		t.Errorf("%d deliveries held back, want the %d updates behind their contacts' creations", held, len(late))
	}
	want := "503 "
	if refuse {
		want = "connection refused"
	}
	if d := e.deliveries(t, ep.ID)[0]; !strings.Contains(fmt.Sprintf("%d %s", d.LastStatus, d.LastError), want) {
		t.Fatalf("the log says %d %q, want %q", d.LastStatus, d.LastError, want)
	}
	e.pruneAll(t, len(storetest.Due(t, e.st)))
	down.Up(t)
	e.contact(t, "Lee", "lee@example.com") // the down endpoint answers this one, and catches up
	due := storetest.Due(t, e.st)
	waitFor(t, "the down endpoint to catch up", func() bool { return down.Distinct() == len(due) && up.Distinct() == len(due) })
	up.CheckArrivals(t, "the endpoint that was up", due)
	if n := down.CheckArrivals(t, "the endpoint that was down", due); n > 0 {
		t.Errorf("%d webhooks arrived twice at the endpoint that was down", n)
	}
	if got, err := e.st.WebhookEndpoint(context.Background(), ep.ID); err != nil || !got.Enabled || got.FailingSince != nil {
		t.Errorf("after catching up the endpoint is %+v (%v), want enabled and no longer failing", got, err)
	}
}

// rename renames contacts one by one, as an agent does.
func (e *env) rename(t *testing.T, ids []int64) {
	for _, id := range ids {
		if err := e.st.UpdateContact(context.Background(), ann, id, model.ContactFields{Name: fmt.Sprintf("Renamed %d", id)}); err != nil {
			t.Fatal(err)
		}
	}
}

// downHour moves the clock an hour, a minute at a time, letting the
// worker retry everything due at each step. It checks that the endpoint
// is still enabled with every delivery waiting, each tried on schedule
// (at once, after 5 s, 5 min and 30 min) unless held back by order, and
// returns how many were held back, never tried.
func (e *env) downHour(t *testing.T, endpointID int64) (held int) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+e.path+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for range 60 {
		e.clk.Advance(time.Minute)
		// Deliveries never tried are held back by order; the others are
		// all tried before the hour starts.
		waitFor(t, "the retries due", func() bool {
			var n int
			err := db.QueryRow(`SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = $1 AND (state = 'sending'
				OR state = 'pending' AND next_attempt_at <= $2 AND attempts > 0)`, endpointID, e.clk.Now()).Scan(&n)
			return err == nil && n == 0
		})
	}
	var tried, off int
	err = db.QueryRow(`SELECT count(*) FILTER (WHERE attempts = 4), count(*) FILTER (WHERE attempts = 0),
		count(*) FILTER (WHERE state <> 'pending' OR attempts NOT IN (0, 4)) FROM webhook_deliveries WHERE endpoint_id = $1`,
		endpointID).Scan(&tried, &held, &off)
	if err != nil {
		t.Fatal(err)
	}
	ep, err := e.st.WebhookEndpoint(context.Background(), endpointID)
	if err != nil || !ep.Enabled || ep.FailingSince == nil || off > 0 || tried == 0 {
		t.Fatalf("after an hour down: endpoint %+v (%v), %d deliveries tried 4 times, %d failed or tried otherwise; "+
			"want it enabled and failing, every delivery waiting, tried 4 times or held back", ep, err, tried, off)
	}
	return held
}

// pruneAll prunes as if the retention were shorter than the hour the
// endpoint was down: the log of the deliveries that were sent goes, but
// none of the events, which the down endpoint is still owed.
func (e *env) pruneAll(t *testing.T, events int) {
	t.Helper()
	ctx := context.Background()
	before := e.clk.Now().Add(-time.Minute)
	if n, _, err := e.st.PruneWebhookLog(ctx, before); err != nil || n == 0 {
		t.Fatalf("pruned %d finished deliveries (%v), want those of the endpoint that was up", n, err)
	}
	if n, err := e.st.PruneEvents(ctx, before); err != nil || n != 0 {
		t.Fatalf("pruned %d of %d events (%v), want none: the down endpoint has not had them", n, events, err)
	}
}
