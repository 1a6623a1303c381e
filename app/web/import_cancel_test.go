package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestImportCancelledBeforeAnyRow cancels an import that waits for its
// first run: its page, the flash and the history give the file's rows,
// not "0 of 0", and never say imported rows stay.
func TestImportCancelledBeforeAnyRow(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	page := admin.startImport(peopleCSV)
	resp, body := admin.post(page+"/cancel", url.Values{})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = admin.get(page)
	wantContains(t, body, "Import cancelled before any row was imported.",
		"Cancelled before any row was imported: <strong>0</strong> of 3 rows",
		"Nothing was imported: no contact was created or changed.")
	if strings.Contains(body, "stay") || strings.Contains(body, "0 of 0") {
		t.Error("a cancelled import that imported nothing says rows stay, or 0 of 0")
	}
	_, body = admin.get("/contacts/imports")
	wantContains(t, body, `<small class="muted block">3 rows</small>`, `<small class="muted block">3 not imported</small>`)
}

// TestImportCancelWhileRunningSaysItStopsAfterItsBatch cancels an import
// a worker runs: it stops only after the batch it writes.
func TestImportCancelWhileRunningSaysItStopsAfterItsBatch(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	page := admin.startImport(peopleCSV)
	if _, err := ts.store.ClaimJob(context.Background(), "worker", []string{"import"}, time.Minute); err != nil {
		t.Fatal(err)
	}
	resp, body := admin.post(page+"/cancel", url.Values{})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = admin.get(page)
	wantContains(t, body, "Cancelling: the import stops after the rows it is writing now, which stay.")
}

// TestImportCancelConfirmTellsOfHeldEmails: the confirmation says the
// activation emails of the contacts created so far are held only when
// the import was asked to send them.
func TestImportCancelConfirmTellsOfHeldEmails(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	held := "The contacts created so far will not get it: their emails are held, and you can send them from the import's page afterwards."
	page := admin.startImport(peopleCSV)
	_, body := admin.get(page + "/cancel")
	wantContains(t, body, "Cancel the import of people.csv?")
	if strings.Contains(body, "activation") {
		t.Error("the confirmation of an import sending no email speaks of emails")
	}
	admin.post(page+"/cancel", url.Values{})

	page, _ = importWithNewContacts(admin, newPerson("Kim Minjun", "minjun@example.com"))
	_, body = admin.get(page + "/cancel")
	wantContains(t, body, "It was asked to send the activation email to the contacts it creates.", held)
}
