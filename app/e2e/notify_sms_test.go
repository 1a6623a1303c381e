package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/pluginhost"
	"github.com/portico-hub/portico/app/store"
)

// smsPortico is Portico at http://localhost with the kannel-sms example
// approved and an instance, "Phones", sending through a real Kannel whose
// fake SMSC logs every SMS; email stays in the built-in mailbox.
type smsPortico struct {
	*portico
	kannel  *testkit.Kannel
	channel int64
}

func startSMSPortico(t *testing.T) *smsPortico {
	t.Helper()
	needBrowser(t)
	k := testkit.StartKannel(t)
	var id int64
	app := startExamplePortico(t, "kannel-sms", func(cfg *config.Config, port int) {
		cfg.BaseURL, cfg.WebhookAllowNetsRaw = fmt.Sprintf("http://localhost:%d", port), "127.0.0.0/8"
	}, func(h *pluginhost.Host, st *store.Store) { id = approveSMS(t, h, st, k) })
	return &smsPortico{portico: app, kannel: k, channel: id}
}

// approveSMS approves kannel-sms and configures its instance on k.
func approveSMS(t *testing.T, h *pluginhost.Host, st *store.Store, k *testkit.Kannel) int64 {
	t.Helper()
	ctx := context.Background()
	if err := h.Approve(ctx, "kannel-sms", nil, 0); err != nil {
		t.Fatal(err)
	}
	cfg := fmt.Sprintf(`{"url":%q,"username":%q,"from":"Portico","country_code":"82"}`, k.URL, testkit.KannelUser)
	id, err := st.SavePluginInstance(ctx, model.PluginInstance{PluginID: "kannel-sms", Name: "Phones", Config: cfg,
		Secrets: map[string]string{"password": testkit.KannelPassword}})
	if err != nil {
		t.Fatal(err)
	}
	if hl, err := h.TestConnection(ctx, id); err != nil || !hl.OK {
		t.Fatalf("kannel-sms: %+v %v", hl, err)
	}
	return id
}

