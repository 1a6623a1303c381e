package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestSetupRunsOnceThenSignIn(t *testing.T) {
	ts := newTestServer(t)
	c := ts.client()
	resp, _ := c.get("/contacts")
	if loc := resp.Header.Get("Location"); loc != "/setup" {
		t.Fatalf("first visit goes to %q, want /setup", loc)
	}
	c.get("/setup")
	resp, body := c.post("/setup", url.Values{"name": {"Ann"}, "email": {"not-an-email"}, "password": {"short"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Enter a valid email address", "Use at least 8 characters")
	if focused := autofocused(body); focused != "email" {
		t.Errorf("after a refused setup the cursor is in %q, want the first field refused (email)", focused)
	}
	_, body = c.post("/setup", url.Values{"name": {"Ann"}, "email": {"ann@example.com"}, "password": {"short"}})
	if focused := autofocused(body); focused != "password" {
		t.Errorf("after a refused password the cursor is in %q, want password", focused)
	}

	ts.admin()
	other := ts.client()
	resp, _ = other.get("/setup")
	if loc := resp.Header.Get("Location"); loc != "/login" {
		t.Fatalf("setup after the first admin goes to %q, want /login", loc)
	}
	other.get("/login")
	resp, _ = other.post("/setup", url.Values{"name": {"Mallory"}, "email": {"m@example.com"}, "password": {"another password"}})
	if n, _ := ts.store.CountAgents(t.Context()); n != 1 {
		t.Fatalf("a replayed setup created an agent: %d agents, status %d", n, resp.StatusCode)
	}
}

func TestSignInFailuresLookAlike(t *testing.T) {
	ts := newTestServer(t)
	ts.admin()
	c := ts.client()
	c.get("/login")
	_, wrongPw := c.post("/login", url.Values{"email": {"ann@example.com"}, "password": {"wrong password"}})
	_, unknown := c.post("/login", url.Values{"email": {"nobody@example.com"}, "password": {"wrong password"}})
	for _, body := range []string{wrongPw, unknown} {
		wantContains(t, body, "That email and password do not match an active account.")
	}
}

func TestSignInRotatesSessionAndSignsOut(t *testing.T) {
	ts := newTestServer(t)
	ts.admin()
	c := ts.client()
	c.get("/login")
	planted := "attacker-chosen-session-id-0123456789"
	c.jar.SetCookies(base, []*http.Cookie{{Name: "portico_session", Value: planted}})
	resp, _ := c.post("/login", url.Values{"email": {"ann@example.com"}, "password": {"correct horse battery"}, "next": {"//evil.example/"}})
	if loc := resp.Header.Get("Location"); loc != "/contacts" {
		t.Fatalf("an off-site next was followed: %q", loc)
	}
	var session string
	for _, ck := range resp.Cookies() {
		if ck.Name == "portico_session" {
			session = ck.Value
			if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
				t.Fatalf("session cookie flags: %+v", ck)
			}
		}
	}
	if session == "" || session == planted {
		t.Fatalf("sign-in kept the planted session id")
	}
	c.get("/contacts")
	c.post("/logout", nil)
	resp, _ = c.get("/contacts")
	if !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
		t.Fatalf("after sign-out /contacts goes to %q", resp.Header.Get("Location"))
	}
}

func TestStateChangesNeedCSRF(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	form := url.Values{"name": {"No Token"}, "email": {"nt@example.com"}}
	resp, body := c.postRaw("/contacts", form)
	wantStatus(t, resp, body, http.StatusForbidden)
	form.Set("_csrf", "forged")
	resp, body = c.postRaw("/contacts", form)
	wantStatus(t, resp, body, http.StatusForbidden)
	other := ts.agentClient("Bob", "bob@example.com")
	form.Set("_csrf", other.csrf) // a real token, but another session's
	resp, body = c.postRaw("/contacts", form)
	wantStatus(t, resp, body, http.StatusForbidden)
	if vc, _ := ts.store.ViewCounts(t.Context()); vc.All != 0 {
		t.Fatal("a forged request created a contact")
	}
	resp, _ = c.post("/contacts", url.Values{"name": {"With Token"}, "email": {"wt@example.com"}})
	wantStatus(t, resp, "", http.StatusSeeOther)
}

func TestAdminOnlyRoutes(t *testing.T) {
	ts := newTestServer(t)
	ts.admin()
	bob := ts.agentClient("Bob", "bob@example.com")
	id := ts.createContact("Erase Target", "target@example.com")
	for _, path := range []string{"/agents", "/contacts/1/erase"} {
		resp, body := bob.get(path)
		wantStatus(t, resp, body, http.StatusForbidden)
	}
	resp, body := bob.post("/contacts/1/erase", url.Values{"confirm": {"yes"}})
	wantStatus(t, resp, body, http.StatusForbidden)
	if _, err := ts.store.Contact(t.Context(), id); err != nil {
		t.Fatal("an agent erased a contact")
	}
	resp, body = bob.post("/agents", url.Values{"name": {"Eve"}, "email": {"eve@example.com"}, "role": {"admin"}})
	wantStatus(t, resp, body, http.StatusForbidden)
}

func TestInviteAgentAndDeactivate(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	admin.get("/agents")
	resp, body := admin.post("/agents", url.Values{"name": {"Cho Yuna"}, "email": {"yuna@example.com"}, "role": {"agent"}})
	wantStatus(t, resp, body, http.StatusCreated)
	link := regexpFind(t, body, `value="http://[^"]+(/invite/[^"]+)"`)
	invitee := ts.client()
	invitee.get(link)
	resp, body = invitee.post(link, url.Values{"password": {"yuna@example"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "Hello, Cho Yuna", `name="password"`, "before the @")
	resp, _ = invitee.post(link, url.Values{"password": {"a good long password"}})
	wantStatus(t, resp, "", http.StatusSeeOther)
	resp, body = ts.client().get(link)
	wantStatus(t, resp, body, http.StatusNotFound) // used once
	wantContains(t, body, "already used, or has expired")

	a, _ := ts.store.AgentByEmail(t.Context(), "yuna@example.com")
	admin.get("/agents")
	admin.post("/agents/"+itoa(a.ID)+"/active", url.Values{"active": {"false"}})
	resp, _ = invitee.get("/contacts")
	if !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
		t.Fatal("a deactivated agent's session still works")
	}
}

func TestPasswordLinkForExistingAgent(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	ts.agentClient("Bob", "bob@example.com")
	bob, _ := ts.store.AgentByEmail(t.Context(), "bob@example.com")
	admin.get("/agents")
	resp, body := admin.post("/agents/"+itoa(bob.ID)+"/reset", nil)
	wantStatus(t, resp, body, http.StatusOK)
	link := regexpFind(t, body, `value="http://[^"]+(/invite/[^"]+)"`)
	c := ts.client()
	c.get(link)
	resp, _ = c.post(link, url.Values{"password": {"brand new password"}})
	wantStatus(t, resp, "", http.StatusSeeOther)
	c = ts.client()
	c.get("/login")
	resp, _ = c.post("/login", url.Values{"email": {"bob@example.com"}, "password": {"brand new password"}})
	wantStatus(t, resp, "", http.StatusSeeOther)
}

func TestAdminCannotLockThemselvesOut(t *testing.T) {
	ts := newTestServer(t)
	c := ts.admin()
	me, _ := ts.store.AgentByEmail(t.Context(), "ann@example.com")
	c.get("/agents")
	resp, body := c.post("/agents/"+itoa(me.ID)+"/active", url.Values{"active": {"false"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	resp, body = c.post("/agents/"+itoa(me.ID)+"/role", url.Values{"role": {"agent"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	wantContains(t, body, "at least one active admin")
	if a, _ := ts.store.AgentByEmail(t.Context(), "ann@example.com"); !a.Active || !a.IsAdmin() {
		t.Fatalf("the only admin was changed: %+v", a)
	}
}

// autofocused returns the name of the input a page puts the cursor in.
func autofocused(body string) string {
	for _, tag := range strings.Split(body, "<input")[1:] {
		tag, _, _ = strings.Cut(tag, ">")
		if strings.Contains(tag, " autofocus") {
			_, rest, _ := strings.Cut(tag, `name="`)
			name, _, _ := strings.Cut(rest, `"`)
			return name
		}
	}
	return ""
}
