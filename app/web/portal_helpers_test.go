package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/activation"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/model"
)

var portalLink = regexp.MustCompile(`https?://[^/\s]+(/portal/(?:activate|reset)/[A-Za-z0-9_-]+)`)

// linkTo returns the path of the link in the newest email to address,
// read from the outbox as a mail reader would see it.
func (ts *testServer) linkTo(address string) string {
	ts.t.Helper()
	ts.linksSent()
	p, err := ts.store.ListEmails(context.Background(), model.MailQuery{Search: address, Page: 1, PerPage: 1})
	if err != nil || len(p.Mails) == 0 {
		ts.t.Fatalf("no email to %s: %v", address, err)
	}
	m := portalLink.FindStringSubmatch(p.Mails[0].Text)
	if m == nil {
		ts.t.Fatalf("no portal link in %q", p.Mails[0].Text)
	}
	return m[1]
}

// emailsTo counts the emails queued to address.
func (ts *testServer) emailsTo(address string) int {
	ts.t.Helper()
	ts.linksSent()
	p, err := ts.store.ListEmails(context.Background(), model.MailQuery{Search: address, Page: 1, PerPage: 50})
	if err != nil {
		ts.t.Fatal(err)
	}
	return p.Total
}

// activated creates a contact, has agent send it the activation email,
// and activates it with password through the pages; it returns the
// contact's id and the signed-in customer.
func (ts *testServer) activated(agent *client, name, email, password string) (int64, *client) {
	ts.t.Helper()
	id := ts.createContact(name, email)
	agent.post("/contacts/"+itoa(id)+"/activation", nil)
	cu := ts.client()
	link := ts.linkTo(email)
	cu.get(link)
	resp, body := cu.post(link, url.Values{"password": {password}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/portal" {
		ts.t.Fatalf("activate: %d %s", resp.StatusCode, mainOf(body))
	}
	return id, cu
}

// signIn signs a customer in to the portal.
func (c *client) portalSignIn(email, password string) (*http.Response, string) {
	c.get("/portal/login")
	return c.post("/portal/login", url.Values{"email": {email}, "password": {password}})
}

// withoutTokens blanks CSRF tokens, which differ between visitors, so two
// answers can be compared.
func withoutTokens(body string) string {
	body = csrfPattern.ReplaceAllString(body, `name="_csrf" value=""`)
	return headerToken.ReplaceAllString(body, `"X-CSRF-Token": ""`)
}

var headerToken = regexp.MustCompile(`"X-CSRF-Token": "[^"]*"`)

func wantSame(t *testing.T, a, b string) {
	t.Helper()
	if withoutTokens(a) != withoutTokens(b) {
		t.Fatalf("the answers differ:\n%s\n----\n%s", mainOf(a), mainOf(b))
	}
}

func wantNotContains(t *testing.T, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(body, p) {
			t.Fatalf("body has %q:\n%.1500s", p, body)
		}
	}
}

// linksSent waits until the requests for links ("forgot password")
// queued so far are answered, running the background jobs if any is
// waiting.
func (ts *testServer) linksSent() {
	ts.t.Helper()
	testkit.Eventually(ts.t, 10*time.Second, func() bool {
		for _, j := range ts.forgotJobs() {
			if j.State == model.JobQueued || j.State == model.JobRunning {
				ts.runJobs()
				return false
			}
		}
		return true
	}, "requests for links are still waiting")
}

func (ts *testServer) forgotJobs() []model.Job {
	ts.t.Helper()
	js, err := ts.store.Jobs(context.Background(), activation.ForgotJobKind, 1000)
	if err != nil {
		ts.t.Fatal(err)
	}
	return js
}
