package e2e

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/config"
)

const beginPath = "/portal/passkeys/login/begin"

// front is a reverse proxy before Portico, as a customer's browser
// reaches it, that counts the requests it passes on and can answer the
// passkey sign-in's first step itself, as a server in an outage would.
type front struct {
	mu     sync.Mutex
	begins int
	down   bool
}

func (f *front) ServeHTTP(w http.ResponseWriter, r *http.Request, next http.Handler) {
	if r.Method == http.MethodPost && r.URL.Path == beginPath {
		f.mu.Lock()
		f.begins++
		down := f.down
		f.mu.Unlock()
		if down {
			http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
			return
		}
	}
	next.ServeHTTP(w, r)
}

func (f *front) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.begins
}

// startFront starts Portico, its passkeys for localhost, behind a
// counting proxy on 127.0.0.1: it returns the server as the browser
// reaches it, through the proxy by the name pageHost, and the counter.
func startFront(t *testing.T, pageHost string, down bool) (*portico, *front) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	app := startConfigured(t, func(cfg *config.Config, _ int) { cfg.BaseURL = fmt.Sprintf("http://localhost:%d", port) })
	backend, _ := url.Parse("http://" + app.Config.Addr)
	proxy := httputil.NewSingleHostReverseProxy(backend)
	f := &front{down: down}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { f.ServeHTTP(w, r, proxy) })}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	viaFront := *app
	viaFront.URL = fmt.Sprintf("http://%s:%d", pageHost, port)
	return &viaFront, f
}

// TestPasskeyAutofillDoesNotFloodTheServer opens the portal's sign-in
// page where the passkey autofill cannot work: on 127.0.0.1 while the
// passkeys are for localhost (the browser refuses the ceremony), and
// during an outage (the server answers 503). A customer who does nothing
// must cause at most a few requests, and see no error about them.
func TestPasskeyAutofillDoesNotFloodTheServer(t *testing.T) {
	cases := []struct {
		name, pageHost string
		down           bool
		most           int
	}{
		{"host name the passkeys are not for", "127.0.0.1", false, 1},
		{"outage", "localhost", true, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app, f := startFront(t, tc.pageHost, tc.down)
			p := newPage(t, app)
			if tc.down {
				p.expectConsole("status of 503") // the outage answers 503
			}
			p.addAuthenticator() // so that the browser offers passkeys in autofill
			if tc.down {
				p.expectConsole("status of 503") // the browser logs each refused request itself
			}
			p.open("/portal/login")
			p.waitFor("the autofill to start", `() => document.querySelector("[data-passkey-autofill]") !== null`)
			time.Sleep(8 * time.Second) // a customer reading the page; the retries wait 2 s, then 4 s
			if n := f.count(); n < 1 || n > tc.most {
				t.Errorf("the server received %d passkey sign-in requests in 8 s, want 1 to %d", n, tc.most)
			}
			if status := strings.Join(p.texts("#passkey-status"), ""); strings.Contains(status, "Too many") {
				t.Errorf("a customer who did nothing reads %q", status)
			}
		})
	}
}
