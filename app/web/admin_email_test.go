package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/internal/testkit"
)

// TestEmailServerSettings sets the SMTP server in Admin > Email through
// the real CSRF flow: the password is stored but never sent back, a blank
// one keeps it, and it can be cleared; bad values come back with their
// messages; only admins reach the page.
func TestEmailServerSettings(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	_, body := c.get("/admin/email")
	wantContains(t, body, "No SMTP server is set", `name="host" value=""`, `value="starttls" checked`)
	resp, body := c.post("/admin/email", url.Values{"_csrf": {""}, "host": {"smtp.example.com"}, "tls": {"starttls"}})
	wantStatus(t, resp, body, http.StatusForbidden)

	c.get("/admin/email")
	resp, body = c.post("/admin/email", url.Values{"host": {"smtp://mail"}, "tls": {"starttls"}, "port": {"0"}, "password": {"hunter22"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Enter the host name alone", "Enter a port from 1 to 65535")
	wantNotContains(t, body, "hunter22")

	form := url.Values{"host": {"smtp.example.com"}, "tls": {"tls"}, "username": {"portico"}, "password": {"hunter22"}}
	resp, body = c.post("/admin/email", form)
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = c.get("/admin/email")
	wantContains(t, body, "SMTP settings saved.", `name="host" value="smtp.example.com"`, `name="port" value="465"`, "••••</span> set",
		`name="clear_password"`, "Portico sends email through this server.")
	wantNotContains(t, body, "hunter22")
	form.Set("password", "")
	c.post("/admin/email", form)
	if m, _ := ts.store.SMTPSettings(context.Background()); m.Password != "hunter22" || m.Username != "portico" {
		t.Fatalf("a blank password did not keep the stored one: %+v", m)
	}
	form.Set("clear_password", "on")
	c.post("/admin/email", form)
	if m, _ := ts.store.SMTPSettings(context.Background()); m.Password != "" {
		t.Fatal("the password was not cleared")
	}
	_, body = c.get("/admin/mailbox")
	wantContains(t, body, "Emails are sent through the SMTP server smtp.example.com:465.")

	resp, body = ts.agentClient("Bob Agent", "bob@example.com").get("/admin/email")
	wantStatus(t, resp, body, http.StatusForbidden)
}

// TestEmailServerTestEmail sends test emails from Admin > Email to the
// in-process SMTP server: one it accepts, with its answer shown, and one
// it refuses, with its refusal shown. Removing the settings keeps email
// in the mailbox again.
func TestEmailServerTestEmail(t *testing.T) {
	d := testkit.StartSMTP(t)
	ts := newTestServer(t)
	c := ts.admin()
	c.get("/admin/email")
	resp, body := c.post("/admin/email/test", url.Values{"to": {"ann@example.com"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Set an SMTP server first")
	resp, body = c.post("/admin/email", url.Values{"host": {d.Host}, "port": {d.Port}, "tls": {"none"}})
	wantStatus(t, resp, body, http.StatusSeeOther)

	c.get("/admin/email")
	resp, body = c.post("/admin/email/test", url.Values{"to": {"ann@example.com"}})
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "The server accepted the test email.", "It answered: <span class=\"copy\">")
	if len(d.Messages()) != 1 {
		t.Fatalf("%d messages arrived, want the test email", len(d.Messages()))
	}
	_, body = c.post("/admin/email/test", url.Values{"to": {"nobody@example.com"}})
	wantContains(t, body, "The test email was not sent.", "550", "No such user here")
	_, body = c.post("/admin/email/test", url.Values{"to": {"not an address"}})
	wantContains(t, body, "Enter the address to send the test email to")

	resp, body = c.post("/admin/email", url.Values{"action": {"clear"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = c.get("/admin/email")
	wantContains(t, body, "SMTP settings removed.", "No SMTP server is set")
}

// TestEmailServerEnvironmentWins: with PORTICO_SMTP_URL set, the page
// says that it is used instead of the settings.
func TestEmailServerEnvironmentWins(t *testing.T) {
	ts := newTestServer(t, func(c *config.Config) { c.SMTPURL = "smtps://u:secret@mail.example.com:465" })
	_, body := ts.admin().get("/admin/email")
	wantContains(t, body, "PORTICO_SMTP_URL is set", "mail.example.com:465", "these settings are not used")
	if strings.Contains(body, "secret") {
		t.Error("the page shows the environment's password")
	}
}
