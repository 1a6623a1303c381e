package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// TestNotificationsWithoutChannelsSayWhereToGetOne: with no channel every
// message goes by email, and the page links to Admin > Plugins.
func TestNotificationsWithoutChannelsSayWhereToGetOne(t *testing.T) {
	ts := newPluginServer(t)
	c := ts.admin()
	_, body := c.get("/admin/notifications")
	wantContains(t, body, "Every message goes by email", `href="/admin/plugins"`, "Account activation", "Ticket messages")
	if strings.Contains(body, `name="mode"`) {
		t.Fatalf("rule forms without channels: %s", body)
	}
}

// TestAdminRoutesActivationBySMSThenEmail chooses the kannel-sms instance
// then email for activation, through the CSRF flow; the rule is stored,
// audited in words, and confirmed; an unknown channel is refused.
func TestAdminRoutesActivationBySMSThenEmail(t *testing.T) {
	ts, _, id := newSMSServer(t, nil)
	c := ts.admin()
	_, body := c.get("/admin/notifications")
	wantContains(t, body, `value="instance:`+itoa(id)+`"`, "SMS through Kannel: Phones", "Now: email")
	form := url.Values{"mode": {"then"}, "channel": {"instance:" + itoa(id)}}
	if resp, _ := c.postRaw("/admin/notifications/rules/activation", form); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("save without CSRF: %d", resp.StatusCode)
	}
	resp, body := c.post("/admin/notifications/rules/activation", url.Values{"mode": {"then"}, "channel": {"instance:999"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "That notification channel no longer exists.")
	resp, body = c.post("/admin/notifications/rules/activation", form)
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = c.get("/admin/notifications")
	wantContains(t, html.UnescapeString(body), "Saved: Account activation now goes by SMS through Kannel: Phones, then email.", "Now: SMS through Kannel: Phones, then email")
	r, err := ts.store.NotifyRule(t.Context(), model.NotifyActivation)
	if err != nil || len(r.Steps) != 2 || r.Steps[0].AddressKind != "phone" || !r.Steps[1].Channel.IsEmail() {
		t.Fatalf("rule %+v %v", r, err)
	}
}

// TestActivationBySMSFromTheContactPage: with activation routed to SMS, a
// contact with only a mobile number can be sent the link from their page,
// and the confirmation names the channel.
func TestActivationBySMSFromTheContactPage(t *testing.T) {
	ts, _, id := newSMSServer(t, nil)
	c := ts.admin()
	c.get("/admin/notifications")
	resp, body := c.post("/admin/notifications/rules/activation", url.Values{"mode": {"then"}, "channel": {"instance:" + itoa(id)}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	mina := ts.contactWith("Mina Park", model.ContactFields{Name: "Mina Park", Mobile: "010-2345-6789"})
	_, body = c.get("/contacts/" + itoa(mina))
	wantContains(t, body, `<button class="primary">Send activation</button>`)
	_, body = c.get("/contacts?view=unverified")
	wantContains(t, body, `title="Text 010-2345-6789 a link to activate their portal account">Send activation</button>`)
	resp, _ = c.post("/contacts/"+itoa(mina)+"/activation", nil, htmx...)
	wantContains(t, resp.Header.Get("HX-Trigger"), "Activation sent to 010-2345-6789 by SMS through Kannel: Phones.")
	_, body = c.get("/contacts/" + itoa(mina))
	timeline := body[strings.Index(body, `id="timeline"`):]
	wantContains(t, timeline, "activation sent", "SMS through Kannel: Phones:</span> <ins>010-2345-6789</ins>")
}

// TestARuleWhoseChannelIsDisabledSaysSo: once the SMS plugin is disabled,
// the page warns on the rule that uses it, and the admin can still go
// back to email only.
func TestARuleWhoseChannelIsDisabledSaysSo(t *testing.T) {
	ts, h, id := newSMSServer(t, nil)
	c := ts.admin()
	c.get("/admin/notifications")
	c.post("/admin/notifications/rules/password_reset", url.Values{"mode": {"instead"}, "channel": {"instance:" + itoa(id)}})
	if err := h.Disable(t.Context(), "kannel-sms", "Turned off for the test"); err != nil {
		t.Fatal(err)
	}
	_, body := c.get("/admin/notifications")
	wantContains(t, body, "This channel cannot carry messages now", `action="/admin/notifications/rules/password_reset"`)
	resp, body := c.post("/admin/notifications/rules/password_reset", url.Values{"mode": {"email"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = c.get("/admin/notifications")
	wantContains(t, body, "Saved: Password reset now goes by email.", "Every message goes by email")
}

// A ticket's page says how a reply will reach its requester under the
// ticket message rule, and warns when nothing will.
func TestTicketPageSaysHowAReplyReachesTheRequester(t *testing.T) {
	ts, _, id := newSMSServer(t, nil)
	c := ts.admin()
	c.get("/admin/notifications")
	resp, body := c.post("/admin/notifications/rules/ticket_message", url.Values{"mode": {"then"}, "channel": {"instance:" + itoa(id)}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	mina := ts.contactWith("Mina Park", model.ContactFields{Name: "Mina Park", Mobile: "010-2345-6789"}, "mina@example.com")
	jo := ts.contactWith("Jo Lee", model.ContactFields{Name: "Jo Lee", Phone: "02-555-0100"})
	for who, want := range map[int64]string{
		mina: "A reply reaches Mina Park by SMS through Kannel: Phones to 010-2345-6789, with an email to mina@example.com if that fails.",
		jo:   "Jo Lee cannot be reached (the contact has no address the ticket message rule uses)",
	} {
		tk, err := ts.store.CreateTicket(t.Context(), testActor, model.NewTicket{ContactID: who, Subject: "Printer", Description: "d"})
		if err != nil {
			t.Fatal(err)
		}
		_, body := c.get("/tickets/" + itoa(tk))
		wantContains(t, body, want)
	}
}
