package web_test

import (
	"testing"

	"github.com/portico-hub/portico/app/model"
)

// Signed in, the portal's header leads to the tickets and the profile;
// signed out, it offers to sign in everywhere but on the sign-in page.
func TestPortalHeaderLinks(t *testing.T) {
	ts := newTestServer(t)
	ts.portalSettings(model.SubmitEveryone, true)
	_, cu := ts.activated(ts.admin(), "Kim Min-jun", "minjun@example.com", "corn flakes at noon")
	_, body := cu.get("/portal/tickets")
	wantContains(t, body, `<a href="/portal/tickets" aria-current="page">Tickets</a>`, `<a href="/portal/profile">Profile</a>`,
		`action="/portal/logout"`)
	_, body = cu.get("/portal/profile")
	wantContains(t, body, `<a href="/portal/profile" aria-current="page">Profile</a>`)

	visitor := ts.client()
	_, body = visitor.get("/portal/login")
	wantNotContains(t, body, `href="/portal/login">Sign in`)
	wantContains(t, body, `href="/portal/signup">Sign up`, `>Submit a ticket</a>`)
	_, body = visitor.get("/portal/forgot")
	wantContains(t, body, `<a href="/portal/login">Sign in</a>`)
}
