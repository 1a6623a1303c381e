package mail_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/token"
)

// issue creates a contact at addr and issues it an activation link, with
// its email, as the activation service does; it returns the email's id
// and the link's token.
func (e *env) issue(t *testing.T, addr string) (int64, string) {
	t.Helper()
	ctx := context.Background()
	actor := model.Actor{Name: "Ann Agent"}
	id, err := e.st.CreateContact(ctx, actor, store.NewContact{Fields: model.ContactFields{Name: "Link Holder"}, Emails: []string{addr}})
	if err != nil {
		t.Fatal(err)
	}
	tok := token.New()
	m, err := e.mailer.Compose(ctx, mail.KeyActivation, mail.Recipient{Name: "Link Holder", Address: addr, ContactID: id},
		mail.Data{Link: "https://support.example.com/portal/activate/" + tok, ExpiresIn: "72 hours"})
	if err != nil {
		t.Fatal(err)
	}
	link := model.NewLink{ContactID: id, TokenHash: token.Hash(tok), Purpose: model.LinkActivation, Email: addr,
		ExpiresAt: e.clk.Now().Add(72 * time.Hour), Mail: m}
	if _, err := e.st.IssueLinks(ctx, actor, []model.NewLink{link}); err != nil {
		t.Fatal(err)
	}
	p, err := e.st.ListEmails(ctx, model.MailQuery{Search: addr, Page: 1, PerPage: 1})
	if err != nil || p.Total != 1 {
		t.Fatalf("the link's email to %s: %v", addr, err)
	}
	e.runner.Wake()
	return p.Mails[0].ID, tok
}

// stored is an email's copy as the outbox keeps it.
func (e *env) stored(t *testing.T, id int64) model.Mail {
	t.Helper()
	p, err := e.st.ListEmails(context.Background(), model.MailQuery{Page: 1, PerPage: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range p.Mails {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("no email %d", id)
	return model.Mail{}
}

// wantRedacted checks that neither the stored copy of an email nor the
// mailbox's view of it holds the token, and that both still read as the
// email sent, with the link's place marked.
func (e *env) wantRedacted(t *testing.T, id int64, tok string) {
	t.Helper()
	shown, err := e.st.Email(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for what, m := range map[string]model.Mail{"stored copy": e.stored(t, id), "mailbox": *shown} {
		if body := m.Subject + m.Text + m.HTML; strings.Contains(body, tok) {
			t.Fatalf("the %s still holds the token", what)
		}
		if !strings.Contains(m.Text, "/portal/activate/"+model.RedactedToken+"\n") || !strings.Contains(m.HTML, `href="https://support.example.com/portal/activate/redacted"`) ||
			!strings.Contains(m.Text, "Hi Link Holder,") {
			t.Fatalf("the %s lost more than the token:\n%s", what, m.Text)
		}
	}
	if !shown.LinkHidden {
		t.Fatal("the mailbox does not say the link is hidden")
	}
}

// TestHandedOverEmailsKeepNoLink: once SMTP took a message, the recipient
// has the link and the stored copy does not, while the link still works;
// a message that failed for good keeps none either.
func TestHandedOverEmailsKeepNoLink(t *testing.T) {
	d := testkit.StartSMTP(t)
	e := started(t, d.URL)
	d.Refuse("gone@example.com", &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such mailbox"})
	sent, tok := e.issue(t, "minjun@example.com")
	failed, failedToken := e.issue(t, "gone@example.com")
	e.waitFor(t, sent, inState(model.MailSent))
	e.waitFor(t, failed, inState(model.MailFailed))
	<-d.Arrived
	if to := d.Messages()[0].Header.Get("To"); !strings.Contains(to, "minjun@example.com") {
		t.Fatalf("the server received a message to %s", to)
	}
	if p := d.Messages()[0].Parts(t); !strings.Contains(p["text/plain"], tok) || !strings.Contains(p["text/html"], tok) {
		t.Fatal("the recipient's message lacks the link")
	}
	e.wantRedacted(t, sent, tok)
	e.wantRedacted(t, failed, failedToken)
	if _, err := e.st.Link(context.Background(), token.Hash(tok), model.LinkActivation); err != nil {
		t.Fatalf("the recipient's link stopped working: %v", err)
	}
}

// TestMailboxShowsALinkWhileItWorks: without SMTP the built-in mailbox is
// the delivery, so it shows the link until the link is used, replaced or
// expires, and then keeps only a redacted copy.
func TestMailboxShowsALinkWhileItWorks(t *testing.T) {
	e := started(t, "")
	ctx := context.Background()
	used, usedToken := e.issue(t, "used@example.com")
	expired, expiredToken := e.issue(t, "expired@example.com")
	for id, tok := range map[int64]string{used: usedToken, expired: expiredToken} {
		m := e.waitFor(t, id, inState(model.MailSent))
		if m.LinkHidden || !strings.Contains(m.Text, tok) || !strings.Contains(e.stored(t, id).Text, tok) {
			t.Fatalf("the mailbox hides a link that works: %+v", m)
		}
	}

	if _, err := e.st.RedeemLink(ctx, token.Hash(usedToken), model.LinkActivation, model.VerifiedByPasskey, "", nil); err != nil {
		t.Fatal(err)
	}
	e.wantRedacted(t, used, usedToken)

	e.clk.Advance(72 * time.Hour)
	if m, _ := e.st.Email(ctx, expired); !m.LinkHidden || strings.Contains(m.Text, expiredToken) {
		t.Fatal("the mailbox shows an expired link")
	}
	if err := e.st.RedactDeadLinks(ctx); err != nil {
		t.Fatal(err)
	}
	e.wantRedacted(t, expired, expiredToken)
}
