package web_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// TestMailboxListsEveryChannelAndFilters: the mailbox lists email and SMS
// messages together with their channel; it narrows to a channel and to
// an outcome, and shows why a fallback email went out.
func TestMailboxListsEveryChannelAndFilters(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	ts.queueEmail("Ann", "ann@example.com", "Hi")
	sms := model.NewMail{MessageID: "sms-1@portico.test", To: "821012345678", ToName: "Mina", Subject: "Activate your account",
		Text: "Activate: https://portico.test/a", Channel: model.InstanceChannel(7), ChannelName: "kannel-sms: Phones", AddressKind: "phone"}
	fallback := model.NewMail{MessageID: "fb-1@portico.test", To: "mina@example.com", ToName: "Mina", Subject: "Activate your account",
		Text: "Hi", Held: true, Note: "Email fallback, sent if the SMS fails for good."}
	if err := ts.store.QueueEmails(context.Background(), []model.NewMail{sms, fallback}); err != nil {
		t.Fatal(err)
	}
	_, body := c.get("/admin/mailbox")
	wantContains(t, body, "All channels", `<option value="instance:7"`, "kannel-sms: Phones", "ann@example.com", "821012345678", "Held")
	resp, body := c.get("/admin/mailbox?channel=instance:7", htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "821012345678")
	if strings.Contains(body, "ann@example.com") || strings.Contains(body, "mina@example.com") {
		t.Fatalf("the SMS filter lists emails: %s", body)
	}
	ids := regexp.MustCompile(`href="/admin/mailbox/(\d+)"`).FindStringSubmatch(body)
	if ids == nil {
		t.Fatalf("no link to the SMS: %s", body)
	}
	_, body = c.get("/admin/mailbox/" + ids[1])
	wantContains(t, body, "Text sent", "kannel-sms: Phones", "(phone address)", "Activate: https://portico.test/a")
	wantNotContains(t, body, "This email has no HTML part")
	_, body = c.get("/admin/mailbox?channel=email&state=held", htmx...)
	wantContains(t, body, "mina@example.com", "Email fallback, sent if the SMS fails for good.")
	if strings.Contains(body, "ann@example.com") {
		t.Fatalf("the held filter lists a queued email: %s", body)
	}
	_, body = c.get("/admin/mailbox?channel=instance:7&state=failed", htmx...)
	wantContains(t, body, "No failed messages through kannel-sms: Phones")
}

// TestContactPageShowsWhichChannelCarriedEachMessage: the contact's page
// lists the messages sent to them with their channel and, for a fallback,
// why it went by email.
func TestContactPageShowsWhichChannelCarriedEachMessage(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	id := ts.createContact("Mina Park", "mina@example.com")
	sms := model.NewMail{MessageID: "sms-2@portico.test", To: "+821012345678", ToName: "Mina Park", Subject: "Activate your account",
		Text: "Activate", ContactID: id, Channel: model.InstanceChannel(3), ChannelName: "kannel-sms: Phones", AddressKind: "phone"}
	email := model.NewMail{MessageID: "fb-2@portico.test", To: "mina@example.com", ToName: "Mina Park", Subject: "Activate your account",
		Text: "Hi", ContactID: id, Held: true, Note: "Email fallback, sent if the SMS fails for good."}
	if err := ts.store.QueueEmails(context.Background(), []model.NewMail{sms, email}); err != nil {
		t.Fatal(err)
	}
	_, body := c.get("/contacts/" + itoa(id))
	msgs := body[strings.Index(body, `id="messages"`):]
	msgs = msgs[:strings.Index(msgs, "</section>")]
	wantContains(t, msgs, `<span class="channel-tag">kannel-sms: Phones</span>`, "821012345678",
		`<span class="channel-tag">Email</span>`, "Email fallback, sent if the SMS fails for good.", `href="/admin/mailbox/`)
	agent := ts.agentClient("Bo Agent", "bo@example.com")
	if _, body := agent.get("/contacts/" + itoa(id)); !strings.Contains(body, "kannel-sms: Phones") || strings.Contains(body, `href="/admin/mailbox/`) {
		t.Fatalf("an agent's view of the messages: %s", body)
	}
}
