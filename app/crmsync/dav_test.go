package crmsync_test

import (
	"bytes"
	"cmp"
	"context"
	"net/http"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-vcard"
	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/carddav"

	"github.com/portico-hub/portico/app/internal/testkit"
)

// dav is another client of the address book, as a person's phone or the
// CRM's own UI would be: it reads with go-webdav's CardDAV client and
// writes with plain HTTP, since go-webdav's PutAddressObject sends no
// If-Match.
type dav struct {
	t      testing.TB
	book   *testkit.AddressBook
	path   string
	client *carddav.Client
}

func newDAV(t testing.TB, book *testkit.AddressBook) *dav {
	return newDAVAs(t, book, testkit.CardDAVPass)
}

// newDAVAs signs its reads in with pass, after the password was changed.
func newDAVAs(t testing.TB, book *testkit.AddressBook, pass string) *dav {
	hc := webdav.HTTPClientWithBasicAuth(http.DefaultClient, testkit.CardDAVUser, pass)
	c, err := carddav.NewClient(hc, book.URL)
	if err != nil {
		t.Fatal(err)
	}
	return &dav{t: t, book: book, path: "/" + testkit.CardDAVUser + "/contacts/", client: c}
}

// card is a person's card as the tests compare it.
type card struct {
	Name, Phone, Title, Note string
	Emails, Tags             []string
	// Org marks an organisation's card (KIND:org), whose URLs are its
	// web sites.
	Org  bool
	URLs []string
	// Rev is the card's REV; zero writes now.
	Rev time.Time
}

// cards lists every card by file name.
func (d *dav) cards() map[string]card {
	d.t.Helper()
	objs, err := d.client.QueryAddressBook(context.Background(), d.path, &carddav.AddressBookQuery{
		DataRequest: carddav.AddressDataRequest{AllProp: true}})
	if err != nil {
		d.t.Fatal(err)
	}
	out := map[string]card{}
	for _, o := range objs {
		out[path.Base(o.Path)] = cardOf(o.Card)
	}
	return out
}

func cardOf(c vcard.Card) card {
	out := card{Name: c.Value(vcard.FieldFormattedName), Phone: c.Value(vcard.FieldTelephone), Title: c.Value(vcard.FieldTitle),
		Note: c.Value(vcard.FieldNote), Emails: c.Values(vcard.FieldEmail), Org: c.Kind() == vcard.KindOrganization,
		URLs: c.Values(vcard.FieldURL)}
	for _, tag := range c.Categories() {
		if tag = strings.TrimSpace(tag); tag != "" { // a blank category is none, as the connector reads it
			out.Tags = append(out.Tags, tag)
		}
	}
	slices.Sort(out.Tags)
	return out
}

// put writes a card under name, keeping what the card had beyond the
// fields the test sets.
func (d *dav) put(name string, c card) {
	d.t.Helper()
	vc := d.get(name)
	if vc == nil {
		vc = vcard.Card{}
		vc.SetValue(vcard.FieldVersion, "3.0")
		vc.SetValue(vcard.FieldUID, strings.TrimSuffix(name, ".vcf"))
		if c.Org {
			vc.SetKind(vcard.KindOrganization)
		}
	}
	if c.URLs != nil {
		delete(vc, vcard.FieldURL)
		for _, u := range c.URLs {
			vc.AddValue(vcard.FieldURL, u)
		}
	}
	set := func(f string, vals ...string) {
		delete(vc, f)
		for _, v := range vals {
			if v != "" {
				vc.AddValue(f, v)
			}
		}
	}
	set(vcard.FieldFormattedName, c.Name)
	set(vcard.FieldEmail, c.Emails...)
	set(vcard.FieldTelephone, c.Phone)
	set(vcard.FieldTitle, c.Title)
	set(vcard.FieldNote, c.Note)
	vc.SetRevision(cmp.Or(c.Rev, time.Now()))
	delete(vc, vcard.FieldCategories)
	if len(c.Tags) > 0 {
		vc.SetCategories(c.Tags)
	}
	var buf bytes.Buffer
	if err := vcard.NewEncoder(&buf).Encode(vc); err != nil {
		d.t.Fatal(err)
	}
	d.do(http.MethodPut, name, buf.Bytes())
}

func (d *dav) get(name string) vcard.Card {
	d.t.Helper()
	obj, err := d.client.GetAddressObject(context.Background(), d.path+name)
	if err != nil {
		return nil
	}
	return obj.Card
}

func (d *dav) remove(name string) { d.do(http.MethodDelete, name, nil) }

func (d *dav) do(method, name string, body []byte) {
	d.t.Helper()
	if code, resp := d.book.Do(method, name, string(body)); code >= 300 {
		d.t.Fatalf("%s %s: %d %s", method, name, code, resp)
	}
}
