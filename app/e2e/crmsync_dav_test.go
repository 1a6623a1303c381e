package e2e

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// davBook is Debian's Radicale on a loopback port with user alice and
// an empty address book, killed by PID when the test ends.
type davBook struct {
	t    *testing.T
	addr string
}

const davUser, davPass = "alice", "alice-secret"

func startDAV(t *testing.T) *davBook {
	t.Helper()
	if _, err := exec.LookPath("radicale"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("radicale is not installed; CI must install the Debian package radicale")
		}
		t.Skip("radicale is not installed")
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "collections", "collection-root", davUser, "contacts")
	os.MkdirAll(book, 0o700)
	os.WriteFile(filepath.Join(book, ".Radicale.props"), []byte(`{"D:displayname": "Contacts", "tag": "VADDRESSBOOK"}`), 0o600)
	os.WriteFile(filepath.Join(dir, "users"), []byte(davUser+":"+davPass+"\n"), 0o600)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	d := &davBook{t: t, addr: ln.Addr().String()}
	ln.Close()
	cmd := exec.Command("radicale", "--server-hosts", d.addr, "--auth-type", "htpasswd",
		"--auth-htpasswd-filename", filepath.Join(dir, "users"), "--auth-htpasswd-encryption", "plain",
		"--rights-type", "owner_only", "--storage-filesystem-folder", filepath.Join(dir, "collections"), "--logging-level", "warning")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", d.addr); err == nil {
			c.Close()
			return d
		}
	}
	t.Fatalf("radicale does not listen on %s", d.addr)
	return nil
}

func (d *davBook) url() string { return fmt.Sprintf("http://%s/%s/contacts/", d.addr, davUser) }

// put writes a card as another client of the book would.
func (d *davBook) put(name, card string) {
	d.t.Helper()
	card = strings.ReplaceAll(strings.TrimSpace(card), "\n", "\r\n") + "\r\n"
	if code, _ := d.do(http.MethodPut, name, card); code >= 300 {
		d.t.Fatalf("PUT %s: %d", name, code)
	}
}

// get returns a card's text.
func (d *davBook) get(name string) string {
	d.t.Helper()
	_, body := d.do(http.MethodGet, name, "")
	return body
}

func (d *davBook) do(method, name, body string) (int, string) {
	d.t.Helper()
	req, _ := http.NewRequest(method, d.url()+name, strings.NewReader(body))
	req.SetBasicAuth(davUser, davPass)
	req.Header.Set("Content-Type", "text/vcard")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		d.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
