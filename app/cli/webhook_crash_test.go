package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/webhooks"
)

// hookReceiver collects the distinct webhook ids it receives, verifying
// every signature with the Standard Webhooks library.
type hookReceiver struct {
	mu       sync.Mutex
	ids      map[string]bool
	requests int
	bad      int
	wh       *standardwebhooks.Webhook
}

func (h *hookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	defer h.mu.Unlock()
	err := h.wh.Verify(body, r.Header)
	h.requests++
	if err != nil {
		h.bad++
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	h.ids[r.Header.Get("webhook-id")] = true
}

func (h *hookReceiver) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.ids)
}

// TestWebhooksSurviveSIGKILL kills `portico serve` twice while it
// delivers 10,000 events to a receiver on loopback, restarts it each
// time, and checks that the receiver saw every event's webhook id.
func TestWebhooksSurviveSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and delivers 10,000 webhooks")
	}
	const total = 10_000
	dir := t.TempDir()
	bin := filepath.Join(dir, "portico")
	if out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "../../cmd/portico").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "data", "portico.db")
	rc := &hookReceiver{ids: map[string]bool{}}
	wh := seedWebhooks(t, db, total, rc)
	rc.mu.Lock()
	rc.wh = wh // the receiver is already listening
	rc.mu.Unlock()
	args := []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--webhook-allow-nets", "127.0.0.0/8",
		"--job-lease", "1s", "--log-level", "error"}
	for _, killAt := range []int{total / 5, total / 2} {
		cmd := startServe(t, bin, args)
		waitUntil(t, fmt.Sprintf("%d webhooks before the kill", killAt), 2*time.Minute, func() bool { return rc.count() >= killAt })
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		t.Logf("killed with %d of %d webhook ids received", rc.count(), total)
	}
	cmd := startServe(t, bin, args)
	waitUntil(t, "every webhook", 3*time.Minute, func() bool { return rc.count() >= total })
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	assertEveryEventArrived(t, db, rc)
}

// seedWebhooks writes total events, half of them interactive (company
// creations) and half in bulk batches (contacts inserted as an import
// does), and one endpoint for the receiver it starts, and returns the
// verifier of its secret.
func seedWebhooks(t *testing.T, db string, total int, rc *hookReceiver) *standardwebhooks.Webhook {
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(rc)
	t.Cleanup(srv.Close)
	svc := webhooks.NewService(st, []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")})
	_, secret, err := svc.CreateEndpoint(context.Background(), webhooks.EndpointInput{URL: srv.URL + "/hooks", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range total / 2 {
		if _, err := st.CreateCompany(context.Background(), model.Actor{Name: "Seed"}, model.CompanyFields{Name: fmt.Sprintf("Company %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	for done := total / 2; done < total; done += 1000 {
		batch := make([]store.NewContact, min(1000, total-done))
		for i := range batch {
			batch[i] = store.NewContact{Fields: model.ContactFields{Name: fmt.Sprintf("Person %d", done+i)},
				Emails: []string{fmt.Sprintf("person%d@example.com", done+i)}}
		}
		if _, err := st.InsertContacts(context.Background(), model.Actor{Name: "Seed"}, batch); err != nil {
			t.Fatal(err)
		}
	}
	wh, err := standardwebhooks.NewWebhook(secret)
	if err != nil {
		t.Fatal(err)
	}
	return wh
}

func startServe(t *testing.T, bin string, args []string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

func waitUntil(t *testing.T, what string, limit time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func assertEveryEventArrived(t *testing.T, db string, rc *hookReceiver) {
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	evs, err := st.EventsAfter(context.Background(), 0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	missing := 0
	for _, ev := range evs {
		if !rc.ids[ev.ID] {
			missing++
		}
	}
	t.Logf("%d requests for %d events: %d duplicates", rc.requests, len(evs), rc.requests-len(rc.ids))
	if missing > 0 || len(rc.ids) != len(evs) || rc.bad > 0 {
		t.Errorf("%d of %d events never arrived; %d distinct ids received; %d bad signatures", missing, len(evs), len(rc.ids), rc.bad)
	}
}
