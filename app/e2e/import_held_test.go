package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestCancelledImportOffersItsHeldEmails opens the page of an import the
// admin cancelled after it created two contacts: it says they were not
// sent the activation email, and its button asks first, then starts the
// send. With PORTICO_SCREENSHOTS set it saves the page before and after.
func TestCancelledImportOffersItsHeldEmails(t *testing.T) {
	app := startIdle(t)
	p := adminPage(t, app)
	id := cancelledImport(t, app.Store)
	page := fmt.Sprintf("/contacts/imports/%d", id)
	p.open(page)
	p.waitText("#progress .held-activations", "2 contacts created by this import have not been sent the activation email, because the import was cancelled.")
	shot(p, "contacts-import-held-activation.png")

	dialogs := p.acceptDialogs()
	p.clickXPath(`//button[contains(., "Send activation emails to these 2 contacts")]`)
	p.waitText("#toasts", "Queuing activation emails for 2 contacts.")
	p.waitText("#progress", "Queuing activation emails for the contacts created by this import… counting them.")
	if got := dialogs(); len(got) != 1 || got[0] != "Send the activation email to 2 contacts created by this import?" {
		t.Errorf("confirm dialogs %q, want one asking for the 2 contacts", got)
	}
	shot(p, "contacts-import-held-sending.png")

	p.clickXPath(`//form[contains(@action, "/activation/cancel")]//button[contains(., "Cancel sending")]`)
	p.waitText("#toasts", "Cancelled. The emails queued before it stops stay queued.")
	p.waitText("#progress .held-activations", "2 contacts created by this import have not been sent the activation email, because sending them was cancelled.")
	if got := dialogs(); len(got) != 2 || got[1] != "Cancel sending the activation emails? The contacts emailed by then keep working links; the others are not emailed." {
		t.Errorf("confirm dialogs %q, want the cancel asked", got)
	}
}

// TestImportPageSaysWhereItsEmailsAreKept finishes the send of a
// cancelled import's held emails as a worker would: without SMTP, the
// page says they were queued and are kept in the mailbox, with a link
// for the admin. With PORTICO_SCREENSHOTS set it saves the page.
func TestImportPageSaysWhereItsEmailsAreKept(t *testing.T) {
	app := startIdle(t)
	p := adminPage(t, app)
	id := cancelledImport(t, app.Store)
	ctx := context.Background()
	if queued, err := app.Store.QueueImportActivations(ctx, id, 0); !queued || err != nil {
		t.Fatalf("held emails not queued: %v", err)
	}
	job, err := app.Store.ClaimJob(ctx, "worker", []string{store.ImportActivationJobKind}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Store.ForgetImportActivations(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := app.Store.FinishJob(ctx, job.ID, "worker", model.JobDone, `{"total":2,"sent":2}`, ""); err != nil {
		t.Fatal(err)
	}
	p.open(fmt.Sprintf("/contacts/imports/%d", id))
	p.waitText("#progress", "Activation emails queued for 2 contacts created by this import. SMTP is not configured, so they are kept in Admin › Mailbox.")
	p.waitText(`#progress a[href="/admin/mailbox"]`, "Admin › Mailbox")
	shot(p, "contacts-import-activations-kept.png")
}

// cancelledImport records a cancelled import of people.csv by the admin
// whose first batch created two contacts, as the engine does, and
// returns its id.
func cancelledImport(t *testing.T, st *store.Store) int64 {
	t.Helper()
	ctx := context.Background()
	admin, err := st.AgentByEmail(ctx, adminEmail)
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.CreateImport(ctx, model.Import{Kind: "contacts", Filename: "people.csv", Mode: "upsert", Match: "email",
		Blank: "keep", SendActivation: true, CreatedBy: admin.ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.BeginImport(ctx, id, 40); err != nil {
		t.Fatal(err)
	}
	err = st.ImportBatch(ctx, e2eActor, id, 0, func(b *store.ImportTx) (int, model.ImportCounts, error) {
		_, err := b.Insert(ctx, []store.NewContact{contact("Kim Minjun", "minjun@example.com"), contact("Lee Jiwoo", "jiwoo@example.com")})
		return 2, model.ImportCounts{Created: 2}, err
	})
	if err == nil {
		err = st.FinishImport(ctx, id, model.JobCancelled, "")
	}
	if err != nil {
		t.Fatal(err)
	}
	return id
}
