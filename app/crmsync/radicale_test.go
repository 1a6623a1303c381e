package crmsync_test

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

const (
	davUser = "alice"
	davPass = "alice-secret"
)

// radicale is Debian's Radicale on a loopback port with one htpasswd
// user and an empty address book, started by the test and killed by PID.
// stop and start keep the storage, for outages.
type radicale struct {
	t      testing.TB
	dir    string
	addr   string
	cmd    *exec.Cmd
	exited chan struct{}
	logs   *syncBuf
}

func startRadicale(t testing.TB) *radicale {
	t.Helper()
	if _, err := exec.LookPath("radicale"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("radicale is not installed; CI must install the Debian package radicale")
		}
		t.Skip("radicale is not installed: apt-get install radicale to run the sync tests against a real CardDAV server")
	}
	dir := t.TempDir()
	r := &radicale{t: t, dir: dir, addr: fmt.Sprintf("127.0.0.1:%d", freePort(t))}
	if err := os.WriteFile(filepath.Join(dir, "users"), []byte(davUser+":"+davPass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "collections", "collection-root", davUser, "contacts")
	if err := os.MkdirAll(book, 0o700); err != nil {
		t.Fatal(err)
	}
	props := `{"D:displayname": "Contacts", "tag": "VADDRESSBOOK"}`
	if err := os.WriteFile(filepath.Join(book, ".Radicale.props"), []byte(props), 0o600); err != nil {
		t.Fatal(err)
	}
	r.start()
	t.Cleanup(r.stop)
	return r
}

func (r *radicale) start() {
	r.t.Helper()
	r.logs = &syncBuf{}
	r.cmd = exec.Command("radicale", "--server-hosts", r.addr, "--auth-type", "htpasswd",
		"--auth-htpasswd-filename", filepath.Join(r.dir, "users"), "--auth-htpasswd-encryption", "plain",
		"--rights-type", "owner_only", "--storage-filesystem-folder", filepath.Join(r.dir, "collections"),
		"--logging-level", "warning")
	r.cmd.Stdout, r.cmd.Stderr = r.logs, r.logs
	if err := r.cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	r.exited = make(chan struct{})
	go func(cmd *exec.Cmd, done chan struct{}) { cmd.Wait(); close(done) }(r.cmd, r.exited)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", r.addr, 200*time.Millisecond); err == nil {
			c.Close()
			return
		}
		select {
		case <-r.exited:
			r.t.Fatalf("radicale exited:\n%s", r.logs.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	r.t.Fatalf("radicale does not listen on %s:\n%s", r.addr, r.logs.String())
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

func (r *radicale) bookURL() string { return fmt.Sprintf("http://%s/%s/contacts/", r.addr, davUser) }

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

type syncBuf struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuf) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuf) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
