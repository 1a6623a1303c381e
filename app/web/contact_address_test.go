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
