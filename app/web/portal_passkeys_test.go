package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/descope/virtualwebauthn"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/events"
	"github.com/portico-hub/portico/app/model"
)

// newPasskeyServer is a test server at http://portico.test, where
// passkeys work, with the portal's own sign-in wired in.
func newPasskeyServer(t *testing.T) *testServer {
	return newTestServer(t, func(c *config.Config) { c.BaseURL = "http://portico.test" })
}

// activateWithPasskey opens the activation link of email and creates a
// passkey on k there, as the page's script does; it returns the customer
// and the finish answer.
func (ts *testServer) activateWithPasskey(email string, k *key) (*client, *http.Response, map[string]any) {
	ts.t.Helper()
	link := ts.linkTo(email)
	token := link[strings.LastIndex(link, "/")+1:]
	cu := ts.client()
	_, body := cu.get(link)
	wantContains(ts.t, body, `data-begin="/portal/passkeys/activate/`+token+`/begin"`, "Create a passkey", "or choose a password instead")
	resp, answer := cu.postJSON("/portal/passkeys/activate/"+token+"/begin", "{}")
	opts, err := virtualwebauthn.ParseAttestationOptions(options(ts.t, resp, answer))
	if err != nil {
		ts.t.Fatal(err)
	}
	k.auth.Options.UserHandle = []byte(opts.UserID)
	resp, answer = cu.postJSON("/portal/passkeys/activate/"+token+"/finish", virtualwebauthn.CreateAttestationResponse(portico, k.auth, k.cred, *opts))
	return cu, resp, answer
}

func TestActivationWithAPasskeyVerifiesAndSignsIn(t *testing.T) {
	ts := newPasskeyServer(t)
	admin := ts.admin()
	id := ts.createContact("Kim Minjun", "minjun@example.com")
	admin.post("/contacts/"+itoa(id)+"/activation", nil)
	link := ts.linkTo("minjun@example.com")
	k := newKey()

	cu, resp, answer := ts.activateWithPasskey("minjun@example.com", k)
	wantJSON(t, resp, answer, http.StatusOK, "redirect", "/portal")
	_, body := cu.get("/portal")
	wantContains(t, body, "Signed in as Kim Minjun", "Your account is active and your passkey “Passkey” is ready; you can rename it in your profile.")
	c, _ := ts.store.Contact(context.Background(), id)
	if c.State != model.StateVerified {
		t.Fatalf("contact is %s after activating with a passkey", c.State)
	}
	evs, _ := ts.store.EventsAfter(context.Background(), 0, 100)
	var verified events.ContactVerified
	for _, ev := range evs {
		if ev.Type == events.TypeContactVerified {
			var env struct{ Data events.ContactVerified }
			json.Unmarshal(ev.Payload, &env)
			verified = env.Data
		}
	}
	if verified.Method != "passkey" || verified.Contact.ID != id {
		t.Fatalf("contact.verified: %+v", verified)
	}

	// The link is used up: its page says so, and its passkey endpoints too.
	resp, _ = ts.client().get(link)
	wantStatus(t, resp, "", http.StatusGone)
	token := link[strings.LastIndex(link, "/")+1:]
	late := ts.client()
	late.get(link)
	resp, answer = late.postJSON("/portal/passkeys/activate/"+token+"/begin", "{}")
	if resp.StatusCode != http.StatusGone || !strings.Contains(answer["error"].(string), "no longer works") {
		t.Fatalf("begin on a used link: %d %v", resp.StatusCode, answer)
	}
}

func TestPasskeySignInUsesThePortalSession(t *testing.T) {
	ts := newPasskeyServer(t)
	admin := ts.admin()
	id := ts.createContact("Lee Seoyeon", "seoyeon@example.com")
	admin.post("/contacts/"+itoa(id)+"/activation", nil)
	k := newKey()
	ts.activateWithPasskey("seoyeon@example.com", k)

	cu := ts.client()
	_, body := cu.get("/portal/login")
	wantContains(t, body, "Sign in with a passkey", `autocomplete="username webauthn"`, "data-passkey-autofill",
		`data-finish="/portal/passkeys/login/finish?next=%2Fportal"`)
	resp, answer := cu.signIn(k, portico)
	wantJSON(t, resp, answer, http.StatusOK, "redirect", "/portal")
	_, body = cu.get("/portal")
	wantContains(t, body, "Signed in as Lee Seoyeon")

	admin.post("/contacts/"+itoa(id)+"/state", url.Values{"action": {"blocked"}})
	blocked := ts.client()
	blocked.get("/portal/login")
	resp, answer = blocked.signIn(k, portico)
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(answer["error"].(string), "You are not authorized to access this portal: your account has been blocked") {
		t.Fatalf("a blocked contact's passkey: %d %v", resp.StatusCode, answer)
	}
}

func TestTheLastPasskeyStaysWithoutAPassword(t *testing.T) {
	ts := newPasskeyServer(t)
	admin := ts.admin()
	id := ts.createContact("Park Jiho", "jiho@example.com")
	admin.post("/contacts/"+itoa(id)+"/activation", nil)
	cu, _, _ := ts.activateWithPasskey("jiho@example.com", newKey())
	keys, _ := ts.store.Passkeys(context.Background(), id)
	remove := "/portal/passkeys/" + itoa(keys[0].ID) + "/remove"

	_, body := cu.get("/portal/profile")
	wantContains(t, body, "Set a password", "You sign in with passkeys only")
	wantNotContains(t, body, `name="current_password"`)
	resp, body := cu.post(remove, nil, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "This is your only way to sign in")

	resp, body = cu.post("/portal/profile/password", url.Values{"password": {"corn flakes at noon"}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	cu.get("/portal/profile")
	resp, body = cu.post(remove, nil, htmx...)
	wantStatus(t, resp, body, http.StatusOK)
	wantContains(t, body, "You have no passkey yet")
}
