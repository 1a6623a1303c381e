package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestActivationSetsPasswordAndSignsIn(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	id := ts.createContact("Kim Min-jun", "minjun@example.com")
	resp, _ := admin.post("/contacts/"+itoa(id)+"/activation", nil)
	wantStatus(t, resp, "", http.StatusSeeOther)
	link := ts.linkTo("minjun@example.com")

	cu := ts.client()
	resp, body := cu.get(link)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Activate your account", "Kim Min-jun", "minjun@example.com", `autocomplete="new-password"`)
	for pw, msg := range map[string]string{
		"short": "at least 8 characters", "Password1": "most common passwords", "xxminjunxx": "before the @",
	} {
		resp, body = cu.post(link, url.Values{"password": {pw}})
		wantStatus(t, resp, body, http.StatusUnprocessableEntity)
		wantContains(t, body, msg)
	}
	resp, body = cu.post(link, url.Values{"password": {"corn flakes at noon"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	if resp.Header.Get("Location") != "/portal" || cu.cookie("portico_portal") == "" {
		t.Fatalf("not signed in: %v, cookie %q", resp.Header, cu.cookie("portico_portal"))
	}
	_, body = cu.get("/portal")
	wantContains(t, body, "Signed in as Kim Min-jun (minjun@example.com)", "Your password is set")
	_, body = admin.get("/contacts/" + itoa(id))
	wantContains(t, body, "badge-verified", "Send password reset")

	cu.post("/portal/logout", nil)
	resp, _ = cu.get("/portal")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/portal/login" {
		t.Fatalf("after sign-out /portal answered %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body = cu.portalSignIn("MinJun@Example.com", "corn flakes at noon")
	wantStatus(t, resp, body, http.StatusSeeOther)
	_, body = cu.get("/portal")
	wantContains(t, body, "Signed in as Kim Min-jun")
}

func TestPortalCookieIsItsOwn(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	_, cu := ts.activated(admin, "Lee Seo-yeon", "seoyeon@example.com", "corn flakes at noon")
	resp, _ := cu.get("/contacts")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
		t.Fatalf("a customer reached the agents' pages: %d", resp.StatusCode)
	}
	resp, _ = admin.get("/portal")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("an agent's session opened the portal: %d", resp.StatusCode)
	}
}

func TestPortalSignInSameAnswerForUnknownAndWrong(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	ts.activated(admin, "Park Ji-ho", "jiho@example.com", "corn flakes at noon")
	resp1, wrong := ts.client().portalSignIn("jiho@example.com", "not the password")
	resp2, unknown := ts.client().portalSignIn("jiho@example.com", "not the password")
	wantStatus(t, resp1, wrong, http.StatusUnauthorized)
	wantStatus(t, resp2, unknown, http.StatusUnauthorized)
	_, unknown = ts.client().portalSignIn("nobody@example.com", "not the password")
	anon := func(body, local string) string {
		return strings.NewReplacer(local+"@example.com", "X", local+"%40example.com", "X").Replace(body)
	}
	wantSame(t, anon(wrong, "jiho"), anon(unknown, "nobody"))
}

func TestPortalRefusesAfterTheRightPasswordOnly(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	id := ts.createContact("Choi Yuna", "yuna@example.com")
	resp, body := admin.post("/contacts/"+itoa(id)+"/password", url.Values{"password": {"corn flakes at noon"}})
	wantStatus(t, resp, body, http.StatusSeeOther)

	resp, body = ts.client().portalSignIn("yuna@example.com", "wrong password")
	wantStatus(t, resp, body, http.StatusUnauthorized)
	wantNotContains(t, body, "not authorized", "activate")
	cu := ts.client()
	resp, body = cu.portalSignIn("yuna@example.com", "corn flakes at noon")
	wantStatus(t, resp, body, http.StatusForbidden)
	wantContains(t, body, "You are not authorized to access this portal", "not activated yet", "Send me the activation link again")
	resp, body = cu.post("/portal/forgot", url.Values{"email": {"yuna@example.com"}})
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(ts.linkTo("yuna@example.com"), "/portal/activate/") {
		t.Fatal("the button did not send the activation link")
	}

	admin.post("/contacts/"+itoa(id)+"/state", url.Values{"action": {"blocked"}})
	resp, body = ts.client().portalSignIn("yuna@example.com", "corn flakes at noon")
	wantStatus(t, resp, body, http.StatusForbidden)
	wantContains(t, body, "You are not authorized to access this portal", "blocked")
}

func TestBlockingSignsTheCustomerOut(t *testing.T) {
	ts := newTestServer(t)
	admin := ts.admin()
	id, cu := ts.activated(admin, "Jung Hae-in", "haein@example.com", "corn flakes at noon")
	admin.post("/contacts/"+itoa(id)+"/state", url.Values{"action": {"blocked"}})
	if resp, _ := cu.get("/portal"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("a blocked customer's session still works: %d", resp.StatusCode)
	}
}

func TestPortalFormsNeedCSRF(t *testing.T) {
	ts := newTestServer(t)
	c := ts.client()
	c.get("/portal/login")
	for _, path := range []string{"/portal/login", "/portal/forgot", "/portal/logout", "/portal/activate/x"} {
		resp, body := c.post(path, url.Values{"_csrf": {""}, "email": {"a@example.com"}})
		wantStatus(t, resp, body, http.StatusForbidden)
	}
}

func TestPortalSignInIsRateLimited(t *testing.T) {
	ts := newTestServer(t)
	c := ts.client()
	var resp *http.Response
	var body string
	for range 6 {
		resp, body = c.portalSignIn("target@example.com", "guess")
	}
	wantStatus(t, resp, body, http.StatusTooManyRequests)
	wantContains(t, body, "Too many sign-in attempts")
}
