package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"time"

	"github.com/emersion/go-webdav/carddav"
)

// book is one configured address book: go-webdav for the reports (sync,
// multiget, query) and plain requests for the conditional writes, which
// go-webdav's PutAddressObject cannot send (it sets neither If-Match nor
// If-None-Match).
type book struct {
	base *url.URL
	http *davHTTP
	dav  *carddav.Client
}

func newBook(u *url.URL, user, pass string, timeout time.Duration) (*book, error) {
	h := &davHTTP{client: &http.Client{Timeout: timeout}, user: user, pass: pass}
	dav, err := carddav.NewClient(h, (&url.URL{Scheme: u.Scheme, Host: u.Host}).String())
	if err != nil {
		return nil, err
	}
	return &book{base: u, http: h, dav: dav}, nil
}

// CheckHealth reads the address book's properties, which needs the host,
// the password and the collection to be right.
func (b *book) CheckHealth(ctx context.Context) (string, error) {
	if _, err := b.dav.Stat(ctx, b.base.Path); err != nil {
		return "", err
	}
	return fmt.Sprintf("Connected to the address book %s on %s as %s", b.base.Path, b.base.Host, b.http.user), nil
}

// Close releases idle connections when the instance is replaced.
func (b *book) Close() error {
	b.http.client.CloseIdleConnections()
	return nil
}

// objectPath is a card's path; remote ids are the cards' names in the book.
func (b *book) objectPath(id string) string { return path.Join(b.base.Path, id) }

// objectURL is a card's URL, escaped.
func (b *book) objectURL(id string) string { return b.base.JoinPath(id).String() }

// remoteID is the card's name within the book.
func remoteID(p string) string { return path.Base(p) }

// quoteETag turns go-webdav's unquoted ETag back into the header form,
// which is also the version Portico stores.
func quoteETag(etag string) string {
	if etag == "" {
		return ""
	}
	return strconv.Quote(etag)
}
