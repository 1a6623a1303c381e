package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// TestCancelledImportOffersItsHeldEmails opens the page of an import the
// admin cancelled after it created two contacts: it says they were not
// sent the activation email, and its button asks first, then starts the
// send. With PORTICO_SCREENSHOTS set it saves the page before and after.
func TestCancelledImportOffersItsHeldEmails(t *testing.T) {
	app := startPortico(t)
	p := adminPage(t, app)
	id := cancelledImport(t, app.Store)
	page := fmt.Sprintf("/contacts/imports/%d", id)
	p.open(page)
	p.waitText("#progress .held-activations", "2 contacts created by this import have not been sent the activation email, because the import was cancelled.")
	shot(p, "contacts-import-held-activation.png")

	dialogs := p.acceptDialogs()
	p.clickXPath(`//button[contains(., "Send activation emails to these 2 contacts")]`)
	p.waitText("#toasts", "Sending the activation email to 2 contacts.")
	p.waitText("#progress", "Sending the activation email to 2 contacts created by this import…")
	if got := dialogs(); len(got) != 1 || got[0] != "Send the activation email to 2 contacts created by this import?" {
		t.Errorf("confirm dialogs %q, want one asking for the 2 contacts", got)
	}
	shot(p, "contacts-import-held-sending.png")
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