// TestActivationBySMSWithEmailFallback: an admin makes the SMS channel
// activation's first channel with email behind it, in Admin >
// Notifications. Activation sent to a contact with a mobile number
// reaches the fake SMSC as an SMS; to a contact without one, it is kept
// in the mailbox, which says why it went by email. The customer opens
// the SMS link, creates a passkey, lands signed in, and the
// contact.verified webhook reaches a loopback receiver.
func TestActivationBySMSWithEmailFallback(t *testing.T) {
	app := startSMSPortico(t)
	hooks := startReceiver(t, app.portico)
	p := adminPage(t, app.portico)
	p.open("/admin/notifications")
	p.waitText("#rule-activation", "Now: email")
	p.fill(`#rule-activation select[name="mode"]`, "then")
	p.fill(`#rule-activation select[name="channel"]`, fmt.Sprintf("instance:%d", app.channel))
	shotWidths(p, "admin-notifications")
	p.click(`#rule-activation button`)
	p.waitText(".toasts", "Account activation now goes by SMS through Kannel: Phones, then email.")
	p.waitText("#rule-activation", "Now: SMS through Kannel: Phones, then email")
	p.click(`#rule-activation a[href="/admin/notifications/texts/activation"]`)
	p.waitText("#channel-preview", "1 SMS segment")
	p.clearField(`textarea[name="text"]`)
	p.typeKeys(`textarea[name="text"]`, "{{.PortalName}}: hi {{.ContactName}}, your account is waiting: {{.Link}}")
	p.waitText("#channel-preview", "Portico Support: hi Alex Kim, your account is waiting: https://")
	shotWidths(p, "admin-channel-text")
	p.open(fmt.Sprintf("/admin/plugins/kannel-sms/instances/%d", app.channel))
	p.fill(`input[name="address"]`, "+82 10 5555 6666")
	p.click(`form[hx-post$="/message"] button`)
	p.waitText("#test-message", "Accepted for +82 10 5555 6666")
	if got := smsTo(t, app.kannel, "+821055556666"); got != "Test message from Portico." {
		t.Errorf("the test message reached the fake SMSC as %q", got)
	}
	shotWidths(p, "admin-channel-test-message")

	mina := createContact(p, "Mina Park", "mina@example.com", "010-2345-6789")
	p.click(`.send-link button.primary`)
	p.waitText("#toasts", "Activation sent to 010-2345-6789 by SMS through Kannel: Phones.")
	reopenUntil(p, fmt.Sprintf("/contacts/%d", mina), "#messages", "SMS through Kannel: Phones")
	shotWidths(p, "contact-messages")
	jo := createContact(p, "Jo Lee", "jo@example.com", "")
	p.click(`.send-link button.primary`)
	p.waitText("#toasts", "Activation email sent to jo@example.com.")
	reopenUntil(p, fmt.Sprintf("/contacts/%d", jo), "#messages", "jo@example.com")
	p.expectConsole("status of 422") // the refused address answers 422
	p.fill(`#addr-phone`, "call me")
	p.click(`#channels form button`)
	p.waitText("#channels .error", "a phone number has only digits")
	shotWidths(p, "contact-channel-refused")
	p.fill(`#addr-phone`, "010 9876 5432")
	p.click(`#channels form button`)
	p.waitText("#toasts", "Mobile (SMS) address saved.")
	p.waitText("#profile", "+821098765432")
	var parts int
	p.eval(`document.querySelectorAll("#profile, #timeline, #contact-head").length`, &parts)
	if parts != 3 {
		t.Errorf("after saving in place the page has %d profiles, timelines and headers, want one of each", parts)
	}

	sms := smsTo(t, app.kannel, "+821023456789")
	link := linkInMail.FindString(sms)
	if link == "" || !strings.Contains(sms, "Mina Park") {
		t.Fatalf("the SMS %q carries no activation link", sms)
	}
	reopenUntil(p, "/admin/mailbox?channel=email&state=kept", "#results", "jo@example.com")
	if notes := p.texts("#results .mail-note"); len(notes) != 1 {
		t.Errorf("Jo's email says nothing of why it went by email: %q", notes)
	}
	reopenUntil(p, "/admin/mailbox?channel=email&state=skipped", "#results", "mina@example.com")
	p.open("/admin/mailbox")
	shotWidths(p, "admin-mailbox")

	u, _ := url.Parse(link)
	c := newPage(t, app.portico)
	c.addAuthenticator()
	c.open(u.Path)
	c.waitText("h1", "Activate your account")
	c.waitFor("the passkey offer", `() => !document.querySelector(".passkey-offer").hidden`)
	c.click(`.passkey-offer [data-passkey-start]`)
	c.waitPath("/portal")
	c.waitText("main", "Signed in as Mina Park")

	var verified events.ContactVerified
	if err := json.Unmarshal(hooks.wait(t, events.TypeContactVerified), &verified); err != nil {
		t.Fatal(err)
	}
	if verified.Method != "passkey" || verified.Contact.ID != mina || verified.Contact.State != "verified" {
		t.Fatalf("contact.verified webhook: %+v", verified)
	}
	pages := []string{fmt.Sprintf("/contacts/%d", mina), fmt.Sprintf("/contacts/%d", jo), "/admin/notifications",
		"/admin/notifications/texts/activation", "/admin/mailbox", fmt.Sprintf("/admin/mailbox?channel=instance:%d", app.channel),
		fmt.Sprintf("/admin/plugins/kannel-sms/instances/%d", app.channel)}
	for _, w := range []int64{390, 1366} {
		p.do(chromedp.EmulateViewport(w, 900))
		p.tour(pages, w)
	}
}

// createContact creates a contact through the form and returns its id,
// on its page.
func createContact(p *page, name, email, mobile string) int64 {
	p.t.Helper()
	p.open("/contacts/new")
	p.fill(`input[name="name"]`, name)
	p.fill(`input[name="email"]`, email)
	if mobile != "" {
		p.fill(`input[name="mobile"]`, mobile)
	}
	p.click(`form button.primary`)
	p.waitText("h1", name)
	return mustID(p.t, p.location().Path)
}

// reopenUntil reloads path until sel shows want: the page shows what
// background work did by the time it loaded.
func reopenUntil(p *page, path, sel, want string) {
	p.t.Helper()
	testkit.Eventually(p.t, pageTimeout, func() bool {
		p.open(path)
		return strings.Contains(strings.Join(p.texts(sel), " "), want)
	}, "%s never showed %q", path, want)
}

// smsTo waits for the fake SMSC to receive an SMS to a number.
func smsTo(t *testing.T, k *testkit.Kannel, to string) string {
	t.Helper()
	var text string
	testkit.Eventually(t, pageTimeout, func() bool {
		for _, m := range k.Received(t) {
			if m.To == to {
				text = m.Text
				return true
			}
		}
		return false
	}, "no SMS to %s reached the fake SMSC", to)
	return text
}
