package webhooks_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/mail"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
	"github.com/portico-hub/portico/app/webhooks"
)

// loopback is the allow-list that lets webhooks reach the test receivers.
var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}

// env is a store on a movable clock, the admin service and a worker.
type env struct {
	path string // the database file
	st   *store.Store
	clk  *storetest.Clock
	svc  *webhooks.Service
	w    *webhooks.Worker
}

func newEnv(t testing.TB, allow []netip.Prefix) *env {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hooks.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := &env{path: path, st: st, clk: storetest.NewClock(time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC))}
	st.Now = e.clk.Now
	e.svc = webhooks.NewService(st, allow)
	mailer := &mail.Mailer{Store: st, Templates: &mail.Templates{Store: st}, PortalName: "Acme Support"}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	e.w = webhooks.NewWorker(st, webhooks.NewClient(allow), log, webhooks.Notice(mailer, "https://support.example.com"))
	e.w.Poll = 10 * time.Millisecond
	return e
}

// started is newEnv with its worker running until the test ends.
func started(t testing.TB, allow []netip.Prefix) *env {
	e := newEnv(t, allow)
	e.start(t)
	return e
}

// start runs the worker until the test ends.
func (e *env) start(t testing.TB) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { e.w.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
}

// endpoint registers url for every event type and returns it with its secret.
func (e *env) endpoint(t testing.TB, url string, types ...string) (*model.WebhookEndpoint, string) {
	t.Helper()
	ep, secret, err := e.svc.CreateEndpoint(context.Background(), webhooks.EndpointInput{URL: url, EventTypes: types, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	return ep, secret
}

// contact creates a contact, which writes contact.created.
func (e *env) contact(t testing.TB, name, email string) int64 {
	t.Helper()
	id, err := e.st.CreateContact(context.Background(), model.Actor{Name: "Ann"},
		store.NewContact{Fields: model.ContactFields{Name: name}, Emails: []string{email}})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// deliveries returns an endpoint's log, newest first.
func (e *env) deliveries(t testing.TB, endpointID int64) []model.WebhookDelivery {
	t.Helper()
	page, err := e.svc.DeliveryLog(context.Background(), model.DeliveryQuery{EndpointID: endpointID, PerPage: 100})
	if err != nil {
		t.Fatal(err)
	}
	return page.Deliveries
}

// waitFor polls ok until it holds, failing after 20 s.
func waitFor(t testing.TB, what string, ok func() bool) {
	t.Helper()
	testkit.Eventually(t, 20*time.Second, ok, "timed out waiting for %s", what)
}

// received is one request a receiver got.
type received struct {
	header http.Header
	body   []byte
}

// receiver is a real HTTP server on loopback that answers each request
// with the status answer picks for it (n counts from 1).
type receiver struct {
	*httptest.Server
	mu     sync.Mutex
	got    []received
	answer func(n int) int
}

func newReceiver(t testing.TB, answer func(n int) int) *receiver {
	rc := &receiver{answer: answer}
	rc.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		rc.got = append(rc.got, received{header: r.Header.Clone(), body: body})
		n := len(rc.got)
		rc.mu.Unlock()
		w.WriteHeader(rc.answer(n))
		io.WriteString(w, "thanks")
	}))
	t.Cleanup(rc.Close)
	return rc
}

func (rc *receiver) requests() []received {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]received(nil), rc.got...)
}

func always(status int) func(int) int { return func(int) int { return status } }
