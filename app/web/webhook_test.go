package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/model"
)

// addEndpoint adds an endpoint through the form, follows the redirect to
// its page and returns its id and that page, which shows its secret.
func addEndpoint(t *testing.T, c *client, form url.Values) (int64, string) {
	t.Helper()
	c.get("/admin/webhooks/new")
	resp, body := c.post("/admin/webhooks", form)
	wantStatus(t, resp, body, http.StatusSeeOther)
	loc := resp.Header.Get("Location")
	id := mustID(t, regexpFind(t, loc, `^/admin/webhooks/(\d+)$`))
	resp, body = c.get(loc)
	wantStatus(t, resp, body, http.StatusOK)
	return id, body
}

func hookForm(u string) url.Values {
	return url.Values{"url": {u}, "description": {"CRM sync"}, "scope": {"all"}, "enabled": {"on"}}
}

func TestWebhookListExplainsWebhooksWhenEmpty(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	resp, body := c.get("/admin/webhooks")
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "No webhook endpoints yet", `href="/admin/webhooks/reference">payload reference</a>`, `href="/admin/webhooks/new"`, "retries for 27 hours 35 minutes")
}

func TestWebhookSecretIsShownOnce(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	id, body := addEndpoint(t, c, hookForm("https://hooks.example.com/portico"))
	secret := regexpFind(t, body, `value="(whsec_[^"]+)"`)
	wantContains(t, body, "Endpoint added", "you won't see it again", `data-copy="#secret"`)
	for _, path := range []string{"/admin/webhooks/" + itoa(id), "/admin/webhooks", "/admin/webhooks/" + itoa(id) + "/edit"} {
		resp, page := c.get(path)
		wantStatus(t, resp, page, http.StatusOK)
		if strings.Contains(page, secret) || strings.Contains(page, "whsec_") {
			t.Errorf("%s shows the secret again", path)
		}
	}
	_, list := c.get("/admin/webhooks")
	wantContains(t, list, "https://hooks.example.com/portico", "CRM sync", "All events", "None yet")
}

func TestWebhookFormRefusesBadInput(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	cases := []struct {
		name, field, value, want string
	}{
		{"reserved header", "headers", "Webhook-Signature: v1,forged", "Portico sets Webhook-Signature itself"},
		{"host header", "headers", "Host: evil.example", "Portico sets Host itself"},
		{"malformed header", "headers", "no colon here", "Name: value"},
		{"ftp URL", "url", "ftp://example.com/x", "absolute http:// or https:// URL"},
		{"loopback", "url", "http://127.0.0.1:8080/hooks", "loopback, private, link-local"},
		{"metadata", "url", "http://169.254.169.254/latest", "PORTICO_WEBHOOK_ALLOW_NETS"},
		{"no types ticked", "scope", "some", "Tick at least one event type"},
	}
	for _, tc := range cases {
		form := hookForm("https://hooks.example.com/x")
		form.Set(tc.field, tc.value)
		c.get("/admin/webhooks/new")
		resp, body := c.post("/admin/webhooks", form)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, tc.want) {
			t.Errorf("%s: status %d, want 422 with %q", tc.name, resp.StatusCode, tc.want)
		}
	}
	if eps, _ := ts.store.WebhookEndpoints(context.Background(), false); len(eps) != 0 {
		t.Errorf("%d endpoints saved from refused forms", len(eps))
	}
}

func TestWebhookPagesAreForAdminsOnly(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	id, _ := addEndpoint(t, admin, hookForm("https://hooks.example.com/x"))
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	for _, path := range []string{"/admin/webhooks", "/admin/webhooks/new", "/admin/webhooks/" + itoa(id)} {
		if resp, body := agent.get(path); resp.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s as an agent: %d\n%s", path, resp.StatusCode, mainOf(body))
		}
	}
	for _, path := range []string{"/admin/webhooks", "/admin/webhooks/" + itoa(id) + "/rotate", "/admin/webhooks/" + itoa(id) + "/delete"} {
		if resp, _ := agent.post(path, url.Values{"url": {"https://evil.example"}, "confirm": {"yes"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s as an agent: %d", path, resp.StatusCode)
		}
	}
	if eps, _ := ts.store.WebhookEndpoints(context.Background(), false); len(eps) != 1 {
		t.Errorf("%d endpoints after an agent's posts, want 1", len(eps))
	}
}

func TestWebhookPostsNeedCSRF(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	id, _ := addEndpoint(t, c, hookForm("https://hooks.example.com/x"))
	form := hookForm("https://hooks.example.com/y")
	form.Set("_csrf", "")
	for _, path := range []string{"/admin/webhooks", "/admin/webhooks/" + itoa(id), "/admin/webhooks/" + itoa(id) + "/test"} {
		if resp, _ := c.postRaw(path, form); resp.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s without a token: %d", path, resp.StatusCode)
		}
	}
}

