package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestSecondLinkMinutesAfterTheFirstAsksFirst: a send to a contact sent
// a link moments ago, from a page loaded before (a double click), sends
// nothing and asks; the list row and the contact's page say when the
// last went and offer to send again, which does.
func TestSecondLinkMinutesAfterTheFirstAsksFirst(t *testing.T) {
	ts := newTestServer(t)
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	id := ts.createContact("Bob Twice", "bob@example.com")
	path := "/contacts/" + itoa(id) + "/activation"
	agent.get("/contacts")
	resp, _ := agent.post(path, nil)
	wantStatus(t, resp, "", http.StatusSeeOther)

	resp, body := agent.post(path, nil)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "<h1>Send Bob Twice another link?</h1>", "A link went to bob@example.com", "just now",
		`name="again" value="1"`, "Send again</button>")
	resp, body = agent.post(path, url.Values{"from": {"row"}, "back": {"/contacts"}}, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.HasPrefix(strings.TrimSpace(body), `<tr id="contact-`+itoa(id)+`">`) {
		t.Fatalf("the answer is not the row:\n%s", body)
	}
	wantContains(t, body, "send again?", `name="again" value="1"`)
	wantContains(t, resp.Header.Get("HX-Trigger"), "A link went to bob@example.com just now")
	if n := ts.emailsTo("bob@example.com"); n != 1 {
		t.Fatalf("%d emails queued, want the first alone", n)
	}

	_, body = agent.get("/contacts?view=unverified")
	wantContains(t, body, "send again?</button>")
	_, body = agent.get("/contacts/" + itoa(id))
	wantContains(t, body, "; send again?</small>", "Send again</button>")
	resp, _ = agent.post(path, url.Values{"again": {"1"}})
	wantStatus(t, resp, "", http.StatusSeeOther)
	if n := ts.emailsTo("bob@example.com"); n != 2 {
		t.Fatalf("%d emails queued after sending again, want 2", n)
	}
}
