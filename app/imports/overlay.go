package imports

import (
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// patch lays the overlay over a batch's lookup.
func (o *overlay) patch(l *store.ImportLookup, rows []*parsed, match Match) {
	for id := range l.Contacts {
		if c, ok := o.contacts[id]; ok {
			l.Contacts[id] = c
		}
	}
	for _, p := range rows {
		for _, k := range ownKeys(p, match) {
			id, ok := o.keys[k]
			if !ok {
				continue
			}
			l.Contacts[id] = o.contacts[id]
			switch val := k[2:]; k[0] {
			case 'e':
				l.ByEmail[val] = id
			case 'x':
				l.ByExternal[val] = id
			case 't':
				l.ByHandle[val] = id
			case 'p':
				if !slices.Contains(l.ByPhone[val], id) {
					l.ByPhone[val] = append(l.ByPhone[val], id)
				}
			}
		}
	}
}

// record keeps what a planned step would write, when a later row of the
// file can reach it.
func (o *overlay) record(s step, l *store.ImportLookup, match Match) {
	var c *store.ImportContact
	switch s.out {
	case outCreate:
		o.next--
		c = &store.ImportContact{ID: o.next, State: model.StateUnverified, Fields: s.create.Fields,
			Emails: s.create.Emails, Tags: s.create.Tags, Companies: s.p.companies}
		if len(s.p.companies) > 0 {
			c.DefaultCompany = s.p.companies[0]
		}
		if s.create.ViewAllTickets {
			c.SeesAll = s.p.companies[:1]
		}
	case outUpdate:
		old := l.Contacts[s.update.ID]
		c = &store.ImportContact{ID: old.ID, State: old.State, Fields: s.update.Fields,
			Emails: append(slices.Clone(old.Emails), s.update.AddEmails...), Tags: old.Tags, Companies: old.Companies,
			DefaultCompany: old.DefaultCompany, SeesAll: seesAllAfter(old.SeesAll, s.update.Access)}
		if c.DefaultCompany == "" && len(s.p.companies) > 0 {
			c.DefaultCompany = s.p.companies[0]
		}
		if s.update.SetTags {
			c.Tags = s.update.Tags
		}
		c.Companies = appendNew(c.Companies, s.p.companies)
	default:
		return
	}
	keys := contactKeys(c, match)
	if !o.repeated(keys) {
		return
	}
	o.contacts[c.ID] = c
	for _, k := range keys {
		o.keys[k] = c.ID
	}
}

// contactKeys are the keys by which rows reach a contact.
func contactKeys(c *store.ImportContact, match Match) []string {
	var out []string
	for _, e := range c.Emails {
		out = append(out, "e:"+store.NormEmail(e))
	}
	if c.Fields.ExternalID != "" {
		out = append(out, "x:"+c.Fields.ExternalID)
	}
	if c.Fields.TwitterID != "" {
		out = append(out, "t:"+strings.ToLower(c.Fields.TwitterID))
	}
	if match == MatchPhone {
		for _, ph := range []string{c.Fields.Phone, c.Fields.Mobile} {
			if ph != "" {
				out = append(out, "p:"+ph)
			}
		}
	}
	return out
}

func appendNew(have, more []string) []string {
	out := slices.Clone(have)
	for _, m := range more {
		if !slices.ContainsFunc(out, func(h string) bool { return strings.EqualFold(h, m) }) {
			out = append(out, m)
		}
	}
	return out
}
