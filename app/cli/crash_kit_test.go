package cli

import (
	"context"
	"database/sql"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/portico-hub/portico/app/internal/testkit"
	"github.com/portico-hub/portico/app/store"
	"github.com/portico-hub/portico/app/store/storetest"
	"github.com/portico-hub/portico/app/webhooks"
)

// serveArgs runs `portico serve` on db, allowed to deliver to loopback,
// with short leases so a killed server's jobs are taken up again soon.
func serveArgs(db string) []string {
	return []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--webhook-allow-nets", "127.0.0.0/8",
		"--job-lease", "1s", "--log-level", "error"}
}

// buildPortico builds the portico binary into a temporary directory and
// returns both.
func buildPortico(t *testing.T) (dir, bin string) {
	dir = t.TempDir()
	bin = filepath.Join(dir, "portico")
	if out, err := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "../../cmd/portico").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return dir, bin
}

// subscribe creates the database with n endpoints subscribed to every
// event type, each with its own receiver.
func subscribe(t *testing.T, db string, n int) []*testkit.Hooks {
	st := openDB(t, db)
	defer st.Close()
	svc := webhooks.NewService(st, []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")})
	hooks := make([]*testkit.Hooks, n)
	for i := range hooks {
		hooks[i] = testkit.StartHooks(t)
		in := webhooks.EndpointInput{URL: fmt.Sprintf("%s/hooks/%d", hooks[i].URL, i), Enabled: true}
		_, secret, err := svc.CreateEndpoint(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		hooks[i].Trust(t, secret)
	}
	return hooks
}

func openDB(t *testing.T, db string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func startServe(t *testing.T, bin string, args []string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// kill ends the server with SIGKILL, as a power cut would.
func kill(t *testing.T, cmd *exec.Cmd, hooks []*testkit.Hooks) {
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	for i, h := range hooks {
		t.Logf("killed with %d webhook ids at receiver %d", h.Distinct(), i)
	}
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

// deliverAll waits for the server to deliver every stored event to every
// receiver, stops it and checks what arrived.
func deliverAll(t *testing.T, db string, cmd *exec.Cmd, hooks []*testkit.Hooks) {
	st := openDB(t, db)
	due := storetest.Due(t, st)
	st.Close()
	for i, h := range hooks {
		waitUntil(t, fmt.Sprintf("every webhook at receiver %d", i), 3*time.Minute, func() bool { return h.Distinct() >= len(due) })
	}
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	for i, h := range hooks {
		repeats := h.CheckArrivals(t, fmt.Sprintf("receiver %d", i), due)
		accepted, refused, bad := h.Stats()
		t.Logf("receiver %d: %d requests for %d events, %d repeats", i, accepted+refused+bad, len(due), repeats)
		if bad > 0 {
			t.Errorf("receiver %d: %d requests with a bad signature", i, bad)
		}
	}
}

// rawDB opens the database file directly, closed when the test ends.
func rawDB(t *testing.T, path string) *sql.DB {
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
