package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// TestChannelAddressIsCheckedByTheChannel edits a contact's mobile number
// in place on the contact page, checked by the real kannel-sms plugin: a
// refusal shows the channel's reason with what was typed, an accepted
// number is saved as the channel writes it, with an audit entry.
func TestChannelAddressIsCheckedByTheChannel(t *testing.T) {
	ts, _, _ := newSMSServer(t, nil)
	c := ts.admin()
	id := ts.createContact("Mina Park", "mina@example.com")
	page := "/contacts/" + itoa(id)
	_, body := c.get(page)
	if !strings.Contains(body, `id="channels"`) || !strings.Contains(body, "Mobile (SMS)") {
		t.Fatalf("no channel addresses on the contact page: %s", body)
	}
	if resp, _ := c.postRaw(page+"/addresses/phone", url.Values{"address": {"010-1234-5678"}}); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("save without CSRF: %d", resp.StatusCode)
	}
	resp, body := c.post(page+"/addresses/phone", url.Values{"address": {"call me <b>"}}, htmx...)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "a phone number has only digits") || !strings.Contains(body, `value="call me &lt;b&gt;"`) {
		t.Fatalf("refusal: %s", body)
	}
	resp, body = c.post(page+"/addresses/phone", url.Values{"address": {"010-1234-5678"}}, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(html.UnescapeString(body), `value="+821012345678"`) || !strings.Contains(resp.Header.Get("HX-Trigger"), "Mobile (SMS) address saved.") {
		t.Fatalf("saved: %s", body)
	}
	if got := mobileOf(t, ts, id); got != "+821012345678" {
		t.Fatalf("stored %q", got)
	}
	if e := lastAudit(t, ts, id); e.Action != "updated" || e.Changes[0] != (model.Change{Field: "mobile", To: "+821012345678"}) {
		t.Fatalf("audit %+v", e)
	}
	resp, _ = c.post(page+"/addresses/phone", url.Values{"address": {""}})
	wantStatus(t, resp, "", http.StatusSeeOther)
	if got := mobileOf(t, ts, id); got != "" {
		t.Fatalf("the number %q is still there after clearing it", got)
	}
}

// TestChatAddressIsCheckedByTheXMPPChannel adds a chat id through the
// real xmpp-chat plugin (Node): the channel refuses a bad one with its
// reason and writes a good one bare and in lower case; clearing it
// removes it.
func TestChatAddressIsCheckedByTheXMPPChannel(t *testing.T) {
	ts := newChatServer(t)
	c := ts.admin()
	id := ts.createContact("Mina Park", "mina@example.com")
	page := "/contacts/" + itoa(id)
	_, body := c.get(page)
	wantContains(t, body, "XMPP chat", `action="/contacts/`+itoa(id)+`/addresses/xmpp"`)
	resp, body := c.post(page+"/addresses/xmpp", url.Values{"address": {"mina at example"}}, htmx...)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "an XMPP address looks like name@example.org", `value="mina at example"`)
	resp, body = c.post(page+"/addresses/xmpp", url.Values{"address": {"Mina@Chat.Example.org/phone"}}, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, `value="mina@chat.example.org"`)
	as, err := ts.store.ContactAddresses(context.Background(), id)
	if err != nil || len(as) != 1 || as[0].Kind != "xmpp" || as[0].Address != "mina@chat.example.org" {
		t.Fatalf("stored %+v %v", as, err)
	}
	if e := lastAudit(t, ts, id); e.Changes[0].Field != "xmpp" || e.Changes[0].To != "mina@chat.example.org" {
		t.Fatalf("audit %+v", e)
	}
	c.post(page+"/addresses/xmpp", url.Values{"address": {""}}, htmx...)
	if as, _ := ts.store.ContactAddresses(context.Background(), id); len(as) != 0 {
		t.Fatalf("still stored after clearing: %+v", as)
	}
}

// TestContactPageWithoutChannelsHasNoChannelSection: with no notifier
// installed there is nothing to edit, and nothing is shown.
func TestContactPageWithoutChannelsHasNoChannelSection(t *testing.T) {
	ts := newPluginServer(t)
	c := ts.admin()
	id := ts.createContact("Mina Park", "mina@example.com")
	if _, body := c.get("/contacts/" + itoa(id)); strings.Contains(body, `id="channels"`) {
		t.Fatalf("channel section without channels: %s", body)
	}
}

func lastAudit(t *testing.T, ts *testServer, id int64) model.AuditEntry {
	t.Helper()
	es, err := ts.store.Audit(context.Background(), "contact", id, 1)
	if err != nil || len(es) == 0 {
		t.Fatalf("audit: %v %v", es, err)
	}
	return es[0]
}

func mobileOf(t *testing.T, ts *testServer, id int64) string {
	t.Helper()
	ct, err := ts.store.Contact(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return ct.Mobile
}
