package web_test

import (
	"context"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// With no job runner running, a started import waits, which is how an
// import looks busy to the next one.
func TestImportRefusedWhileAnotherRunsThenCancelled(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	first := admin.startImport(peopleCSV)
	_, page := admin.get(first)
	wantContains(t, page, `hx-trigger="every 1s"`, "Cancel import")

	step := strings.TrimSuffix(admin.draft("more.csv", peopleCSV), "/map")
	_, page = admin.get(step + "/map")
	admin.post(step+"/map", mapForm(page, "step", "next"))
	admin.get(step + "/options")
	resp, body := admin.post(step+"/options", startForm())
	wantStatus(t, resp, body, http.StatusConflict)
	wantContains(t, body, "(people.csv) is waiting for the server to start or resume it", `href="`+first+`"`, `href="`+first+`/cancel"`)

	bob := ts.agentClient("Bob Agent", "bob@example.com")
	bobStep := strings.TrimSuffix(bob.draft("bob.csv", peopleCSV), "/map")
	_, page = bob.get(bobStep + "/map")
	bob.post(bobStep+"/map", mapForm(page, "step", "next"))
	bob.get(bobStep + "/options")
	resp, body = bob.post(bobStep+"/options", startForm())
	wantStatus(t, resp, body, http.StatusConflict)
	wantContains(t, body, "Only an admin or the agent who started it can cancel it.")
	if strings.Contains(body, `href="`+first+`"`) {
		t.Error("an agent is offered a link to another agent's import")
	}

	_, page = admin.get(first + "/cancel")
	wantContains(t, page, "Cancel the import of people.csv?")
	resp, body = admin.post(first+"/cancel", url.Values{})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, page = admin.get(first)
	wantContains(t, page, "Cancelled", "Import cancelled before any row was imported.")
	if strings.Contains(page, `hx-trigger="every 1s"`) {
		t.Error("a cancelled import's page still polls")
	}
	admin.get(step + "/options")
	resp, body = admin.post(step+"/options", startForm())
	wantStatus(t, resp, body, http.StatusSeeOther)
}

func TestImportOfAnotherAgentIsNotFound(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	adminImport := admin.startImport(peopleCSV)
	adminDraft := admin.draft("draft.csv", peopleCSV)
	bob := ts.agentClient("Bob Agent", "bob@example.com")
	for _, path := range []string{adminImport, adminImport + "/file", adminImport + "/failed.csv", adminImport + "/cancel", adminDraft,
		strings.TrimSuffix(adminDraft, "/map") + "/options", "/contacts/imports/999", "/contacts/imports/abc"} {
		resp, body := bob.get(path)
		wantStatus(t, resp, body, http.StatusNotFound)
	}
	resp, body := bob.post(adminImport+"/cancel", url.Values{})
	wantStatus(t, resp, body, http.StatusNotFound)
	resp, body = bob.post(strings.TrimSuffix(adminDraft, "/map")+"/discard", url.Values{})
	wantStatus(t, resp, body, http.StatusNotFound)
	_, body = bob.get("/contacts/imports")
	wantContains(t, body, "No imports yet")

	admin.post(adminImport+"/cancel", url.Values{})
	bobImport := bob.startImport(peopleCSV)
	_, body = bob.get("/contacts/imports")
	wantContains(t, body, "Your imports", "Bob Agent")
	if strings.Contains(body, `href="`+adminImport+`"`) {
		t.Error("an agent's history lists an admin's import")
	}
	resp, body = admin.get(bobImport)
	wantStatus(t, resp, body, http.StatusOK)
	_, body = admin.get("/contacts/imports")
	wantContains(t, body, "Every agent's imports", `href="`+bobImport+`"`, `href="`+adminImport+`"`)
}

func TestImportPostsNeedCSRF(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	progress := c.startImport(peopleCSV)
	step := strings.TrimSuffix(c.draft("people.csv", peopleCSV), "/map")
	token := c.csrf
	c.csrf = ""
	resp, body := c.upload("people.csv", []byte(peopleCSV))
	wantStatus(t, resp, body, http.StatusForbidden)
	for _, path := range []string{step + "/map", step + "/options", step + "/discard", progress + "/cancel"} {
		resp, body := c.post(path, url.Values{"_csrf": {""}, "action": {"start"}})
		wantStatus(t, resp, body, http.StatusForbidden)
	}
	c.csrf = token
	_, page := c.get(progress)
	wantContains(t, page, `hx-trigger="every 1s"`)
}

// startForm is the options step's form with the defaults, asking to start.
func startForm() url.Values {
	return url.Values{"action": {"start"}, "mode": {"upsert"}, "match": {"email"}, "blank": {"keep"}}
}

// TestCancelledImportSaysWhatWasNotImported shows, in the history and on
// the import's page, the rows a cancelled import never reached, and asks
// before cancelling without a count that would be stale.
func TestCancelledImportSaysWhatWasNotImported(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	first := admin.startImport(peopleCSV)
	_, page := admin.get(first + "/cancel")
	wantContains(t, page, "The rows imported by then stay; the others are not imported.")
	ctx := context.Background()
	id, err := strconv.ParseInt(path.Base(first), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.store.BeginImport(ctx, id, 3); err != nil {
		t.Fatal(err)
	}
	if err := ts.store.FinishImport(ctx, id, model.JobCancelled, ""); err != nil {
		t.Fatal(err)
	}
	_, page = admin.get("/contacts/imports")
	wantContains(t, page, `badge-job-cancelled">cancelled</span><small class="muted block">3 not imported</small>`)
	_, page = admin.get(first)
	wantContains(t, page, "Cancelled before any row was imported: <strong>0</strong> of 3 rows")
}
