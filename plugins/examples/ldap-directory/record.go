package main

import (
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/go-ldap/ldap/v3"

	"github.com/portico-hub/portico/plugins/sdk"
)

// maxText bounds a free-text field, so one entry with a huge description
// cannot push a batch past the host's message limit.
const maxText = 4000

// entryID is the person's stable identifier: the id attribute, hex-encoded
// when binary (Active Directory's objectGUID), else the DN.
func (d *directory) entryID(e *ldap.Entry) string {
	raw := e.GetRawAttributeValue(d.cfg.IDAttribute)
	switch {
	case len(raw) == 0:
		return e.DN
	case utf8.Valid(raw):
		return string(raw)
	}
	return hex.EncodeToString(raw)
}

// records maps one entry to its contact, preceded by its company when the
// batch has not carried that company yet. An entry with neither a name,
// an address nor a phone number gives nothing.
func (d *directory) records(e *ldap.Entry, id string, companies map[string]bool) []sdk.Record {
	m := d.cfg.Attributes
	c := &sdk.Contact{ExternalID: id, Emails: emails(e, m), Phone: first(e, m.Phone),
		Mobile: first(e, m.Mobile), JobTitle: first(e, m.Title), About: clip(first(e, m.About))}
	c.Name = first(e, m.Name)
	if c.Name == "" {
		c.Name = strings.TrimSpace(first(e, m.GivenName) + " " + first(e, m.Surname))
	}
	if c.Name == "" && len(c.Emails) == 0 && c.Phone == "" && c.Mobile == "" {
		return nil
	}
	var out []sdk.Record
	if org := first(e, m.Organisation); org != "" {
		c.CompanyName, c.CompanyExternalID = org, "org:"+strings.ToLower(org)
		if !companies[c.CompanyExternalID] {
			companies[c.CompanyExternalID] = true
			out = append(out, sdk.Record{Company: &sdk.Company{ExternalID: c.CompanyExternalID, Name: org}})
		}
	}
	return append(out, sdk.Record{Contact: c})
}

// first returns the first non-empty value of the first attribute that has one.
func first(e *ldap.Entry, attrs []string) string {
	for _, a := range attrs {
		for _, v := range e.GetAttributeValues(a) {
			if v = strings.TrimSpace(v); v != "" {
				return v
			}
		}
	}
	return ""
}

// emails gathers the primary addresses, then the secondary ones, without
// repeats. Active Directory's proxyAddresses hold "smtp:addr" next to
// X.400 and SIP addresses; only SMTP ones are addresses here.
func emails(e *ldap.Entry, m mapping) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range append(append([]string{}, m.Email...), m.SecondaryEmails...) {
		for _, v := range e.GetAttributeValues(a) {
			v = strings.TrimSpace(v)
			if len(v) > 5 && strings.EqualFold(v[:5], "smtp:") {
				v = v[5:]
			}
			if key := strings.ToLower(v); strings.Contains(v, "@") && !strings.ContainsAny(v, " :") && !seen[key] {
				seen[key] = true
				out = append(out, v)
			}
		}
	}
	return out
}

// clip cuts s to maxText bytes at a character boundary.
func clip(s string) string {
	if len(s) <= maxText {
		return s
	}
	cut := maxText
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
