package web_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/descope/virtualwebauthn"

	"github.com/portico-hub/portico/app/store/storetest"
)

func TestPasskeyRegisterThenSignIn(t *testing.T) {
	ps := newPortalServer(t)
	id := ps.createContact("Kim Minjun", "minjun@example.com")
	c := ps.customer(id)

	resp, answer := c.postJSON("/portal/passkeys/register/begin", "{}")
	var opts struct {
		User                   struct{ ID, Name string }
		AuthenticatorSelection struct {
			ResidentKey      string
			UserVerification string
		}
	}
	json.Unmarshal([]byte(options(t, resp, answer)), &opts)
	handle, _ := base64.RawURLEncoding.DecodeString(opts.User.ID)
	if len(handle) != 64 || opts.User.Name != "minjun@example.com" {
		t.Fatalf("user entity: %d-byte handle, name %q", len(handle), opts.User.Name)
	}
	if opts.AuthenticatorSelection.ResidentKey != "required" || opts.AuthenticatorSelection.UserVerification != "required" {
		t.Fatalf("authenticator selection: %+v", opts.AuthenticatorSelection)
	}

	k := newKey()
	resp, answer = c.register(k, portico)
	wantJSON(t, resp, answer, http.StatusOK, "redirect", "/portal/profile?new=1")

	anon := ps.customer(0)
	resp, answer = anon.signIn(k, portico)
	wantJSON(t, resp, answer, http.StatusOK, "redirect", "/portal")
	if got := ps.signedInAs(anon); got != id {
		t.Fatalf("signed in as contact %d, want %d", got, id)
	}
	keys, _ := ps.store.Passkeys(context.Background(), id)
	if len(keys) != 1 || keys[0].Name != "Passkey" || keys[0].SignCount != k.cred.Counter || keys[0].LastUsedAt == nil {
		t.Fatalf("stored passkey after sign-in: %+v", keys)
	}
}

func TestPasskeyRegistrationExcludesExistingPasskeys(t *testing.T) {
	ps := newPortalServer(t)
	id := ps.createContact("Lee Seo-yeon", "seoyeon@example.com")
	c := ps.customer(id)
	k := newKey()
	c.register(k, portico)

	resp, answer := c.postJSON("/portal/passkeys/register/begin", "{}")
	opts, _ := virtualwebauthn.ParseAttestationOptions(options(t, resp, answer))
	if !k.cred.IsExcludedForAttestation(*opts) {
		t.Fatalf("the second registration does not exclude the first passkey: %v", opts.ExcludeCredentials)
	}
	if got := string(k.auth.Options.UserHandle); got != opts.UserID {
		t.Fatal("a second registration got a new user handle")
	}
}

func TestPasskeyFromAnotherOriginIsRefused(t *testing.T) {
	ps := newPortalServer(t)
	id := ps.createContact("Ann Park", "ann@example.com")
	evil := virtualwebauthn.RelyingParty{Name: "Portico", ID: "portico.test", Origin: "https://portico-login.example"}

	resp, answer := ps.customer(id).register(newKey(), evil)
	wantJSON(t, resp, answer, http.StatusBadRequest, "error", "That passkey could not be checked. Try again, or sign in another way.")

	k := newKey()
	ps.customer(id).register(k, portico)
	anon := ps.customer(0)
	resp, answer = anon.signIn(k, evil)
	wantJSON(t, resp, answer, http.StatusBadRequest, "error", "That passkey could not be checked. Try again, or sign in another way.")
	if got := ps.signedInAs(anon); got != 0 {
		t.Fatalf("signed in as contact %d from another origin", got)
	}
}

func TestPasskeyCeremonyIsSingleUse(t *testing.T) {
	ps := newPortalServer(t)
	id := ps.createContact("Choi Yuna", "yuna@example.com")
	k := newKey()
	ps.customer(id).register(k, portico)

	c := ps.customer(0)
	k.cred.Counter++
	assertion := c.assertion(k, portico)
	ceremony := c.cookieAt("/portal/passkeys/login/finish", "portico_passkey_login")
	resp, answer := c.postJSON("/portal/passkeys/login/finish", assertion)
	wantJSON(t, resp, answer, http.StatusOK, "redirect", "/portal")
	c.get("/portal/profile") // signed in now: the form token is the session's

	// The same answer again, with the ceremony's cookie put back.
	c.setCookieAt("/portal/passkeys", "portico_passkey_login", ceremony)
	resp, answer = c.postJSON("/portal/passkeys/login/finish", assertion)
	wantJSON(t, resp, answer, http.StatusBadRequest, "error", "That took too long, or the page was used twice. Try again.")
	wantNoSession(t, resp)

	// The same answer to a new ceremony: its challenge does not match.
	c.postJSON("/portal/passkeys/login/begin", "{}")
	resp, answer = c.postJSON("/portal/passkeys/login/finish", assertion)
	wantJSON(t, resp, answer, http.StatusBadRequest, "error", "That passkey could not be checked. Try again, or sign in another way.")
	wantNoSession(t, resp)
}

