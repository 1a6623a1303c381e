package main

import (
	"net/url"
	"strings"
	"time"

	"github.com/emersion/go-vcard"

	"github.com/portico-hub/portico/plugins/sdk"
)

// changeKey is the vCard property holding the idempotency key of the last
// change Portico wrote, so a retried write recognises that it already
// happened.
const changeKey = "X-PORTICO-CHANGE"

// isCompany tells an organisation's card: KIND:org (RFC 6350), or Apple's
// X-ABShowAs:COMPANY on vCard 3.0.
func isCompany(c vcard.Card) bool {
	return c.Kind() == vcard.KindOrganization || strings.EqualFold(c.Value("X-ABSHOWAS"), "COMPANY")
}

// cardChange turns a card into a pulled change: remote values, the default
// record, or an error when the card has no name at all.
func cardChange(id, version string, mod time.Time, c vcard.Card) sdk.Change {
	ch := sdk.Change{Op: sdk.OpUpsert, Object: sdk.ObjectContact, RemoteID: id, Version: version, ModifiedAt: mod}
	if isCompany(c) {
		ch.Object = sdk.ObjectCompany
	}
	if rev, err := c.Revision(); err == nil && !rev.IsZero() {
		ch.ModifiedAt = rev
	}
	ch.Values = cardValues(c)
	if first(ch.Values["fn"]) == "" && first(ch.Values["given_name"])+first(ch.Values["family_name"]) == "" {
		return sdk.Change{Op: sdk.OpUpsert, Object: ch.Object, RemoteID: id, Version: version,
			ModifiedAt: ch.ModifiedAt, Error: "the vCard has an empty FN and no N: nobody to sync"}
	}
	ch.Record = valuesRecord(ch.Object, id, ch.Values)
	return ch
}

// cardValues reads the remote fields of a card.
func cardValues(c vcard.Card) map[string][]string {
	v := map[string][]string{}
	put := func(k string, vals ...string) {
		for _, s := range vals {
			if s = strings.TrimSpace(s); s != "" {
				v[k] = append(v[k], s)
			}
		}
	}
	put("fn", c.Value(vcard.FieldFormattedName))
	if n := c.Name(); n != nil {
		put("given_name", n.GivenName)
		put("family_name", n.FamilyName)
	}
	put("email", c.Values(vcard.FieldEmail)...)
	for _, f := range c[vcard.FieldTelephone] {
		if f.Params.HasType("cell") {
			put("tel_cell", f.Value)
		} else {
			put("tel", f.Value)
		}
	}
	if org := c.Get(vcard.FieldOrganization); org != nil {
		put("org", strings.Split(org.Value, ";")[0])
	}
	put("title", c.Value(vcard.FieldTitle))
	put("note", c.Value(vcard.FieldNote))
	put("categories", c.Categories()...)
	put("url", c.Values(vcard.FieldURL)...)
	put("bday", c.Value(vcard.FieldBirthday))
	put("uid", c.Value(vcard.FieldUID))
	put("rev", c.Value(vcard.FieldRevision))
	return v
}

// valuesRecord is the default mapping of remote values onto Portico's
// record, the one DescribeRemote's DefaultTarget names.
func valuesRecord(object, id string, v map[string][]string) sdk.Record {
	name := first(v["fn"])
	if name == "" {
		name = strings.TrimSpace(first(v["given_name"]) + " " + first(v["family_name"]))
	}
	if object == sdk.ObjectCompany {
		return sdk.Record{Company: &sdk.Company{ExternalID: id, Name: name, Domains: domains(v["url"]),
			Notes: first(v["note"]), Tags: v["categories"]}}
	}
	return sdk.Record{Contact: &sdk.Contact{ExternalID: id, Name: name, Emails: v["email"],
		Phone: first(v["tel"]), Mobile: first(v["tel_cell"]), JobTitle: first(v["title"]),
		CompanyName: first(v["org"]), About: first(v["note"]), Tags: v["categories"]}}
}

// domains are the hosts of a company's web sites.
func domains(urls []string) []string {
	var out []string
	for _, s := range urls {
		if !strings.Contains(s, "://") {
			s = "https://" + s
		}
		if u, err := url.Parse(s); err == nil && u.Hostname() != "" {
			out = append(out, strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."))
		}
	}
	return out
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
