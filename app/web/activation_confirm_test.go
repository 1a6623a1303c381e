package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// Sending to all matching contacts from the bulk bar asks first, on a
// page saying how many.
func TestBulkActivationOfAllMatchingIsConfirmed(t *testing.T) {
	ts := newTestServer(t)
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	ts.createContact("Bulk A", "a@example.com")
	ts.createContact("Bulk B", "b@example.com")
	ts.createContact("Other C", "c@example.com")
	_, body := agent.get("/contacts?view=unverified&q=bulk")
	wantContains(t, body, "Apply to all 2 matching…")

	form := url.Values{"action": {"activation"}, "all": {"1"}, "view": {"unverified"}, "q": {"bulk"}}
	resp, body := agent.post("/contacts/bulk", form)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Send the activation email to 2 contacts?", `name="confirmed" value="1"`,
		`name="q" value="bulk"`, `href="/contacts?q=bulk&amp;view=unverified">Cancel`)
	if n := ts.emailsTo("@example.com"); n != 0 {
		t.Fatalf("%d emails queued before confirming", n)
	}

	form.Set("confirmed", "1")
	resp, _ = agent.post("/activations", form, "HX-Request", "true")
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("HX-Redirect") == "" {
		t.Fatalf("confirmed HTMX send: %d %v", resp.StatusCode, resp.Header)
	}
}

// Without JavaScript, "Send to selected" with nothing ticked shows the
// list again and says what to do.
func TestBulkActivationWithNothingTickedShowsTheList(t *testing.T) {
	ts := newTestServer(t)
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	ts.createContact("Bulk A", "a@example.com")
	resp, body := agent.post("/activations", url.Values{"all": {"0"}, "view": {"unverified"}, "q": {"bulk"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, `role="alert">Tick the contacts to send the activation email to`, "Bulk A", `value="bulk"`)
	wantNotContains(t, body, "Error 422")
}
