package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// agentPost posts a ticket's form from its page, with the page's token.
func (c *client) ticketForm(id int64, path string, form url.Values) (*http.Response, string) {
	c.ts.t.Helper()
	c.get("/tickets/" + itoa(id))
	return c.post("/tickets/"+itoa(id)+path, form)
}

// portalForm posts a portal ticket's form from its page.
func (c *client) portalForm(id int64, path string, form url.Values) (*http.Response, string) {
	c.ts.t.Helper()
	c.get("/portal/tickets/" + itoa(id))
	return c.post("/portal/tickets/"+itoa(id)+path, form)
}

// eventsOf returns the data of the stored events of one type.
func (ts *testServer) eventsOf(typ string) []map[string]any {
	ts.t.Helper()
	evs, err := ts.store.EventsAfter(context.Background(), 0, 1000)
	if err != nil {
		ts.t.Fatal(err)
	}
	var out []map[string]any
	for _, ev := range evs {
		var env struct {
			Type string         `json:"type"`
			Data map[string]any `json:"data"`
		}
		if err := json.Unmarshal(ev.Payload, &env); err != nil {
			ts.t.Fatal(err)
		}
		if env.Type == typ {
			out = append(out, env.Data)
		}
	}
	return out
}

func TestAgentRepliesAndTheCustomerAnswers(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	_, ann := ts.activated(admin, "Anna Customer", "anna@example.com", "corn flakes at noon")
	id := ann.submitTicket(`<script>alert("s")</script> printer`, "Line one\n<b>two</b>")

	_, body := admin.get("/tickets")
	wantContains(t, body, `href="/tickets"`, "&lt;script&gt;alert(&#34;s&#34;)&lt;/script&gt; printer", "Anna Customer")
	wantNotContains(t, body, `<script>alert("s")`)
	resp, body := admin.ticketForm(id, "/replies", url.Values{"body": {"Try turning it off.\nThen on."}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	resp, body = admin.ticketForm(id, "/replies", url.Values{"body": {"Secret: the printer is cursed"}, "kind": {"note"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = admin.get("/tickets/" + itoa(id))
	wantContains(t, body, "Line one\n&lt;b&gt;two&lt;/b&gt;", "Try turning it off.\nThen on.", "msg-note", "Private note", `id="ticket-time" hx-get="/tickets/`+itoa(id)+`/time" hx-trigger="load"`)

	_, body = ann.get("/portal/tickets/" + itoa(id))
	wantContains(t, body, "Try turning it off.")
	wantNotContains(t, body, "cursed")
	p, err := ts.store.ListEmails(context.Background(), model.MailQuery{Search: "anna@example.com", Page: 1, PerPage: 5})
	if err != nil || len(p.Mails) == 0 || !strings.Contains(p.Mails[0].Text, "Try turning it off.") || strings.Contains(p.Mails[0].Text, "cursed") {
		t.Fatalf("the requester's email: %+v %v", p, err)
	}
	if n := len(ts.eventsOf("ticket.replied")); n != 1 {
		t.Fatalf("%d ticket.replied events, want 1 (the note writes none)", n)
	}

	resp, body = ann.portalForm(id, "/replies", url.Values{"body": {"Still broken."}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = admin.get("/tickets/" + itoa(id))
	wantContains(t, body, "Still broken.")
	replied := ts.eventsOf("ticket.replied")
	if r := replied[len(replied)-1]["reply"].(map[string]any); r["author_kind"] != "customer" {
		t.Fatalf("customer reply event: %v", r)
	}
}

func TestCustomerReplyOrReopenOpensADoneTicket(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	_, ann := ts.activated(admin, "Anna Customer", "anna@example.com", "corn flakes at noon")
	id := ann.submitTicket("Invoice", "Missing.")

	admin.ticketForm(id, "", url.Values{"fields": {"status"}, "status": {"resolved"}})
	_, body := ann.get("/portal/tickets/" + itoa(id))
	wantContains(t, body, "Reopen ticket", "badge-ticket-resolved")
	resp, body := ann.portalForm(id, "/reopen", nil)
	wantStatus(t, resp, body, http.StatusSeeOther)
	ts.wantStatusOf(id, model.TicketOpen)

	admin.ticketForm(id, "", url.Values{"fields": {"status"}, "status": {"closed"}})
	ann.portalForm(id, "/replies", url.Values{"body": {"Thanks, but one more thing."}})
	ts.wantStatusOf(id, model.TicketOpen)
	_, body = admin.get("/tickets/" + itoa(id))
	wantContains(t, body, "changed status from “closed” to “open”", "Anna Customer changed status")
	updated := ts.eventsOf("ticket.updated")
	if len(updated) != 4 || updated[3]["changed"].([]any)[0] != "status" {
		t.Fatalf("ticket.updated events: %v", updated)
	}
}

func (ts *testServer) wantStatusOf(id int64, want model.TicketStatus) {
	ts.t.Helper()
	tk, err := ts.store.Ticket(context.Background(), id)
	if err != nil || tk.Status != want {
		ts.t.Fatalf("ticket %d: %+v %v; want status %s", id, tk, err, want)
	}
}

func TestAgentCorrectsTheCompanyAndAssigns(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	ts.createCompany("Acme", "acme.com")
	beta := ts.createCompany("Beta")
	_, ann := ts.activated(admin, "Ann Acme", "ann@acme.com", "corn flakes at noon")
	id := ann.submitTicket("Wrong company", "x")

	resp, body := admin.ticketForm(id, "", url.Values{"fields": {"company"}, "company": {"Nobody Inc"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "No company is named “Nobody Inc”", `value="Nobody Inc"`)
	resp, body = admin.ticketForm(id, "", url.Values{"fields": {"company"}, "company": {"beta"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	tk, _ := ts.store.Ticket(context.Background(), id)
	if tk.CompanyID != beta {
		t.Fatalf("company %d, want Beta %d", tk.CompanyID, beta)
	}
	_, body = admin.get("/tickets/" + itoa(id))
	wantContains(t, body, "changed company from “Acme” to “Beta”")
	_, body = admin.get("/companies/" + itoa(beta))
	wantContains(t, body, `id="company-tickets"`, "Wrong company")

	me := tk.AssigneeID
	admin.ticketForm(id, "", url.Values{"fields": {"assignee"}, "assignee": {"1"}})
	tk, _ = ts.store.Ticket(context.Background(), id)
	if tk.AssigneeID == me || tk.AssigneeName != "Ann Admin" {
		t.Fatalf("assignee: %+v", tk)
	}
	_, body = admin.get("/tickets?view=mine")
	wantContains(t, body, "Wrong company")
	up := ts.eventsOf("ticket.updated")
	if len(up) != 2 || up[0]["changed"].([]any)[0] != "company" || up[1]["changed"].([]any)[0] != "assignee" {
		t.Fatalf("ticket.updated: %v", up)
	}
}

func TestTicketRoutesKeepAgentsAndCustomersApart(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	_, ann := ts.activated(admin, "Anna Customer", "anna@example.com", "corn flakes at noon")
	id := ann.submitTicket("Mine", "x")
	for _, path := range []string{"/tickets", "/tickets/" + itoa(id)} {
		resp, _ := ann.get(path)
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
			t.Fatalf("customer on %s: %d %s", path, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	// A form posted to the other side's routes carries no token of that
	// side's session: refused before any handler, as every form is.
	resp, body := ann.post("/tickets/"+itoa(id)+"/replies", url.Values{"body": {"as an agent"}})
	wantRefused(t, resp, body, "/login")
	resp, body = admin.post("/portal/tickets/"+itoa(id)+"/replies", url.Values{"body": {"as the customer"}})
	wantRefused(t, resp, body, "/portal/login")
	resp, _ = admin.get("/portal/tickets/" + itoa(id))
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/portal/login") {
		t.Fatalf("agent on a portal ticket: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	rs, _ := ts.store.Replies(context.Background(), id, true)
	if len(rs) != 0 {
		t.Fatalf("replies written by the wrong side: %+v", rs)
	}
}

func TestTicketFormsNeedCSRF(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	_, ann := ts.activated(admin, "Anna Customer", "anna@example.com", "corn flakes at noon")
	id := ann.submitTicket("Forged", "x")
	admin.get("/tickets/" + itoa(id))
	for _, path := range []string{"/tickets/" + itoa(id), "/tickets/" + itoa(id) + "/replies"} {
		resp, body := admin.post(path, url.Values{"_csrf": {""}, "body": {"x"}, "fields": {"status"}, "status": {"closed"}})
		wantStatus(t, resp, body, http.StatusForbidden)
	}
	ann.get("/portal/tickets/" + itoa(id))
	for _, path := range []string{"/portal/tickets/" + itoa(id) + "/replies", "/portal/tickets/" + itoa(id) + "/reopen"} {
		resp, body := ann.post(path, url.Values{"_csrf": {"forged"}, "body": {"x"}})
		wantStatus(t, resp, body, http.StatusForbidden)
	}
	ts.wantStatusOf(id, model.TicketOpen)
}

func TestReplyToADeletedRequesterIsKeptNotEmailed(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	annID, ann := ts.activated(admin, "Anna Gone", "anna@example.com", "corn flakes at noon")
	id := ann.submitTicket("Before I left", "x")
	if err := ts.store.ChangeContactState(context.Background(), testActor, annID, "deleted"); err != nil {
		t.Fatal(err)
	}
	_, body := admin.get("/tickets/" + itoa(id))
	wantContains(t, body, "cannot be emailed", "badge-deleted")
	resp, body := admin.ticketForm(id, "/replies", url.Values{"body": {"Noted."}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	p, _ := ts.store.ListEmails(context.Background(), model.MailQuery{Search: "Noted.", Page: 1, PerPage: 5})
	for _, m := range p.Mails {
		if m.Template == "ticket_reply" {
			t.Fatalf("emailed a deleted requester: %+v", m)
		}
	}
	_, body = admin.get("/tickets/" + itoa(id))
	wantContains(t, body, "Noted.")
}

func TestCompanyViewerRepliesToTheCompanysTicket(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	acme := ts.createCompany("Acme", "acme.com")
	_, ann := ts.activated(admin, "Ann Acme", "ann@acme.com", "corn flakes at noon")
	bobID, bob := ts.activated(admin, "Bob Acme", "bob@acme.com", "corn flakes at noon")
	id := ann.submitTicket("Shared", "x")
	bob.get("/portal/tickets")
	resp, body := bob.post("/portal/tickets/"+itoa(id)+"/replies", url.Values{"body": {"me too"}})
	wantStatus(t, resp, body, http.StatusNotFound)
	if err := ts.store.SetViewAllTickets(context.Background(), testActor, bobID, acme, true); err != nil {
		t.Fatal(err)
	}
	resp, body = bob.portalForm(id, "/replies", url.Values{"body": {"me too"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = ann.get("/portal/tickets/" + itoa(id))
	wantContains(t, body, "Bob Acme", "me too")
}

// wantRefused accepts the CSRF refusal or a redirect to sign in.
func wantRefused(t *testing.T, resp *http.Response, body, login string) {
	t.Helper()
	if resp.StatusCode == http.StatusForbidden {
		return
	}
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), login) {
		t.Fatalf("not refused: %d %s %s", resp.StatusCode, resp.Header.Get("Location"), mainOf(body))
	}
}
