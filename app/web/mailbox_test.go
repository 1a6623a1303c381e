package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

func (ts *testServer) queueEmail(name, to, text string) int64 {
	ts.t.Helper()
	id, err := ts.store.QueueEmail(context.Background(), model.NewMail{MessageID: "m-" + to + "@portico.test", To: to, ToName: name,
		Subject: "Activate your account", HTML: `<p style="color:red">Hi</p><script>alert(1)</script>`, Text: text, Template: "activation"})
	if err != nil {
		ts.t.Fatal(err)
	}
	return id
}

func TestAdminPagesRefuseAgents(t *testing.T) {
	ts := newTestServer(t)
	ts.admin()
	id := ts.queueEmail("Ann", "ann@example.com", "Hi")
	c := ts.agentClient("Bo Agent", "bo@example.com")
	for _, path := range []string{"/admin/mailbox", "/admin/mailbox/" + itoa(id), "/admin/mailbox/" + itoa(id) + "/html",
		"/admin/email-templates", "/admin/email-templates/activation"} {
		resp, body := c.get(path)
		wantStatus(t, resp, body, http.StatusForbidden)
	}
	resp, body := c.post("/admin/email-templates/activation", url.Values{"subject": {"x"}, "html": {"x"}, "text": {"x"}})
	wantStatus(t, resp, body, http.StatusForbidden)
	if _, body := c.get("/contacts"); strings.Contains(body, `href="/admin/mailbox"`) {
		t.Fatal("an agent sees the Admin menu")
	}
}

func TestMailboxListsSearchesAndShowsEmails(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	_, body := c.get("/admin/mailbox")
	wantContains(t, body, "SMTP is not configured: emails are kept here and not sent.", `under <a href="/admin/email">Email server</a>`, "No messages yet")
	id := ts.queueEmail("<b>Kim</b>", "kim@example.com", "Open https://portico.test/portal/activate/abc to start.")
	ts.queueEmail("Lee", "lee@example.com", "Hi")
	_, body = c.get("/admin/mailbox")
	wantContains(t, body, "&lt;b&gt;Kim&lt;/b&gt;", "lee@example.com", `href="/admin/mailbox/`+itoa(id)+`"`, "badge-queued")
	_, body = c.get("/admin/mailbox?q=KIM", htmx...)
	if strings.Contains(body, "lee@example.com") || !strings.Contains(body, "kim@example.com") || strings.Contains(body, "<html") {
		t.Fatalf("search fragment:\n%s", body)
	}
	_, body = c.get("/admin/mailbox?q=nobody")
	wantContains(t, body, "No emails to “nobody”")
	_, body = c.get("/admin/mailbox/" + itoa(id))
	wantContains(t, body, `src="/admin/mailbox/`+itoa(id)+`/html"`, "sandbox", `href="https://portico.test/portal/activate/abc"`, "&lt;m-kim@example.com@portico.test&gt;")
	resp, body := c.get("/admin/mailbox/" + itoa(id) + "/html")
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.HasPrefix(csp, "sandbox;") || !strings.Contains(csp, "default-src 'none'") || !strings.Contains(body, "<script>alert(1)</script>") {
		t.Fatalf("the HTML part must be served as sent, under a sandbox policy: %q\n%s", csp, body)
	}
	resp, body = c.get("/admin/mailbox/99999")
	wantStatus(t, resp, body, http.StatusNotFound)
}

func TestEmailTemplateEditPreviewSaveAndReset(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	_, body := c.get("/admin/email-templates")
	wantContains(t, body, "User activation email", "Password reset", "built-in")
	_, body = c.get("/admin/email-templates/activation")
	wantContains(t, body, "Activate your {{.PortalName}} account", "Preview")
	form := url.Values{"subject": {"Welcome, {{.ContactName}}"}, "html": {"<p>Hi {{.ContactName}}, <a href=\"{{.Link}}\">start</a></p>"}, "text": {"Hi {{.ContactName}}: {{.Link}}"}}

	_, body = c.post("/admin/email-templates/activation/preview", form, htmx...)
	wantContains(t, body, "Preview with sample data", "Welcome, Alex Kim", "Hi Alex Kim: https://support.example.com/portal/sample-link")
	if strings.Contains(body, "<html") {
		t.Fatal("an HTMX preview should answer with the panel only")
	}
	frame := regexpFind(t, body, `<iframe class="email-frame" sandbox src="([^"]+)"`)
	resp, body := c.get(strings.ReplaceAll(frame, "&amp;", "&"))
	if !strings.HasPrefix(resp.Header.Get("Content-Security-Policy"), "sandbox;") ||
		body != `<p>Hi Alex Kim, <a href="https://support.example.com/portal/sample-link">start</a></p>` {
		t.Fatalf("the preview frame: %q\n%s", resp.Header.Get("Content-Security-Policy"), body)
	}
	if resp, _ := ts.agentClient("Bo Agent", "bo@example.com").get(frame); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("another agent's view of the draft: %d", resp.StatusCode)
	}
	_, body = c.post("/admin/email-templates/activation/preview", form)
	wantContains(t, body, "<html", "Preview with sample data", `value="Welcome, {{.ContactName}}"`)

	broken := url.Values{"subject": {"Hi"}, "html": {"<p>{{.ContactName</p>"}, "text": {"Hi {{.Nmae}}"}}
	resp, body = c.post("/admin/email-templates/activation", broken)
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Line 1: “&lt;” cannot appear inside {{ }}; is a }} missing?", "Line 1: {{.Nmae}} is not a placeholder", "&lt;p&gt;{{.ContactName&lt;/p&gt;</textarea>")

	resp, body = c.post("/admin/email-templates/activation", form)
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = c.get("/admin/email-templates/activation")
	wantContains(t, body, "customized", `value="Welcome, {{.ContactName}}"`, "Last changed by Ann Admin", "Reset to default")

	resp, body = c.post("/admin/email-templates/activation/reset", nil)
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = c.get("/admin/email-templates/activation")
	wantContains(t, body, "Activate your {{.PortalName}} account", "built-in")
	resp, body = c.get("/admin/email-templates/nope")
	wantStatus(t, resp, body, http.StatusNotFound)
}
