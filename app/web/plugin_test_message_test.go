package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/internal/testkit"
)

// TestAdminSendsATestMessageThroughKannel sends a test message from the
// kannel-sms instance's page through a real Kannel: the fake SMSC's log
// shows the text at the number, and the page shows the channel's answer;
// an address the channel refuses shows its error kind and reason.
func TestAdminSendsATestMessageThroughKannel(t *testing.T) {
	k := testkit.StartKannel(t)
	ts, _, id := newSMSServer(t, k)
	c := ts.admin()
	inst := "/admin/plugins/kannel-sms/instances/" + itoa(id)
	if _, body := c.get(inst); !strings.Contains(body, "Send a test message") {
		t.Fatalf("no test message form: %s", body)
	}
	form := url.Values{"kind": {"phone"}, "address": {"+82 10 2222 3333"}, "text": {"Portico test: all good"}}
	if resp, _ := c.postRaw(inst+"/message", form); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("send without CSRF: %d", resp.StatusCode)
	}
	resp, body := c.post(inst+"/message", form, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	body = html.UnescapeString(body)
	if !strings.Contains(body, "Accepted for +82 10 2222 3333") || !strings.Contains(body, "1 segment.") || !strings.Contains(body, "kannel-") {
		t.Fatalf("answer: %s", body)
	}
	var got []testkit.SMS
	testkit.Eventually(t, 15*time.Second, func() bool { got = k.Received(t); return len(got) == 1 }, "the fake SMSC got %v", got)
	if got[0].To != "+821022223333" || got[0].Text != "Portico test: all good" {
		t.Fatalf("the fake SMSC got %+v", got[0])
	}
	form.Set("address", "not a number")
	_, body = c.post(inst+"/message", form, htmx...)
	if !strings.Contains(body, "Not delivered: <strong>invalid address</strong>") || !strings.Contains(body, "only digits") {
		t.Fatalf("refusal: %s", body)
	}
	if _, body = c.get(inst); !strings.Contains(html.UnescapeString(body), "Test message to +82 10 2222 3333 accepted") {
		t.Fatalf("activity: %s", body)
	}
}
