package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// TestBulkBarTagsTheTickedContacts tags two ticked contacts, one of
// them tagged already, from the list of every contact, and comes back
// to the list saying what it did.
func TestBulkBarTagsTheTickedContacts(t *testing.T) {
	ts := newTestServer(t)
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	a, b := ts.createContact("Tag A", "a@example.com"), ts.createContact("Tag B", "b@example.com")
	if err := ts.store.SetContactTags(context.Background(), testActor, b, []string{"vip"}); err != nil {
		t.Fatal(err)
	}
	_, body := agent.get("/contacts")
	wantContains(t, body, `<form id="bulk"`, `form="bulk" aria-label="Select Tag A"`, `<option value="tag">Add a tag</option>`,
		`<option value="vip">`, "Apply to all 2 matching…")
	wantNotContains(t, body, `<option value="restore">`)

	form := url.Values{"action": {"tag"}, "bulk_tag": {"VIP"}, "id": {itoa(a), itoa(b)}, "all": {"0"}, "back": {"/contacts?page=1"}}
	resp, _ := agent.post("/contacts/bulk", form)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/contacts?page=1" {
		t.Fatalf("tagging: %d to %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, body = agent.get("/contacts?page=1")
	wantContains(t, body, "1 tagged “VIP”; 1 skipped (already tagged).")
	if c, _ := ts.store.Contact(context.Background(), a); len(c.Tags) != 1 {
		t.Fatalf("tags of A: %v", c.Tags)
	}

	form.Set("bulk_tag", "")
	resp, body = agent.post("/contacts/bulk", form)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, `role="alert">Type the tag to add.`)
}

// TestBulkDeleteIsConfirmed asks before deleting even two contacts,
// saying how many, and deletes them once confirmed; the Deleted view
// then offers to restore them.
func TestBulkDeleteIsConfirmed(t *testing.T) {
	ts := newTestServer(t)
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	a, b := ts.createContact("Del A", "a@example.com"), ts.createContact("Del B", "b@example.com")
	agent.get("/contacts")
	form := url.Values{"action": {"delete"}, "id": {itoa(a), itoa(b)}, "all": {"0"}}
	resp, body := agent.post("/contacts/bulk", form)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "<h1>Delete 2 contacts?</h1>", `name="confirmed" value="1"`, `name="id" value="`+itoa(b)+`"`, "Delete 2 contacts</button>")
	if c, _ := ts.store.Contact(context.Background(), a); c.State == model.StateDeleted {
		t.Fatal("deleted before the confirmation")
	}
	form.Set("confirmed", "1")
	resp, _ = agent.post("/contacts/bulk", form)
	wantStatus(t, resp, "", http.StatusSeeOther)
	_, body = agent.get("/contacts?view=deleted")
	wantContains(t, body, "2 deleted.", `<option value="restore">Restore</option>`)
	wantNotContains(t, body, `<option value="tag">`)
}

// TestBulkAllMatchingRunsAJob adds every contact a search matches to a
// company: the count is confirmed first, then a job does it and its page
// says what it did.
func TestBulkAllMatchingRunsAJob(t *testing.T) {
	ts := newTestServer(t)
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	ts.createCompany("Acme")
	for _, n := range []string{"Walker One", "Walker Two", "Walker Three"} {
		ts.createContact(n)
	}
	ts.createContact("Somebody Else")
	agent.get("/contacts")
	form := url.Values{"action": {"company"}, "bulk_company": {"acme"}, "all": {"1"}, "q": {"walker"}}
	resp, body := agent.post("/contacts/bulk", form)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "<h1>Add all 3 matching contacts to Acme?</h1>", `name="bulk_company" value="Acme"`, `name="all" value="1"`)
	form.Set("confirmed", "1")
	resp, _ = agent.post("/contacts/bulk", form)
	wantStatus(t, resp, "", http.StatusSeeOther)
	page := resp.Header.Get("Location")
	if !strings.HasPrefix(page, "/bulk/") {
		t.Fatalf("went to %s, not a job's page", page)
	}
	ts.runJobs()
	resp, body = agent.get(page)
	for i := 0; i < 500 && !strings.Contains(body, "Contacts changed"); i++ {
		resp, body = agent.get(page, htmx...)
	}
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Contacts changed", "3 added to Acme.", "Back to the contacts")
	if resp, _ := agent.get("/bulk/999"); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("an unknown job: %d", resp.StatusCode)
	}
}

// TestBulkExportOpensTheDialogForTheTicked hands the ticked contacts to
// the export dialog, which names them as its scope and exports them only.
func TestBulkExportOpensTheDialogForTheTicked(t *testing.T) {
	ts := newTestServer(t)
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	a, b := ts.createContact("Exp A", "a@example.com"), ts.createContact("Exp B", "b@example.com")
	ts.createContact("Exp C", "c@example.com")
	agent.get("/contacts")
	resp, _ := agent.post("/contacts/bulk", url.Values{"action": {"export"}, "id": {itoa(a), itoa(b)}, "view": {"unverified"}})
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/contacts/export?") {
		t.Fatalf("export: %d to %s", resp.StatusCode, loc)
	}
	_, body := agent.get(loc)
	wantContains(t, body, "2 selected contacts, Unverified")
	id := startExport(t, agent, strings.TrimPrefix(loc, "/contacts/export"), url.Values{"scope": {"current"}, "format": {"csv"}, "fields": {"name"}})
	ts.finishExports(id)
	x, err := ts.store.Export(context.Background(), id)
	if err != nil || x.RowsTotal != 2 || len(x.Query.IDs) != 2 {
		t.Fatalf("export %+v (%v), want the 2 ticked", x, err)
	}
}

// TestRefusedBulkActionKeepsTheForm adds two ticked contacts to a company
// that does not exist: the list comes back saying so, with the same rows
// ticked, the action chosen and the typed name kept, so the agent fixes
// the name instead of starting over.
func TestRefusedBulkActionKeepsTheForm(t *testing.T) {
	ts := newTestServer(t)
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	a, b := ts.createContact("Pick A", "a@example.com"), ts.createContact("Pick B", "b@example.com")
	ts.createContact("Pick C", "c@example.com")
	agent.get("/contacts")
	form := url.Values{"action": {"company"}, "bulk_company": {"Nonexistent Co"}, "id": {itoa(a), itoa(b)}, "all": {"0"}}
	resp, body := agent.post("/contacts/bulk", form)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "No company is named “Nonexistent Co”",
		`aria-label="Select Pick A" checked`, `aria-label="Select Pick B" checked`,
		`<option value="company" selected>Add to a company</option>`, `name="bulk_company" value="Nonexistent Co"`)
	wantNotContains(t, body, `aria-label="Select Pick C" checked`)
}
