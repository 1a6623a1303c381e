package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"sync"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/webauthn"
	"github.com/chromedp/chromedp"
	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/webhooks"
)

// loopback lets webhooks reach the test's receiver.
var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}

// spine is Portico as `portico serve` runs it, around the flow from an
// agent's invitation to a customer's verified account: reached at
// http://localhost (passkeys need a host name, not an IP), sending email
// through a real SMTP server, with every worker running.
type spine struct {
	*portico
	smtp *smtpd
}

func startSpine(t *testing.T, prepare ...func(*testing.T, *store.Store)) *spine {
	t.Helper()
	d := startSMTPD(t)
	app := startConfigured(t, func(cfg *config.Config, port int) {
		cfg.BaseURL = fmt.Sprintf("http://localhost:%d", port)
		cfg.SMTPURL, cfg.WebhookAllowNetsRaw = d.URL, "127.0.0.0/8"
	}, prepare...)
	return &spine{portico: app, smtp: d}
}

// hook is one webhook request whose signature verified.
type hook struct {
	ID   string
	Type string `json:"type"`
	Data json.RawMessage
}

// receiver is a webhook endpoint on loopback that verifies each request's
// signature with the Standard Webhooks library and keeps the good ones.
type receiver struct {
	mu  sync.Mutex
	got []hook
	bad int
	wh  *standardwebhooks.Webhook
}

// startReceiver starts a receiver and subscribes it to every event type
// through the webhook settings' own service.
func startReceiver(t *testing.T, app *portico) *receiver {
	t.Helper()
	rc := &receiver{}
	srv := httptest.NewServer(http.HandlerFunc(rc.serve))
	t.Cleanup(srv.Close)
	svc := webhooks.NewService(app.Store, loopback)
	_, secret, err := svc.CreateEndpoint(context.Background(), webhooks.EndpointInput{URL: srv.URL + "/hooks", Description: "e2e receiver", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	if rc.wh, err = standardwebhooks.NewWebhook(secret); err != nil {
		t.Fatal(err)
	}
	return rc
}

func (rc *receiver) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if err := rc.wh.Verify(body, r.Header); err != nil {
		rc.bad++
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	h := hook{ID: r.Header.Get("webhook-id")}
	json.Unmarshal(body, &h)
	rc.got = append(rc.got, h)
	w.WriteHeader(http.StatusNoContent)
}

// wait waits for a signed webhook of type typ and returns its data.
func (rc *receiver) wait(t *testing.T, typ string) json.RawMessage {
	t.Helper()
	var data json.RawMessage
	testkit.Eventually(t, pageTimeout, func() bool {
		rc.mu.Lock()
		defer rc.mu.Unlock()
		if rc.bad > 0 {
			t.Fatalf("%d webhooks failed the signature check", rc.bad)
		}
		for _, h := range rc.got {
			if h.Type == typ {
				data = h.Data
				return true
			}
		}
		return false
	}, "no %s webhook arrived", typ)
	return data
}

// addAuthenticator gives the tab a virtual platform authenticator, as a
// laptop's fingerprint reader: it keeps discoverable credentials,
// verifies the user and answers every prompt at once.
func (p *page) addAuthenticator() {
	p.t.Helper()
	if _, err := chromedp.Call(p.ctx, webauthn.Enable, webauthn.EnableParams{}); err != nil {
		p.t.Fatalf("enable WebAuthn: %v", err)
	}
	_, err := chromedp.Call(p.ctx, webauthn.AddVirtualAuthenticator, webauthn.AddVirtualAuthenticatorParams{
		Options: &webauthn.VirtualAuthenticatorOptions{
			Protocol: webauthn.AuthenticatorProtocolCtap2, Transport: webauthn.AuthenticatorTransportInternal,
			HasResidentKey: true, HasUserVerification: true, IsUserVerified: true, AutomaticPresenceSimulation: true,
		}})
	if err != nil {
		p.t.Fatalf("add a virtual authenticator: %v", err)
	}
}

// withoutAutofill makes the tab's next pages report that the browser
// cannot offer passkeys in autofill (no conditional mediation), until
// restore is called. A virtual authenticator answers an autofill request
// at once, which would sign in before the button could be tried.
func (p *page) withoutAutofill() (restore func()) {
	p.t.Helper()
	res, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{
		Source: `PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);`})
	if err != nil {
		p.t.Fatalf("turn autofill off: %v", err)
	}
	return func() {
		p.t.Helper()
		_, err := chromedp.Call(p.ctx, cdppage.RemoveScriptToEvaluateOnNewDocument, cdppage.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: res.Identifier})
		if err != nil {
			p.t.Fatalf("turn autofill on: %v", err)
		}
	}
}
