package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/portico-hub/portico/plugins/sdk/sdktest"
)

const (
	testUser = "alice"
	testPass = "alice-secret"
)

// radicale is a real Radicale on a loopback port with htpasswd users and
// owner-only rights, storing in a test folder: started by the test, killed
// by PID.
type radicale struct {
	t      testing.TB
	bin    string
	dir    string
	users  string
	addr   string
	cmd    *exec.Cmd
	exited chan struct{}
	logs   *sdktest.Logs
	// timeout is the connector's request timeout in seconds.
	timeout int
}

func startRadicale(t testing.TB) *radicale {
	t.Helper()
	bin := sdktest.ServerBinary(t, "radicale", "radicale")
	dir := shortDir(t)
	r := &radicale{t: t, bin: bin, dir: dir, timeout: 20, users: filepath.Join(dir, "users"),
		addr: fmt.Sprintf("127.0.0.1:%d", sdktest.FreePort(t))}
	r.setPassword(testPass)
	r.makeBook("contacts")
	r.start()
	return r
}

func (r *radicale) start() {
	r.t.Helper()
	r.logs = &sdktest.Logs{}
	r.cmd = exec.Command(r.bin, "--server-hosts", r.addr, "--auth-type", "htpasswd",
		"--auth-htpasswd-filename", r.users, "--auth-htpasswd-encryption", "plain",
		"--rights-type", "owner_only", "--storage-filesystem-folder", filepath.Join(r.dir, "collections"),
		"--logging-level", "warning")
	r.cmd.Stdout, r.cmd.Stderr = r.logs, r.logs
	if err := r.cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	r.exited = make(chan struct{})
	go func(cmd *exec.Cmd, done chan struct{}) { cmd.Wait(); close(done) }(r.cmd, r.exited)
	r.t.Cleanup(r.stop)
	// Radicale, in Python, takes its time to start on a busy machine.
	sdktest.WaitPortWithin(r.t, r.addr, 20*time.Second, r.exited, r.logs.String)
}

// stop kills the server; the storage stays for a restart.
func (r *radicale) stop() {
	select {
	case <-r.exited:
	default:
		r.cmd.Process.Kill()
		<-r.exited
	}
}

// setPassword writes the user's password; Radicale reads the file on
// every request, so a change takes effect at once.
func (r *radicale) setPassword(pw string) {
	if err := os.WriteFile(r.users, []byte(testUser+":"+pw+"\n"), 0o600); err != nil {
		r.t.Fatal(err)
	}
}

// bookDir is the address book's folder in Radicale's storage, where the
// tests seed cards as Radicale's documentation allows: one file per card.
func (r *radicale) bookDir(name string) string {
	return filepath.Join(r.dir, "collections", "collection-root", testUser, name)
}

func (r *radicale) makeBook(name string) {
	dir := r.bookDir(name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		r.t.Fatal(err)
	}
	props := `{"D:displayname": "Contacts", "tag": "VADDRESSBOOK"}`
	if err := os.WriteFile(filepath.Join(dir, ".Radicale.props"), []byte(props), 0o600); err != nil {
		r.t.Fatal(err)
	}
}

func (r *radicale) url(book string) string {
	return fmt.Sprintf("http://%s/%s/%s/", r.addr, testUser, book)
}

func (r *radicale) config(book string) string {
	return fmt.Sprintf(`{"url": %q, "username": %q, "timeout_seconds": %d}`, r.url(book), testUser, r.timeout)
}

// seed writes a card file straight into the storage.
func (r *radicale) seed(book, name, card string) {
	r.t.Helper()
	card = strings.ReplaceAll(strings.TrimSpace(card), "\n", "\r\n") + "\r\n"
	if err := os.WriteFile(filepath.Join(r.bookDir(book), name), []byte(card), 0o600); err != nil {
		r.t.Fatal(err)
	}
}

// do sends a request as alice, as another client of the address book would.
func (r *radicale) do(method, book, name, body string, header map[string]string) *http.Response {
	r.t.Helper()
	req, _ := http.NewRequest(method, r.url(book)+name, strings.NewReader(body))
	req.SetBasicAuth(testUser, testPass)
	req.Header.Set("Content-Type", "text/vcard")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

func shortDir(t testing.TB) string {
	dir, err := os.MkdirTemp("", "carddav")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
