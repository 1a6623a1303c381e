package testkit

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// CardDAV user and password of an AddressBook.
const (
	CardDAVUser = "alice"
	CardDAVPass = "alice-secret"
)

// AddressBook is Debian's Radicale on a loopback port with one user and
// an empty address book, killed by PID when the test ends. Without
// Radicale the test is skipped, and fails in CI, which installs it.
type AddressBook struct {
	// URL is the address book collection's URL.
	URL string
	t   testing.TB
}

// StartAddressBook starts Radicale over a fresh folder.
func StartAddressBook(t testing.TB) *AddressBook {
	t.Helper()
	if _, err := exec.LookPath("radicale"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("radicale is not installed; CI must install the Debian package radicale")
		}
		t.Skip("radicale is not installed: apt-get install radicale to run the CardDAV tests")
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "collections", "collection-root", CardDAVUser, "contacts")
	props := `{"D:displayname": "Contacts", "tag": "VADDRESSBOOK"}`
	if err := os.MkdirAll(book, 0o700); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(book, ".Radicale.props"), []byte(props), 0o600)
	os.WriteFile(filepath.Join(dir, "users"), []byte(CardDAVUser+":"+CardDAVPass+"\n"), 0o600)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command("radicale", "--server-hosts", addr, "--auth-type", "htpasswd",
		"--auth-htpasswd-filename", filepath.Join(dir, "users"), "--auth-htpasswd-encryption", "plain",
		"--rights-type", "owner_only", "--storage-filesystem-folder", filepath.Join(dir, "collections"), "--logging-level", "warning")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	Eventually(t, 20*time.Second, func() bool {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
		}
		return err == nil
	}, "radicale does not listen on %s", addr)
	return &AddressBook{URL: fmt.Sprintf("http://%s/%s/contacts/", addr, CardDAVUser), t: t}
}

// Put writes a card as another client of the book would; card's lines
// end in a newline, which Put turns into CRLF.
func (b *AddressBook) Put(name, card string) {
	b.t.Helper()
	card = strings.ReplaceAll(strings.TrimSpace(card), "\n", "\r\n") + "\r\n"
	req, err := http.NewRequest(http.MethodPut, b.URL+name, strings.NewReader(card))
	if err != nil {
		b.t.Fatal(err)
	}
	req.SetBasicAuth(CardDAVUser, CardDAVPass)
	req.Header.Set("Content-Type", "text/vcard")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		b.t.Fatalf("PUT %s: %d", name, resp.StatusCode)
	}
}