func TestWebhookEditDisableRotateDelete(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	id, first := addEndpoint(t, c, hookForm("https://hooks.example.com/x"))
	path := "/admin/webhooks/" + itoa(id)
	resp, body := c.get(path + "/edit")
	wantStatus(t, resp, body, http.StatusOK)
	form := url.Values{"url": {"https://hooks.example.com/v2"}, "description": {"Billing"}, "scope": {"some"},
		"event_types": {"contact.verified", "company.created"}, "headers": {"Authorization: Bearer abc"}, "enabled": {"on"}}
	resp, body = c.post(path, form)
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = c.get(path)
	wantContains(t, body, "https://hooks.example.com/v2", "Billing", "contact.verified", "company.created", "Authorization: ••••••")
	_, body = c.get(path + "/edit")
	wantContains(t, body, `value="contact.verified" checked`, "Authorization:\n", "Leave a value empty to keep it")
	if strings.Contains(body, "Bearer abc") {
		t.Error("the edit form shows a header's value")
	}

	c.post(path+"/enabled", url.Values{})
	if ep, _ := ts.store.WebhookEndpoint(context.Background(), id); ep.Enabled {
		t.Error("still enabled after Disable")
	}
	c.post(path+"/enabled", url.Values{"enabled": {"on"}})
	if ep, _ := ts.store.WebhookEndpoint(context.Background(), id); !ep.Enabled || ep.Headers["Authorization"] != "Bearer abc" {
		t.Errorf("after Enable: %+v", ep)
	}

	_, body = c.get(path + "/rotate")
	wantContains(t, body, "stays valid for 24 hours")
	resp, body = c.post(path+"/rotate", url.Values{"confirm": {"yes"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = c.get(path)
	if regexpFind(t, body, `value="(whsec_[^"]+)"`) == regexpFind(t, first, `value="(whsec_[^"]+)"`) {
		t.Error("rotation kept the same secret")
	}
	wantContains(t, body, "both the old and the new secret sign")

	_, body = c.get(path + "/delete")
	wantContains(t, body, "Delete this endpoint?")
	resp, body = c.post(path+"/delete", url.Values{"confirm": {"yes"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if resp, _ := c.get(path); resp.StatusCode != http.StatusNotFound {
		t.Errorf("deleted endpoint: %d", resp.StatusCode)
	}
}

func TestWebhookDeliveryOfAnotherEndpointIsNotFound(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	a, _ := addEndpoint(t, c, hookForm("https://a.example.com/x"))
	b, _ := addEndpoint(t, c, hookForm("https://b.example.com/x"))
	c.post("/admin/webhooks/"+itoa(a)+"/test", nil)
	page, err := ts.store.WebhookDeliveries(context.Background(), model.DeliveryQuery{EndpointID: a})
	if err != nil || len(page.Deliveries) != 1 {
		t.Fatalf("deliveries of a: %v %v", page, err)
	}
	d := itoa(page.Deliveries[0].ID)
	if resp, _ := c.post("/admin/webhooks/"+itoa(b)+"/deliveries/"+d+"/resend", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("resend through another endpoint: %d", resp.StatusCode)
	}
	resp, body := c.post("/admin/webhooks/"+itoa(a)+"/deliveries/"+d+"/resend", nil)
	wantStatus(t, resp, body, http.StatusSeeOther)
}

func TestWebhookResendFailedSinceSaysHowMany(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	id, _ := addEndpoint(t, c, hookForm("https://a.example.com/x"))
	failDeliveries(t, ts, id, 3)
	since := time.Now().UTC().Add(-time.Hour).Format("2006-01-02T15:04")
	path := "/admin/webhooks/" + itoa(id) + "/resend-failed"
	resp, body := c.get(path + "?since=" + url.QueryEscape(since))
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Resend 3 failed deliveries?")
	resp, body = c.post(path, url.Values{"since": {since}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	page, _ := ts.store.WebhookDeliveries(context.Background(), model.DeliveryQuery{EndpointID: id, State: model.DeliveryPending})
	if len(page.Deliveries) != 3 {
		t.Errorf("%d pending after resending, want 3", len(page.Deliveries))
	}
	_, body = c.get(path + "?since=" + url.QueryEscape(since))
	wantContains(t, body, "No failed deliveries")
	if resp, _ := c.get(path + "?since=yesterday"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("unreadable time: %d", resp.StatusCode)
	}
}

// failDeliveries sends n test events to an endpoint and records each
// first attempt as a final failure, as an exhausted retry schedule does.
func failDeliveries(t *testing.T, ts *testServer, endpointID int64, n int) {
	t.Helper()
	ctx := context.Background()
	for range n {
		if _, err := ts.store.SendWebhookTest(ctx, endpointID, testPayload(endpointID)); err != nil {
			t.Fatal(err)
		}
	}
	claimed, err := ts.store.ClaimWebhookDeliveries(ctx, endpointID, n, time.Minute)
	if err != nil || len(claimed) != n {
		t.Fatalf("claim: %d %v", len(claimed), err)
	}
	var outs []model.WebhookOutcome
	for _, d := range claimed {
		outs = append(outs, model.WebhookOutcome{Delivery: d, Attempt: model.WebhookAttempt{AttemptedAt: time.Now(), Status: 500}})
	}
	if err := ts.store.RecordWebhookAttempts(ctx, outs, nil); err != nil {
		t.Fatal(err)
	}
}

// TestWebhookEditKeepsHiddenHeaderValues saves the edit form as it comes
// (header names without values) and with changes: an empty value keeps
// the current one, a value replaces it and a deleted line removes it.
func TestWebhookEditKeepsHiddenHeaderValues(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	form := hookForm("https://hooks.example.com/x")
	form.Set("headers", "Authorization: Bearer abcdefghijklmnop1234\nX-Team: support")
	id, _ := addEndpoint(t, c, form)
	path := "/admin/webhooks/" + itoa(id)
	_, body := c.get(path)
	wantContains(t, body, "Authorization: ••••••1234", "X-Team: ••••••")
	_, body = c.get(path + "/edit")
	text := regexpFind(t, body, `(?s)<textarea name="headers"[^>]*>(.*?)</textarea>`)
	if text != "Authorization:\nX-Team:\n" {
		t.Errorf("edit form headers %q, want the names alone", text)
	}
	steps := []struct {
		headers string
		want    map[string]string
	}{
		{text, map[string]string{"Authorization": "Bearer abcdefghijklmnop1234", "X-Team": "support"}},
		{"authorization:\nX-Team: billing", map[string]string{"authorization": "Bearer abcdefghijklmnop1234", "X-Team": "billing"}},
		{"X-Team:", map[string]string{"X-Team": "billing"}},
	}
	for _, st := range steps {
		form.Set("headers", st.headers)
		resp, body := c.post(path, form)
		wantStatus(t, resp, body, http.StatusSeeOther)
		ep, _ := ts.store.WebhookEndpoint(context.Background(), id)
		if fmt.Sprint(ep.Headers) != fmt.Sprint(st.want) {
			t.Errorf("after saving %q: headers %v, want %v", st.headers, ep.Headers, st.want)
		}
	}
}

// TestWebhookSecretWaitsForItsSession checks that a new endpoint's
// secret is kept for the session that added it: another session opening
// the page first neither sees it nor uses it up, and a partial update of
// the log leaves it for the full page.
func TestWebhookSecretWaitsForItsSession(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	other := ts.client()
	other.get("/login")
	if resp, _ := other.post("/login", url.Values{"email": {"ann@example.com"}, "password": {"correct horse battery"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("second sign-in: %d", resp.StatusCode)
	}
	c.get("/admin/webhooks/new")
	resp, body := c.post("/admin/webhooks", hookForm("https://hooks.example.com/portico"))
	wantStatus(t, resp, body, http.StatusSeeOther)
	loc := resp.Header.Get("Location")
	if strings.Contains(loc, "whsec_") || strings.Contains(resp.Header.Get("Set-Cookie"), "whsec_") {
		t.Fatalf("the secret travels in the redirect: %s", loc)
	}
	if _, page := other.get(loc); strings.Contains(page, "whsec_") {
		t.Error("another admin sees the secret")
	}
	if _, frag := c.get(loc+"?state=failed", htmx...); strings.Contains(frag, "whsec_") {
		t.Error("the log's partial update shows the secret")
	}
	resp, page := c.get(loc)
	wantContains(t, page, "whsec_")
	if resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("page with the secret has Cache-Control %q", resp.Header.Get("Cache-Control"))
	}
}

// TestWebhookRefusesDuplicateURL adds the same URL twice and edits
// another endpoint to it: both are refused with a link to the endpoint
// that has it, and nothing is saved.
func TestWebhookRefusesDuplicateURL(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	first, _ := addEndpoint(t, c, hookForm("https://hooks.example.com/x"))
	second, _ := addEndpoint(t, c, hookForm("https://hooks.example.com/y"))
	link := `<a href="/admin/webhooks/` + itoa(first) + `">Open the existing endpoint</a>`
	c.get("/admin/webhooks/new")
	resp, body := c.post("/admin/webhooks", hookForm("https://hooks.example.com/x"))
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "An endpoint for this URL exists already", link)
	resp, body = c.post("/admin/webhooks/"+itoa(second), hookForm("https://hooks.example.com/x"))
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, link)
	resp, body = c.post("/admin/webhooks/"+itoa(first), hookForm("https://hooks.example.com/x"))
	wantStatus(t, resp, body, http.StatusSeeOther)
	eps, _ := ts.store.WebhookEndpoints(context.Background(), false)
	if len(eps) != 2 || eps[1].URL != "https://hooks.example.com/y" {
		t.Errorf("endpoints after refused forms: %+v", eps)
	}
}
