package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
	"github.com/portico-hub/portico/app/store/storetest"
)

// behindProxy trusts the test transport's peer (0.0.0.0) as a reverse
// proxy, so each request names its client in X-Forwarded-For.
func behindProxy(cfg *config.Config) { cfg.TrustedProxiesRaw = "0.0.0.0/32" }

// signInForm is one of the two sign-in forms, with an account on it.
type signInForm struct {
	name, path, email, password string
	setUp                       func(ts *testServer)
}

var signInForms = []signInForm{
	{"agents", "/login", "ann@example.com", "correct horse battery", func(ts *testServer) { ts.admin() }},
	{"portal", "/portal/login", "jimin@example.com", "corn flakes at noon", func(ts *testServer) {
		ts.activated(ts.admin(), "Han Ji-min", "jimin@example.com", "corn flakes at noon")
	}},
}

// signInFrom posts a sign-in form from a fresh browser at client IP ip.
func (ts *testServer) signInFrom(f signInForm, ip, email, password string) (*http.Response, string) {
	c := ts.client()
	c.get(f.path)
	return c.post(f.path, url.Values{"email": {email}, "password": {password}}, "X-Forwarded-For", ip)
}

// TestStrangersCannotLockTheOwnerOut guesses an account's password
// from a dozen IPs: each guessing IP is held back, with a growing delay,
// even when it then tries the right password, while the owner signing
// in from an IP of their own gets in. An unknown address is answered
// exactly the same way.
func TestStrangersCannotLockTheOwnerOut(t *testing.T) {
	for _, f := range signInForms {
		t.Run(f.name, func(t *testing.T) {
			ts := newTestServer(t, behindProxy)
			f.setUp(ts)
			clock := storetest.NewClock(time.Now().UTC())
			ts.store.Now = clock.Now
			for _, email := range []string{f.email, "nobody@example.com"} {
				for i := range 12 {
					resp, body := ts.signInFrom(f, fmt.Sprintf("203.0.113.%d", i), email, "guess")
					wantStatus(t, resp, body, http.StatusUnauthorized)
				}
				resp, body := ts.signInFrom(f, "203.0.113.11", email, f.password)
				wantStatus(t, resp, body, http.StatusTooManyRequests)
				wantContains(t, body, "Too many sign-in attempts. Try again in ")
				if resp.Header.Get("Retry-After") == "" {
					t.Error("a held-back attempt has no Retry-After")
				}
			}
			resp, body := ts.signInFrom(f, "198.51.100.7", f.email, f.password)
			wantStatus(t, resp, body, http.StatusSeeOther)
			resp, body = ts.signInFrom(f, "198.51.100.8", f.email, "a typo")
			wantStatus(t, resp, body, http.StatusUnauthorized)
			resp, body = ts.signInFrom(f, "198.51.100.8", f.email, f.password)
			wantStatus(t, resp, body, http.StatusTooManyRequests)
			clock.Advance(15 * time.Minute)
			resp, body = ts.signInFrom(f, "198.51.100.8", f.email, f.password)
			wantStatus(t, resp, body, http.StatusSeeOther)
		})
	}
}

// TestSignInIsLimitedPerClientIP fails on a new address each time from
// one IP, forging the left of X-Forwarded-For, which a client controls:
// the IP is held back after login-rate failures all the same.
func TestSignInIsLimitedPerClientIP(t *testing.T) {
	for _, f := range signInForms {
		t.Run(f.name, func(t *testing.T) {
			ts := newTestServer(t, behindProxy)
			f.setUp(ts)
			ts.store.Now = storetest.NewClock(time.Now().UTC()).Now // stands still: the wait is a whole minute
			for i := range 5 {
				forged := fmt.Sprintf("192.0.2.%d, 203.0.113.9", i)
				resp, body := ts.signInFrom(f, forged, fmt.Sprintf("u%d@example.com", i), "guess")
				wantStatus(t, resp, body, http.StatusUnauthorized)
			}
			resp, body := ts.signInFrom(f, "192.0.2.99, 203.0.113.9", f.email, f.password)
			wantStatus(t, resp, body, http.StatusTooManyRequests)
			wantContains(t, body, "Try again in a minute.")
			resp, body = ts.signInFrom(f, "203.0.113.10", f.email, f.password)
			wantStatus(t, resp, body, http.StatusSeeOther)
		})
	}
}
