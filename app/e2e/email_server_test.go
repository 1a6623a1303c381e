package e2e

import (
	"fmt"
	"net/url"
	"testing"
)

// TestEmailServerFromAdmin: with no SMTP server in the environment, an
// admin sets the in-process test server in Admin > Email, sends a test
// email and reads the server's answer; a test to an unknown mailbox
// shows the server's refusal. Without a restart, the next activation
// email goes out through that server.
func TestEmailServerFromAdmin(t *testing.T) {
	d := startSMTPD(t)
	app := startPortico(t)
	u, err := url.Parse(d.URL)
	if err != nil {
		t.Fatal(err)
	}
	p := adminPage(t, app)
	p.open("/admin/email")
	p.waitText("#server", "No SMTP server is set")
	p.fill(`input[name="host"]`, u.Hostname())
	p.click(`input[name="tls"][value="none"]`)
	p.fill(`input[name="port"]`, u.Port())
	p.click(`#server button.primary`)
	p.waitText("#toasts", "SMTP settings saved")
	p.waitText("#server", "Portico sends email through this server.")

	p.click(`#test button`)
	p.waitText("#test .alert", "The server accepted the test email.")
	if m, ok := d.Find(adminEmail); !ok || m.Header.Get("Subject") != "Test email from Portico" {
		t.Fatal("the test email did not arrive")
	}
	p.fill(`#test input[name="to"]`, "nobody@example.com")
	p.click(`#test button`)
	p.waitText("#test .alert.error", "550")
	p.waitText("#test .alert.error", "No such user here")
	shot(p, "admin-email-server.png")

	id := app.createContact(t, contact("Kim Min-jun", "minjun@example.com"))
	p.open(fmt.Sprintf("/contacts/%d", id))
	p.click("form.send-link button")
	p.waitText("form.send-link", "Activation sent")
	if link := linkInMail.FindString(d.textTo(t, "minjun@example.com")); link == "" {
		t.Fatal("the activation email arrived without its link")
	}
}
