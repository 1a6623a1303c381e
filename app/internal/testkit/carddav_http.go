package testkit

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// Put writes a card as another client of the book would; card's lines
// end in a newline, which Put turns into CRLF.
func (b *AddressBook) Put(name, card string) {
	b.t.Helper()
	if code, body := b.Do(http.MethodPut, name, crlf(card)); code >= 300 {
		b.t.Fatalf("PUT %s: %d %s", name, code, body)
	}
}

// Get returns a card's text.
func (b *AddressBook) Get(name string) string {
	b.t.Helper()
	code, body := b.Do(http.MethodGet, name, "")
	if code >= 300 {
		b.t.Fatalf("GET %s: %d %s", name, code, body)
	}
	return body
}

// Do sends a request for name in the book as its user, and returns the
// status and body whatever the status.
func (b *AddressBook) Do(method, name, body string) (int, string) {
	b.t.Helper()
	req, err := http.NewRequest(method, b.URL+name, strings.NewReader(body))
	if err != nil {
		b.t.Fatal(err)
	}
	req.SetBasicAuth(CardDAVUser, b.pass)
	req.Header.Set("Content-Type", "text/vcard; charset=utf-8")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		b.t.Fatal(err)
	}
	return resp.StatusCode, string(got)
}

// Seed writes a card file straight into Radicale's storage, as its
// documentation allows: much faster than a PUT for thousands of cards,
// and the way to store a card Radicale would refuse.
func (b *AddressBook) Seed(name, card string) {
	b.t.Helper()
	if err := os.WriteFile(filepath.Join(b.bookDir(), name), []byte(crlf(card)), 0o600); err != nil {
		b.t.Fatal(err)
	}
}

// SetPassword changes the user's password, as its owner would: Radicale
// reads it on the next request, and Put, Get and Do use it from now on.
func (b *AddressBook) SetPassword(pass string) {
	b.t.Helper()
	if err := os.WriteFile(filepath.Join(b.dir, "users"), []byte(CardDAVUser+":"+pass+"\n"), 0o600); err != nil {
		b.t.Fatal(err)
	}
	b.pass = pass
}

// crlf ends each of card's lines in CRLF, as vCard wants.
func crlf(card string) string {
	return strings.ReplaceAll(strings.TrimSpace(card), "\n", "\r\n") + "\r\n"
}
