package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestContactPageOffersTheLinkItsStateCallsFor(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	unverified := ts.createContact("Unverified One", "u1@example.com")
	noEmail := ts.createContact("No Address")
	blocked := ts.createContact("Blocked One", "b1@example.com")
	admin.post("/contacts/"+itoa(blocked)+"/state", url.Values{"action": {"blocked"}})

	_, body := admin.get("/contacts/" + itoa(unverified))
	wantContains(t, body, "Send activation email", "Change password…")
	wantNotContains(t, body, "Activation sent")
	resp, body := admin.post("/contacts/"+itoa(unverified)+"/activation", nil)
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = admin.get("/contacts/" + itoa(unverified))
	wantContains(t, body, "Activation email sent to u1@example.com.", "Activation sent", "just now")
	for _, id := range []int64{noEmail, blocked} {
		_, body = admin.get("/contacts/" + itoa(id))
		wantNotContains(t, body, "Send activation email", "Send password reset")
		resp, body = admin.post("/contacts/"+itoa(id)+"/activation", nil, htmx...)
		wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	}
	wantContains(t, body, "blocked: it cannot sign in")
}

func TestRowSendSwapsTheRow(t *testing.T) {
	ts := newTestServer(t)
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	id := ts.createContact("Row Person", "row@example.com")
	_, body := agent.get("/contacts?view=unverified")
	wantContains(t, body, `hx-post="/contacts/`+itoa(id)+`/activation"`, "Send activation", `form="bulk"`)

	resp, body := agent.post("/contacts/"+itoa(id)+"/activation", url.Values{"from": {"row"}, "back": {"/contacts?view=unverified"}}, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.HasPrefix(strings.TrimSpace(body), `<tr id="contact-`+itoa(id)+`" class="just-sent">`) {
		t.Fatalf("the answer is not the row:\n%s", body)
	}
	// The row swapped in has the list's cells, its checkbox first.
	wantContains(t, body, "Activation sent", `<td class="pick"><input type="checkbox" name="id" value="`+itoa(id)+`" form="bulk"`)
	wantContains(t, resp.Header.Get("HX-Trigger"), "Activation email sent to row@example.com.")

	resp, _ = agent.post("/contacts/"+itoa(id)+"/activation", url.Values{"from": {"row"}, "again": {"1"}, "back": {"/contacts?view=unverified&page=1"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/contacts?view=unverified&page=1" {
		t.Fatalf("without JavaScript: %d to %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, _ = agent.post("/contacts/"+itoa(id)+"/activation", url.Values{"again": {"1"}, "back": {"https://evil.example/"}})
	if loc := resp.Header.Get("Location"); loc != "/contacts/"+itoa(id) {
		t.Fatalf("went back to %s", loc)
	}
	if n := ts.emailsTo("row@example.com"); n != 3 {
		t.Fatalf("%d emails queued, want 3", n)
	}
}

func TestBulkActivationStartsAJobWithProgress(t *testing.T) {
	ts := newTestServer(t)
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	a := ts.createContact("Bulk A", "a@example.com")
	b := ts.createContact("Bulk B", "b@example.com")
	_, body := agent.get("/contacts?view=unverified&q=bulk")
	wantContains(t, body, "Apply to all 2 matching…", `data-pick-all`, `<option value="activation">`)

	resp, body := agent.post("/activations", url.Values{"all": {"0"}, "view": {"unverified"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	resp, _ = agent.post("/activations", url.Values{"all": {"0"}, "view": {"unverified"}, "id": {itoa(a), itoa(b)}})
	wantStatus(t, resp, "", http.StatusSeeOther)
	page := resp.Header.Get("Location")
	resp, body = agent.get(page)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "<h1>Queuing activation emails</h1>", "Counting contacts…", `<progress aria-label="Progress"></progress>`,
		`hx-trigger="every 1s"`)
	wantNotContains(t, body, "0 of 0 contacts", `value="100"`, "Sending")

	resp, _ = agent.post("/activations", url.Values{"all": {"1"}, "view": {"unverified"}, "q": {"bulk"}, "confirmed": {"1"}})
	wantStatus(t, resp, "", http.StatusSeeOther)
	if resp, _ := agent.get("/activations/999"); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("an unknown job: %d", resp.StatusCode)
	}
}

func TestActivationSwitchSendsToNewContacts(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	if resp, _ := agent.get("/admin/notifications"); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an agent opened the admin page: %d", resp.StatusCode)
	}
	_, body := admin.get("/admin/notifications")
	wantContains(t, body, "Requester notifications", "User activation email")
	wantNotContains(t, body, "checked")

	agent.get("/contacts/new")
	agent.post("/contacts", url.Values{"name": {"Before Switch"}, "email": {"before@example.com"}})
	resp, _ := admin.post("/admin/notifications", url.Values{"activation_auto": {"on"}})
	wantStatus(t, resp, "", http.StatusSeeOther)
	if on, _ := ts.store.ActivationAuto(context.Background()); !on {
		t.Fatal("the switch did not turn on")
	}
	agent.get("/contacts/new")
	resp, _ = agent.post("/contacts", url.Values{"name": {"After Switch"}, "email": {"after@example.com"}})
	wantStatus(t, resp, "", http.StatusSeeOther)
	if ts.emailsTo("before@example.com") != 0 || ts.emailsTo("after@example.com") != 1 {
		t.Fatal("the switch does not decide who is sent the activation email")
	}
	_, body = agent.get(resp.Header.Get("Location"))
	wantContains(t, body, "Contact created. The activation email was sent.")
}

func TestAdminChangesAContactsPassword(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	id, _ := ts.activated(admin, "Oh Ha-na", "hana@example.com", "corn flakes at noon")
	noEmail := ts.createContact("No Address")
	if resp, _ := agent.get("/contacts/" + itoa(id) + "/password"); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an agent opened the form: %d", resp.StatusCode)
	}
	if resp, _ := agent.post("/contacts/"+itoa(id)+"/password", url.Values{"password": {"lemon tree in june"}}); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an agent changed a password: %d", resp.StatusCode)
	}
	_, body := admin.get("/contacts/" + itoa(noEmail) + "/password")
	wantContains(t, body, "has no email address, so they cannot sign in")
	resp, body := admin.post("/contacts/"+itoa(noEmail)+"/password", url.Values{"password": {"lemon tree in june"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)

	before := ts.emailsTo("hana@example.com")
	admin.get("/contacts/" + itoa(id) + "/password")
	resp, body = admin.post("/contacts/"+itoa(id)+"/password", url.Values{"password": {"lemon tree in june"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if ts.emailsTo("hana@example.com") != before {
		t.Fatal("the contact was told without the box ticked")
	}
	resp, _ = ts.client().portalSignIn("hana@example.com", "lemon tree in june")
	wantStatus(t, resp, "", http.StatusSeeOther)
	admin.post("/contacts/"+itoa(id)+"/password", url.Values{"password": {"another fine phrase"}, "notify": {"on"}})
	if ts.emailsTo("hana@example.com") != before+1 {
		t.Fatal("the contact was not told with the box ticked")
	}
}
