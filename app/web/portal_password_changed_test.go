package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// newestEmail returns the newest email queued to address.
func (ts *testServer) newestEmail(address string) model.Mail {
	ts.t.Helper()
	p, err := ts.store.ListEmails(context.Background(), model.MailQuery{Search: address, Page: 1, PerPage: 1})
	if err != nil || len(p.Mails) == 0 {
		ts.t.Fatalf("no email to %s: %v", address, err)
	}
	return p.Mails[0]
}

// wantPasswordChangedEmail checks that the newest email to address tells
// its owner their password changed, with the way to reset it.
func (ts *testServer) wantPasswordChangedEmail(address string) {
	ts.t.Helper()
	m := ts.newestEmail(address)
	if !strings.Contains(m.Subject, "password was changed") || !strings.Contains(m.Text, "If this wasn't you, reset your password") ||
		!strings.Contains(m.Text, "/portal/forgot") {
		ts.t.Fatalf("newest email to %s: %q\n%s", address, m.Subject, m.Text)
	}
}

func TestChangingOwnPasswordEmailsAndRefusesTheSameOne(t *testing.T) {
	ts := newTestServer(t)
	_, cu := ts.activated(ts.admin(), "Yoon Seo-jun", "seojun@example.com", "corn flakes at noon")
	cu.get("/portal/profile")
	before := ts.emailsTo("seojun@example.com")
	resp, body := cu.post("/portal/profile/password", url.Values{"current_password": {"corn flakes at noon"}, "password": {"corn flakes at noon"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Choose a password different from your current one.")
	if n := ts.emailsTo("seojun@example.com"); n != before {
		t.Fatalf("a refused change sent %d emails", n-before)
	}
	resp, body = cu.post("/portal/profile/password", url.Values{"current_password": {"corn flakes at noon"}, "password": {"lemon tree in june"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	ts.wantPasswordChangedEmail("seojun@example.com")
}

func TestResettingThePasswordEmailsAndRefusesTheSameOne(t *testing.T) {
	ts := newTestServer(t)
	ts.activated(ts.admin(), "Yoon Seo-jun", "seojun@example.com", "corn flakes at noon")
	c := ts.client()
	c.get("/portal/forgot")
	c.post("/portal/forgot", url.Values{"email": {"seojun@example.com"}})
	link := ts.linkTo("seojun@example.com")
	c.get(link)
	resp, body := c.post(link, url.Values{"password": {"corn flakes at noon"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Choose a password different from your current one.")
	resp, body = c.post(link, url.Values{"password": {"lemon tree in june"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	ts.wantPasswordChangedEmail("seojun@example.com")
}