func TestPasskeyClonedAuthenticatorIsRefusedAndFlagged(t *testing.T) {
	ps := newPortalServer(t)
	id := ps.createContact("Jung Hoon", "hoon@example.com")
	k := newKey()
	k.cred.Counter = 10
	ps.customer(id).register(k, portico)
	clone := &key{auth: k.auth, cred: k.cred} // the same private key, copied

	if resp, answer := ps.customer(0).signIn(k, portico); resp.StatusCode != http.StatusOK {
		t.Fatalf("first sign-in: %d %v", resp.StatusCode, answer)
	}
	resp, answer := ps.customer(0).signIn(clone, portico) // its counter is now behind
	wantJSON(t, resp, answer, http.StatusForbidden, "error",
		"This passkey cannot be used any more: it may have been copied. Sign in another way and remove it from your profile.")
	wantNoSession(t, resp)
	k.cred.Counter += 5
	resp, _ = ps.customer(0).signIn(k, portico)
	wantStatus(t, resp, "", http.StatusForbidden)
	wantNoSession(t, resp)

	keys, _ := ps.store.Passkeys(context.Background(), id)
	if !keys[0].CloneWarning || keys[0].SignCount != 11 {
		t.Fatalf("after the clone: %+v", keys[0])
	}
	audit, _ := ps.store.Audit(context.Background(), "contact", id, 1)
	if audit[0].Action != "passkey_refused_as_copied" {
		t.Fatalf("timeline: %+v", audit[0])
	}
}

func TestPasskeyExpiredCeremonyIsRefused(t *testing.T) {
	ps := newPortalServer(t)
	clock := storetest.NewClock(time.Now().UTC())
	ps.store.Now = clock.Now
	id := ps.createContact("Han Jisoo", "jisoo@example.com")
	k := newKey()
	ps.customer(id).register(k, portico)

	c := ps.customer(0)
	k.cred.Counter++
	assertion := c.assertion(k, portico)
	clock.Advance(5*time.Minute + time.Second)
	resp, answer := c.postJSON("/portal/passkeys/login/finish", assertion)
	wantJSON(t, resp, answer, http.StatusBadRequest, "error", "That took too long, or the page was used twice. Try again.")
}

func TestPasskeyWithoutUserVerificationIsRefused(t *testing.T) {
	ps := newPortalServer(t)
	id := ps.createContact("Oh Minji", "minji@example.com")
	lazy := newKey()
	lazy.auth.Options.UserNotVerified = true
	resp, answer := ps.customer(id).register(lazy, portico)
	wantJSON(t, resp, answer, http.StatusBadRequest, "error", "That passkey could not be checked. Try again, or sign in another way.")

	k := newKey()
	ps.customer(id).register(k, portico)
	k.auth.Options.UserNotVerified = true
	resp, answer = ps.customer(0).signIn(k, portico)
	wantJSON(t, resp, answer, http.StatusBadRequest, "error", "That passkey could not be checked. Try again, or sign in another way.")
	wantNoSession(t, resp)
	if keys, _ := ps.store.Passkeys(context.Background(), id); len(keys) != 1 {
		t.Fatalf("%d passkeys stored, want 1", len(keys))
	}
}

func TestPasskeyOfUnknownHandleIsRefused(t *testing.T) {
	ps := newPortalServer(t)
	k := newKey()
	k.auth.Options.UserHandle = make([]byte, 64)
	resp, answer := ps.customer(0).signIn(k, portico)
	wantJSON(t, resp, answer, http.StatusBadRequest, "error", "That passkey could not be checked. Try again, or sign in another way.")
}

func wantJSON(t *testing.T, resp *http.Response, answer map[string]any, status int, field, want string) {
	t.Helper()
	if resp.StatusCode != status || answer[field] != want {
		t.Fatalf("got %d %v, want %d with %s %q", resp.StatusCode, answer, status, field, want)
	}
}

// cookieAt returns the value of a cookie the client would send to path.
func (c *client) cookieAt(path, name string) string {
	u, _ := url.Parse(base.String() + path)
	for _, ck := range c.jar.Cookies(u) {
		if ck.Name == name {
			return ck.Value
		}
	}
	c.ts.t.Fatalf("no cookie %s for %s", name, path)
	return ""
}

func (c *client) setCookieAt(path, name, value string) {
	c.jar.SetCookies(base, []*http.Cookie{{Name: name, Value: value, Path: path}})
}
