package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/portico-hub/portico/app/config"
)

func TestPasskeyRemoveKeepsAWayToSignIn(t *testing.T) {
	ps := newPortalServer(t)
	id := ps.createContact("Kang Dae", "dae@example.com")
	c := ps.customer(id)
	c.register(newKey(), portico)
	keys, _ := ps.store.Passkeys(context.Background(), id)
	remove := "/portal/passkeys/" + itoa(keys[0].ID) + "/remove"

	resp, body := c.post(remove, nil, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "This is your only way to sign in.", "Passkey")

	resp, answer := c.register(newKey(), portico)
	wantJSON(t, resp, answer, http.StatusOK, "redirect", "/portal/profile?new=2")
	resp, body = c.post(remove, nil, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Passkey 2")
	if keys, _ := ps.store.Passkeys(context.Background(), id); len(keys) != 1 || keys[0].Name != "Passkey 2" {
		t.Fatalf("after removing one of two: %+v", keys)
	}

	ps.givePassword(c, id)
	resp, _ = c.post("/portal/passkeys/"+itoa(keys[0].ID+1)+"/remove", nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/portal/profile#passkeys" {
		t.Fatalf("plain removal: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if keys, _ := ps.store.Passkeys(context.Background(), id); len(keys) != 0 {
		t.Fatalf("a customer with a password could not remove the last passkey: %+v", keys)
	}
}

func TestPasskeyRename(t *testing.T) {
	ps := newPortalServer(t)
	id := ps.createContact("Yoon Ara", "ara@example.com")
	c := ps.customer(id)
	resp, answer := c.register(newKey(), portico)
	wantJSON(t, resp, answer, http.StatusOK, "redirect", "/portal/profile?new=1")
	keys, _ := ps.store.Passkeys(context.Background(), id)
	rename := "/portal/passkeys/" + itoa(keys[0].ID) + "/rename"

	resp, body := c.post(rename, url.Values{"name": {"  Work   laptop "}}, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Work laptop", `id="passkeys"`)

	resp, body = c.post(rename, url.Values{"name": {" "}}, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "Give the passkey a name")
	if keys, _ := ps.store.Passkeys(context.Background(), id); keys[0].Name != "Work laptop" {
		t.Fatalf("name after a blank rename: %q", keys[0].Name)
	}
	audit, _ := ps.store.Audit(context.Background(), "contact", id, 1)
	if audit[0].Action != "passkey_renamed" || audit[0].ActorName != "Yoon Ara" {
		t.Fatalf("timeline: %+v", audit[0])
	}
}

func TestPasskeyOfAnotherCustomerIsNotFound(t *testing.T) {
	ps := newPortalServer(t)
	owner := ps.createContact("Owner", "owner@example.com")
	ps.customer(owner).register(newKey(), portico)
	keys, _ := ps.store.Passkeys(context.Background(), owner)
	otherID := ps.createContact("Other", "other@example.com")
	other := ps.customer(otherID)
	ps.givePassword(other, otherID)

	resp, body := other.post("/portal/passkeys/"+itoa(keys[0].ID)+"/remove", nil)
	wantStatus(t, resp, body, http.StatusNotFound)
	resp, body = other.post("/portal/passkeys/"+itoa(keys[0].ID)+"/rename", url.Values{"name": {"Mine"}})
	wantStatus(t, resp, body, http.StatusNotFound)
	if keys, _ := ps.store.Passkeys(context.Background(), owner); len(keys) != 1 || keys[0].Name != "Passkey" {
		t.Fatalf("another customer changed the passkey: %+v", keys)
	}
}

func TestPasskeyRegistrationNeedsASignedInCustomer(t *testing.T) {
	ts := newTestServer(t, func(c *config.Config) { c.BaseURL = "http://portico.test" })
	c := (&portalServer{testServer: ts}).customer(0)
	resp, answer := c.postJSON("/portal/passkeys/register/begin", "{}")
	wantJSON(t, resp, answer, http.StatusUnauthorized, "error", "Sign in to the portal first.")
	resp, _ = c.postJSON("/portal/passkeys/login/begin", "{}")
	wantStatus(t, resp, "", http.StatusOK)
}

func TestPasskeysNeedADomainName(t *testing.T) {
	ts := newTestServer(t) // its base URL is http://127.0.0.1:0
	c := (&portalServer{testServer: ts}).customer(0)
	resp, answer := c.postJSON("/portal/passkeys/login/begin", "{}")
	if resp.StatusCode != http.StatusServiceUnavailable || answer["error"] == nil {
		t.Fatalf("got %d %v", resp.StatusCode, answer)
	}
}

func TestPasskeyRequestsNeedCSRF(t *testing.T) {
	ps := newPortalServer(t)
	c := ps.customer(0)
	c.csrf = "forged"
	resp, _ := c.do(jsonRequest("/portal/passkeys/login/begin", "{}"))
	wantStatus(t, resp, "", http.StatusForbidden)
}
