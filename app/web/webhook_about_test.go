package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/internal/testkit"
)

// TestWebhookLogNamesWhatEachDeliveryIsAbout checks that every row of
// the delivery log names and links the contact or company its event is
// about, that the log filters by it (keeping the other filters), that a
// deleted company keeps its name, and that a contact's page lists the
// deliveries about it for admins only.
func TestWebhookLogNamesWhatEachDeliveryIsAbout(t *testing.T) {
	rc := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	t.Cleanup(rc.Close)
	ts := newTestServer(t, func(c *config.Config) { c.WebhookAllowNetsRaw = "127.0.0.0/8" })
	runWebhookWorker(t, ts)
	c := ts.admin()
	id, _ := addEndpoint(t, c, hookForm(rc.URL+"/hooks"))
	log := "/admin/webhooks/" + itoa(id)
	acme := itoa(ts.createCompany("Acme", "acme.example"))
	ann := itoa(ts.createContact("Ann Lee", "ann@home.example"))
	ts.createContact("Bo Kim", "bo@home.example")
	body := waitForLog(t, c, log+"?state=delivered", 3)
	wantContains(t, body, `<a href="/contacts/`+ann+`">Ann Lee</a>`, `<a href="/companies/`+acme+`">Acme</a>`, "Bo Kim",
		`href="/admin/webhooks/`+itoa(id)+`?contact=`+ann+`&amp;state=delivered"`, `href="/admin/webhooks/`+itoa(id)+`?company=`+acme+`&amp;state=delivered"`)

	_, body = c.get(log + "?contact=" + ann)
	wantContains(t, body, "About <strong>Ann Lee</strong>", `name="contact" value="`+ann+`"`, "contact.created")
	wantNotContains(t, logOf(body), "Bo Kim", "company.created")
	_, body = c.get(log + "?company=" + acme)
	wantContains(t, body, "About <strong>Acme</strong>", "company.created")
	wantNotContains(t, logOf(body), "contact.created")

	c.get("/companies/" + acme + "/delete")
	resp, body := c.post("/companies/"+acme+"/delete", url.Values{"confirm": {"yes"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	body = waitForLog(t, c, log+"?company="+acme+"&state=delivered", 2)
	wantContains(t, body, "company.deleted", "Acme <small class=\"muted\">(deleted)</small>", "About <strong>deleted company #"+acme+"</strong>")

	_, body = c.get("/contacts/" + ann)
	wantContains(t, body, "Webhook deliveries", `href="/admin/webhooks/`+itoa(id)+`?contact=`+ann+`#delivery-`, "contact.created", rc.URL+"/hooks")
	wantNotContains(t, body, "company.created")
	_, body = ts.agentClient("Bob Agent", "bob@example.com").get("/contacts/" + ann)
	wantContains(t, body, "Ann Lee")
	wantNotContains(t, body, "Webhook deliveries", rc.URL)
}

// waitForLog reloads a delivery log page until it lists n deliveries.
func waitForLog(t *testing.T, c *client, path string, n int) string {
	t.Helper()
	var body string
	testkit.Eventually(t, 20*time.Second, func() bool {
		_, body = c.get(path)
		return strings.Count(body, `<details class="delivery"`) >= n
	}, "%s lists fewer than %d deliveries", path, n)
	return body
}

// logOf cuts a webhook page down to its delivery log.
func logOf(body string) string {
	if i := strings.Index(body, `<div id="log">`); i >= 0 {
		return body[i:]
	}
	return body
}
