package main

import (
	"strings"

	"github.com/emersion/go-vcard"

	"github.com/portico-hub/portico/plugins/sdk"
)

// recordValues is the default mapping the other way, for a Push that sends
// a record and no remote values: every field the record maps to.
func recordValues(r sdk.Record) map[string][]string {
	if c := r.Company; c != nil {
		urls := make([]string, len(c.Domains))
		for i, d := range c.Domains {
			urls[i] = "https://" + d
		}
		return map[string][]string{"fn": some(c.Name), "url": urls, "note": some(c.Notes), "categories": c.Tags}
	}
	c := r.Contact
	if c == nil {
		return nil
	}
	return map[string][]string{"fn": some(c.Name), "email": c.Emails, "tel": some(c.Phone),
		"tel_cell": some(c.Mobile), "org": some(c.CompanyName), "title": some(c.JobTitle),
		"note": some(c.About), "categories": c.Tags}
}

func some(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// applyValues replaces the named fields of a card and leaves the others,
// so what the address book holds beyond the mapping (photos, addresses)
// survives Portico's writes.
func applyValues(c vcard.Card, v map[string][]string) {
	set := func(field string, vals []string) {
		delete(c, field)
		for _, s := range vals {
			c.AddValue(field, s)
		}
	}
	for k, vals := range v {
		switch k {
		case "fn":
			set(vcard.FieldFormattedName, vals)
		case "email":
			set(vcard.FieldEmail, vals)
		case "tel", "tel_cell":
			setPhones(c, k == "tel_cell", vals)
		case "org":
			set(vcard.FieldOrganization, vals)
		case "title":
			set(vcard.FieldTitle, vals)
		case "note":
			set(vcard.FieldNote, vals)
		case "categories":
			delete(c, vcard.FieldCategories)
			if len(vals) > 0 {
				c.SetCategories(vals)
			}
		case "url":
			set(vcard.FieldURL, vals)
		case "bday":
			set(vcard.FieldBirthday, vals)
		case "given_name", "family_name":
			setName(c, k, first(vals))
		}
	}
	if c.Value(vcard.FieldFormattedName) == "" {
		c.SetValue(vcard.FieldFormattedName, strings.TrimSpace(cardName(c)))
	}
}

// setPhones replaces the mobile numbers or the other ones, keeping the rest.
func setPhones(c vcard.Card, cell bool, vals []string) {
	var keep []*vcard.Field
	for _, f := range c[vcard.FieldTelephone] {
		if f.Params.HasType("cell") != cell {
			keep = append(keep, f)
		}
	}
	for _, s := range vals {
		f := &vcard.Field{Value: s, Params: vcard.Params{}}
		if cell {
			f.Params.Set(vcard.ParamType, vcard.TypeCell)
		}
		keep = append(keep, f)
	}
	c[vcard.FieldTelephone] = keep
	if len(keep) == 0 {
		delete(c, vcard.FieldTelephone)
	}
}

func setName(c vcard.Card, part, value string) {
	n := c.Name()
	if n == nil {
		n = &vcard.Name{}
	}
	if part == "given_name" {
		n.GivenName = value
	} else {
		n.FamilyName = value
	}
	c.SetName(n)
}

func cardName(c vcard.Card) string {
	if n := c.Name(); n != nil {
		return n.GivenName + " " + n.FamilyName
	}
	return ""
}

// newCard starts a vCard 4.0 for a created record.
func newCard(object, uid string) vcard.Card {
	c := vcard.Card{}
	c.SetValue(vcard.FieldVersion, "4.0")
	c.SetValue(vcard.FieldUID, uid)
	if object == sdk.ObjectCompany {
		c.SetKind(vcard.KindOrganization)
	}
	return c
}
