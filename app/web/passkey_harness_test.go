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
	"strconv"
	"strings"
	"testing"

	"github.com/descope/virtualwebauthn"
	"github.com/gofiber/fiber/v2"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/model"
)

// The relying party as the virtual authenticator sees it: the test
// server's base URL, http://portico.test.
var portico = virtualwebauthn.RelyingParty{Name: "Portico", ID: "portico.test", Origin: "http://portico.test"}

// portalServer is a test server at http://portico.test with a stand-in
// portal sign-in: the customer is named by the X-Test-Contact header,
// signing in records the contact, and whether contacts have a password
// is up to the test.
type portalServer struct {
	*testServer
	signedIn    []int64
	hasPassword bool
}

func newPortalServer(t *testing.T) *portalServer {
	ts := newTestServer(t, func(c *config.Config) { c.BaseURL = "http://portico.test" })
	ps := &portalServer{testServer: ts}
	ts.srv.SetPortal(
		func(c *fiber.Ctx, id int64) error { ps.signedIn = append(ps.signedIn, id); return nil },
		func(c *fiber.Ctx) (*model.Contact, error) {
			id, err := strconv.ParseInt(c.Get("X-Test-Contact"), 10, 64)
			if err != nil {
				return nil, nil
			}
			return ts.store.Contact(c.UserContext(), id)
		},
		func(context.Context, int64) (bool, error) { return ps.hasPassword, nil },
	)
	return ps
}

// customer is a browser of the portal: its own cookies and CSRF token.
func (ps *portalServer) customer(contactID int64) *client {
	c := ps.client()
	c.get("/login") // a form page gives the anonymous visitor a CSRF token
	if c.csrf == "" {
		c.get("/setup") // no agent yet: the sign-in page redirects here
	}
	if contactID != 0 {
		c.as = strconv.FormatInt(contactID, 10)
	}
	return c
}

// postJSON posts a JSON body the way passkey.js does.
func (c *client) postJSON(path, body string) (*http.Response, map[string]any) {
	c.ts.t.Helper()
	req := httptest.NewRequest(http.MethodPost, base.String()+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", c.csrf)
	if c.as != "" {
		req.Header.Set("X-Test-Contact", c.as)
	}
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
