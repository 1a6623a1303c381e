package web_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/descope/virtualwebauthn"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/password"
	"github.com/portico-hub/portico/app/portal"
	"github.com/portico-hub/portico/app/store"
)

// The relying party as the virtual authenticator sees it: the test
// server's base URL, http://portico.test.
var portico = virtualwebauthn.RelyingParty{Name: "Portico", ID: "portico.test", Origin: "http://portico.test"}

// portalServer is a test server at http://portico.test whose customers
// sign in to the real portal: a passkey test starts from a customer
// with a portal session, as the portal's own sign-in leaves them.
type portalServer struct {
	*testServer
}

func newPortalServer(t *testing.T) *portalServer {
	return &portalServer{testServer: newTestServer(t, func(c *config.Config) { c.BaseURL = "http://portico.test" })}
}

// createContact makes a verified contact, one the portal lets in.
func (ps *portalServer) createContact(name, email string) int64 {
	ps.t.Helper()
	id, err := ps.store.CreateContact(context.Background(), testActor, store.NewContact{
		Fields: model.ContactFields{Name: name}, Emails: []string{email}, State: model.StateVerified})
	if err != nil {
		ps.t.Fatalf("create %s: %v", name, err)
	}
	return id
}

// customer is a browser of the portal: its own cookies and CSRF token,
// signed in as contactID unless it is 0.
func (ps *portalServer) customer(contactID int64) *client {
	c := ps.client()
	c.get("/login") // a form page gives the anonymous visitor a CSRF token
	if c.csrf == "" {
		c.get("/setup") // no agent yet: the sign-in page redirects here
	}
	if contactID != 0 {
		ps.signIn(c, contactID)
	}
	return c
}

// signIn gives c a new portal session for contactID, then loads a portal
// page for the CSRF token bound to that session.
func (ps *portalServer) signIn(c *client, contactID int64) {
	ps.t.Helper()
	svc := portal.Service{Store: ps.store, SessionTTL: time.Hour}
	tok, err := svc.StartSession(context.Background(), contactID, "127.0.0.1", "test")
	if err != nil {
		ps.t.Fatal(err)
	}
	c.jar.SetCookies(base, []*http.Cookie{{Name: "portico_portal", Value: tok, Path: "/"}})
	c.get("/portal/profile")
}

// givePassword sets a portal password for the contact c is signed in
// as, which ends their sessions, and signs c in again.
func (ps *portalServer) givePassword(c *client, contactID int64) {
	ps.t.Helper()
	hash, err := password.Hash("customer password 1")
	if err == nil {
		err = ps.store.SetContactPassword(context.Background(), testActor, contactID, hash, nil, false)
	}
	if err != nil {
		ps.t.Fatal(err)
	}
	ps.signIn(c, contactID)
}

// signedInAs returns the contact c's portal session belongs to, or 0.
func (ps *portalServer) signedInAs(c *client) int64 {
	for _, ck := range c.jar.Cookies(base) {
		if ck.Name != "portico_portal" || ck.Value == "" {
			continue
		}
		cu, err := (&portal.Service{Store: ps.store, SessionTTL: time.Hour}).Resume(context.Background(), ck.Value)
		if err == nil {
			return cu.ID
		}
	}
	return 0
}

// wantNoSession fails when resp starts a portal session.
func wantNoSession(t *testing.T, resp *http.Response) {
	t.Helper()
	for _, ck := range resp.Cookies() {
		if ck.Name == "portico_portal" && ck.Value != "" {
			t.Fatal("the refused request signed the customer in")
		}
	}
}

// postJSON posts a JSON body the way passkey.js does.
func (c *client) postJSON(path, body string) (*http.Response, map[string]any) {
	c.ts.t.Helper()
	req := httptest.NewRequest(http.MethodPost, base.String()+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", c.csrf)
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	resp, text := c.do(req)
	var answer map[string]any
	if err := json.Unmarshal([]byte(text), &answer); err != nil {
		c.ts.t.Fatalf("%s answered %d, not JSON: %s", path, resp.StatusCode, text)
	}
	return resp, answer
}

// options returns the "options" of a begin answer as JSON text.
func options(t *testing.T, resp *http.Response, answer map[string]any) string {
	t.Helper()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("begin: %d %v", resp.StatusCode, answer)
	}
	js, _ := json.Marshal(answer["options"])
	return string(js)
}

// key is one authenticator holding one credential.
type key struct {
	auth virtualwebauthn.Authenticator
	cred virtualwebauthn.Credential
}

// newKey makes a P-256 key whose coordinates both take 32 bytes: the
// virtual authenticator writes them unpadded, which a verifier rightly
// refuses, so a key with a leading zero byte would fail now and then.
func newKey() *key {
	for {
		pk, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			panic(err)
		}
		if pub, _ := pk.PublicKey.Bytes(); pub[1] == 0 || pub[33] == 0 {
			continue
		}
		der, _ := x509.MarshalPKCS8PrivateKey(pk)
		return &key{auth: virtualwebauthn.NewAuthenticator(), cred: virtualwebauthn.NewCredentialWithImportedKey(virtualwebauthn.KeyTypeEC2, der)}
	}
}

// register creates a passkey on k for c's customer, as the browser would
// for rp, and returns the finish answer.
func (c *client) register(k *key, rp virtualwebauthn.RelyingParty) (*http.Response, map[string]any) {
	t := c.ts.t
	t.Helper()
	resp, answer := c.postJSON("/portal/passkeys/register/begin", "{}")
	opts, err := virtualwebauthn.ParseAttestationOptions(options(t, resp, answer))
	if err != nil {
		t.Fatal(err)
	}
	k.auth.Options.UserHandle = []byte(opts.UserID)
	return c.postJSON("/portal/passkeys/register/finish", virtualwebauthn.CreateAttestationResponse(rp, k.auth, k.cred, *opts))
}

// signIn signs in with k's passkey, its counter moved forward first, and
// returns the finish answer.
func (c *client) signIn(k *key, rp virtualwebauthn.RelyingParty) (*http.Response, map[string]any) {
	c.ts.t.Helper()
	k.cred.Counter++
	return c.postJSON("/portal/passkeys/login/finish", c.assertion(k, rp))
}

// assertion begins a sign-in and returns k's signed answer to it.
func (c *client) assertion(k *key, rp virtualwebauthn.RelyingParty) string {
	t := c.ts.t
	t.Helper()
	resp, answer := c.postJSON("/portal/passkeys/login/begin", "{}")
	opts, err := virtualwebauthn.ParseAssertionOptions(options(t, resp, answer))
	if err != nil {
		t.Fatal(err)
	}
	return virtualwebauthn.CreateAssertionResponse(rp, k.auth, k.cred, *opts)
}

func jsonRequest(path, body string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, base.String()+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return req
}
