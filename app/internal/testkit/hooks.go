package testkit

import (
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"
)

// Hooks is a real webhook receiver on loopback. It verifies each
// request's signature with the Standard Webhooks library and keeps the
// webhook-id of every request it accepts, in order of arrival, repeats
// included. It can go down, answering 503 or refusing connections.
type Hooks struct {
	// URL is where the receiver listens, the same while it is down.
	URL string

	addr     string
	unready  atomic.Bool
	srvMu    sync.Mutex
	srv      *http.Server
	mu       sync.Mutex
	wh       *standardwebhooks.Webhook
	accepted []string
	distinct map[string]bool
	refused  int
	bad      int
}

// StartHooks starts a receiver that stops when the test ends. It refuses
// every request until Trust gives it the endpoint's secret.
func StartHooks(t testing.TB) *Hooks {
	t.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &Hooks{addr: ln.Addr().String(), distinct: map[string]bool{}}
	h.URL = "http://" + h.addr
	h.serve(ln)
	t.Cleanup(h.stop)
	return h
}

func (h *Hooks) serve(ln net.Listener) {
	h.srvMu.Lock()
	defer h.srvMu.Unlock()
	h.srv = &http.Server{Handler: h}
	go h.srv.Serve(ln)
}

// stop closes the listener and every connection; srv is nil until Up.
func (h *Hooks) stop() {
	h.srvMu.Lock()
	defer h.srvMu.Unlock()
	if h.srv != nil {
		h.srv.Close()
		h.srv = nil
	}
}

// Trust makes the receiver verify signatures with secret (whsec_...).
func (h *Hooks) Trust(t testing.TB, secret string) {
	t.Helper()
	wh, err := standardwebhooks.NewWebhook(secret)
	if err != nil {
		t.Fatal(err)
	}
	h.mu.Lock()
	h.wh = wh
	h.mu.Unlock()
}

// Down makes the receiver fail every request until Up: with refuse it
// stops listening, so connections are refused as by a stopped server;
// otherwise it answers 503, as a receiver behind a failing proxy does.
func (h *Hooks) Down(refuse bool) {
	if refuse {
		h.stop()
		return
	}
	h.unready.Store(true)
}

// Up makes the receiver accept requests again, on the same address.
func (h *Hooks) Up(t testing.TB) {
	t.Helper()
	h.unready.Store(false)
	h.srvMu.Lock()
	listening := h.srv != nil
	h.srvMu.Unlock()
	if listening {
		return
	}
	ln, err := net.Listen("tcp4", h.addr)
	if err != nil {
		t.Fatal(err)
	}
	h.serve(ln)
}

func (h *Hooks) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case h.unready.Load():
		h.refused++
		w.WriteHeader(http.StatusServiceUnavailable)
	case h.wh == nil || h.wh.Verify(body, r.Header) != nil:
		h.bad++
		w.WriteHeader(http.StatusBadRequest)
	default:
		id := r.Header.Get("webhook-id")
		h.accepted = append(h.accepted, id)
		h.distinct[id] = true
		w.WriteHeader(http.StatusNoContent)
	}
}

// Distinct is how many different webhook ids the receiver accepted.
func (h *Hooks) Distinct() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.distinct)
}

// Stats says how many requests the receiver accepted, answered 503 and
// refused for a bad signature.
func (h *Hooks) Stats() (accepted, refused, bad int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.accepted), h.refused, h.bad
}

// Accepted returns the ids of the accepted requests in order of arrival.
func (h *Hooks) Accepted() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.accepted...)
}
