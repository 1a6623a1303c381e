package imports

import (
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/importfile"
	"github.com/portico-hub/portico/app/model"
	"github.com/portico-hub/portico/app/store"
)

// merge lays a row over a stored contact and returns the update it
// makes, or why the row fails.
func (pl *planner) merge(p *parsed, c *store.ImportContact, l *store.ImportLookup) (store.ContactUpdate, string) {
	in := pl.mergedInput(p, c)
	var added []string
	for i, n := range p.norms {
		if !hasEmail(c.Emails, n) {
			added = append(added, p.emails[i])
		}
	}
	access, accessChange, why := pl.access(p, c)
	if why != "" {
		return store.ContactUpdate{}, why
	}
	if len(added) == 0 && unchanged(in, c) && hasCompanies(c, p.companies) && access == nil {
		return store.ContactUpdate{}, ""
	}
	in.Emails = append(slices.Clone(c.Emails), added...)
	f, _, tags, err := in.Validate()
	if err != nil {
		return store.ContactUpdate{}, reason(pl.m.Locate(p.row, err))
	}
	if why := taken(added, normsOf(added), c.ID, l); why != "" {
		return store.ContactUpdate{}, why
	}
	if why := takenKey(f, c.ID, l); why != "" {
		return store.ContactUpdate{}, why
	}
	u := store.ContactUpdate{ID: c.ID, Fields: f, AddEmails: added, Changes: diff(c.Fields, f)}
	for _, e := range added {
		u.Changes = append(u.Changes, model.Change{Field: "email", To: e})
	}
	if !sameTags(c.Tags, tags) {
		u.Tags, u.SetTags = tags, true
		u.Changes = append(u.Changes, model.Change{Field: "tags", From: strings.Join(c.Tags, ", "), To: strings.Join(tags, ", ")})
	}
	for _, name := range p.companies {
		if !hasCompany(c, name) {
			u.Changes = append(u.Changes, model.Change{Field: "company", To: name})
		}
	}
	if access != nil {
		u.Access = access
		u.Changes = append(u.Changes, *accessChange)
	}
	return u, ""
}

// unchanged reports whether a merged row is the stored contact as it is,
// text for text: such a row changes nothing, and its values, being the
// stored ones, need no checking.
func unchanged(in contact.Input, c *store.ImportContact) bool {
	f := c.Fields
	return in.Name == f.Name && in.JobTitle == f.JobTitle && in.Phone == f.Phone && in.Mobile == f.Mobile &&
		in.Language == f.Language && in.TimeZone == f.TimeZone && in.ExternalID == f.ExternalID && in.About == f.About &&
		in.TwitterID == f.TwitterID && in.Address == f.Address &&
		in.Tags == strings.Join(c.Tags, ",")
}

func hasCompanies(c *store.ImportContact, names []string) bool {
	for _, name := range names {
		if !hasCompany(c, name) {
			return false
		}
	}
	return true
}

func hasCompany(c *store.ImportContact, name string) bool {
	return slices.ContainsFunc(c.Companies, func(have string) bool { return strings.EqualFold(have, name) })
}

// mergedInput is the contact's fields with the row's mapped cells laid
// over them, blanks kept or cleared as the import asks.
func (pl *planner) mergedInput(p *parsed, c *store.ImportContact) contact.Input {
	f, row := c.Fields, p.rec.Input
	in := contact.InputOf(f)
	in.Tags = strings.Join(c.Tags, ",")
	over := []struct {
		has  bool
		dst  *string
		cell string
	}{
		{pl.m.Has(importfile.Name) || pl.m.Has(importfile.FirstName) || pl.m.Has(importfile.LastName), &in.Name, row.Name},
		{pl.m.Has(importfile.JobTitle), &in.JobTitle, row.JobTitle},
		{pl.m.Has(importfile.Phone), &in.Phone, row.Phone},
		{pl.m.Has(importfile.Mobile), &in.Mobile, row.Mobile},
		{pl.m.Has(importfile.Language), &in.Language, row.Language},
		{pl.m.Has(importfile.TimeZone), &in.TimeZone, row.TimeZone},
		{pl.m.Has(importfile.ExternalID), &in.ExternalID, row.ExternalID},
		{pl.m.Has(importfile.TwitterID), &in.TwitterID, row.TwitterID},
		{pl.m.Has(importfile.Address), &in.Address, row.Address},
		{pl.m.Has(importfile.About), &in.About, row.About},
		{pl.m.Has(importfile.Tags), &in.Tags, row.Tags},
	}
	for _, o := range over {
		switch {
		case !o.has:
		case strings.TrimSpace(o.cell) != "":
			*o.dst = o.cell
		case pl.params.Blank == BlankClear:
			*o.dst = ""
		}
	}
	return in
}

// sameTags compares tag sets as tags are compared: ignoring case and order.
func sameTags(a, b []string) bool {
	fold := func(tags []string) []string {
		out := make([]string, len(tags))
		for i, t := range tags {
			out[i] = strings.ToLower(t)
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(fold(a), fold(b))
}

func hasEmail(emails []string, norm string) bool {
	for _, e := range emails {
		if store.NormEmail(e) == norm {
			return true
		}
	}
	return false
}

func normsOf(emails []string) []string {
	out := make([]string, len(emails))
	for i, e := range emails {
		out[i] = store.NormEmail(e)
	}
	return out
}

// diff lists the fields that differ, as the audit trail records them.
func diff(a, b model.ContactFields) []model.Change {
	var out []model.Change
	for _, f := range [][3]string{
		{"name", a.Name, b.Name}, {"job_title", a.JobTitle, b.JobTitle}, {"phone", a.Phone, b.Phone},
		{"mobile", a.Mobile, b.Mobile}, {"language", a.Language, b.Language}, {"time_zone", a.TimeZone, b.TimeZone},
		{"external_id", a.ExternalID, b.ExternalID}, {"twitter_id", a.TwitterID, b.TwitterID}, {"address", a.Address, b.Address},
		{"about", a.About, b.About},
	} {
		if f[1] != f[2] {
			out = append(out, model.Change{Field: f[0], From: f[1], To: f[2]})
		}
	}
	return out
}
