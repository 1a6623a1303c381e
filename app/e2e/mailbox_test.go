package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/portico-hub/portico/app/mail"
)

// TestMailboxAndTemplatePreview reads an email in Admin > Mailbox, its
// HTML part framed under its own sandbox policy, then edits a template
// and previews it in place. A policy violation in either fails the test.
// With PORTICO_SCREENSHOTS set it saves both pages there.
func TestMailboxAndTemplatePreview(t *testing.T) {
	app := startPortico(t)
	app.createAdmin(t)
	mailer := &mail.Mailer{Store: app.Store, Templates: &mail.Templates{Store: app.Store}, PortalName: "Acme Support"}
	id, err := mailer.Queue(context.Background(), mail.KeyActivation, mail.Recipient{Name: "Kim Min-jun", Address: "minjun@example.com"},
		mail.Data{Link: app.URL + "/portal/activate/sample", ExpiresIn: "72 hours"})
	if err != nil {
		t.Fatal(err)
	}
	p := newPage(t, app)
	p.signIn()
	p.open("/admin/mailbox")
	p.waitText(".alert.warn", "SMTP is not configured: emails are kept here and not sent.")
	p.click(`a[href="/admin/mailbox/` + strconv.FormatInt(id, 10) + `"]`)
	p.waitText("h1", "Activate your Acme Support account")
	p.waitText("ul.links", app.URL+"/portal/activate/sample")
	p.waitFor("the framed HTML part", `() => { const f = document.querySelector("iframe.email-frame"); return f && f.getBoundingClientRect().height > 100 }`)
	shot(p, "mailbox-email.png")

	p.open("/admin/email-templates/activation")
	p.markWindow()
	p.fill(`input[name="subject"]`, "Welcome to {{.PortalName}}, {{.ContactName}}")
	p.click(`button[hx-post$="/preview"]`)
	p.waitText("#preview", "Welcome to Portico Support, Alex Kim")
	p.samePage("Preview")
	shot(p, "email-template-preview.png")
}

func shot(p *page, name string) {
	if dir := os.Getenv("PORTICO_SCREENSHOTS"); dir != "" {
		p.screenshot(filepath.Join(dir, name))
	}
}
