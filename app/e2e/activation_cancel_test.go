package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestBulkActivationCancelled cancels a bulk send from its page while it
// runs. No worker sends activation emails here: the test plays the worker
// through the store, which lets the page show a send 300 emails in. With
// PORTICO_SCREENSHOTS set it saves the page counting, running, the
// confirmation and the cancelled page.
func TestBulkActivationCancelled(t *testing.T) {
	app := startIdle(t, func(t *testing.T, st *store.Store) {
		for i := range 3 {
			if _, err := st.CreateContact(context.Background(), e2eActor, contact(fmt.Sprintf("Customer %d", i), fmt.Sprintf("customer%d@example.com", i))); err != nil {
				t.Fatal(err)
			}
		}
	})
	ctx := context.Background()
	p := adminPage(t, app)
	p.open("/contacts?view=unverified")
	p.bulkAll("activation", "Apply to all 3 matching", "Send 3 activation emails")
	p.waitText("#bulk-progress", "Counting contacts…")
	shot(p, "bulk-activation-counting.png")

	job, err := app.Store.ClaimJob(ctx, "worker", []string{activation.BulkJobKind}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	progress := `{"total":1000,"sent":300}`
	if _, err := app.Store.HeartbeatJob(ctx, job.ID, "worker", time.Hour, progress, "300"); err != nil {
		t.Fatal(err)
	}
	p.waitText("#bulk-progress", "300 of 1,000 contacts")
	shot(p, "bulk-activation-running.png")
	p.clickXPath(`//a[contains(., "Cancel sending")]`)
	p.waitText("h1", "Cancel sending the activation emails?")
	p.waitText("main", "Activation emails are queued for 300 of 1,000 contacts so far.")
	shot(p, "bulk-activation-cancel.png")
	p.clickXPath(`//main//form//button[contains(., "Cancel sending")]`)
	p.waitText("#bulk-progress h1", "Cancelling the activation emails")
	p.waitText("#toasts", "Cancelled. The emails queued before it stops stay queued.")

	if err := app.Store.FinishJob(ctx, job.ID, "worker", model.JobCancelled, progress, ""); err != nil {
		t.Fatal(err)
	}
	p.waitText("#bulk-progress h1", "Activation emails cancelled")
	p.waitText("#bulk-progress", "Cancelled: activation emails queued for 300 of 1,000 contacts; the other 700 were not emailed.")
	shot(p, "bulk-activation-cancelled.png")
}
