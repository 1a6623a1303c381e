package crmsync

import (
	"context"
	"slices"
	"strings"

	"github.com/portico-hub/portico/app/contact"
	"github.com/portico-hub/portico/app/model"
)

// createContact creates a Portico contact from the target values, through
// the contact service.
func (e *Engine) createContact(ctx context.Context, actor model.Actor, t values) (int64, error) {
	in := input(contact.Input{}, t)
	in.Emails = t["emails"]
	in.Tags = strings.Join(t["tags"], ",")
	return e.Contacts.Create(ctx, actor, in)
}

// updateContact gives a contact the target values of fields: its scalar
// fields in one update, then its tags, then its addresses.
func (e *Engine) updateContact(ctx context.Context, actor model.Actor, c *model.Contact, t values, fields []string) error {
	scalar := slices.ContainsFunc(fields, func(f string) bool { return !multiFields[f] })
	if scalar {
		in := input(contact.InputOf(model.ContactFields{Name: c.Name, JobTitle: c.JobTitle, Phone: c.Phone, Mobile: c.Mobile,
			Language: c.Language, TimeZone: c.TimeZone, ExternalID: c.ExternalID, TwitterID: c.TwitterID, Address: c.Address,
			About: c.About}), pick(t, fields))
		if err := e.Contacts.Update(ctx, actor, c.ID, in); err != nil {
			return err
		}
	}
	if slices.Contains(fields, "tags") {
		if err := e.Contacts.SetTags(ctx, actor, c.ID, strings.Join(t["tags"], ",")); err != nil {
			return err
		}
	}
	if slices.Contains(fields, "emails") {
		return e.setEmails(ctx, actor, c, t["emails"])
	}
	return nil
}

// setEmails makes a contact's addresses want, the first primary: it adds
// the new ones, promotes the first, then removes the others.
func (e *Engine) setEmails(ctx context.Context, actor model.Actor, c *model.Contact, want []string) error {
	have := map[string]model.Email{}
	for _, em := range c.Emails {
		have[strings.ToLower(em.Address)] = em
	}
	for _, w := range want {
		if _, ok := have[strings.ToLower(w)]; !ok {
			if err := e.Contacts.AddEmail(ctx, actor, c.ID, w); err != nil {
				return err
			}
		}
	}
	now, err := e.Store.Contact(ctx, c.ID)
	if err != nil {
		return err
	}
	for _, em := range now.Emails {
		if len(want) > 0 && strings.EqualFold(em.Address, want[0]) && !em.Primary {
			if err := e.Store.PromoteEmail(ctx, actor, c.ID, em.ID); err != nil {
				return err
			}
		}
	}
	for _, em := range now.Emails {
		if !slices.ContainsFunc(want, func(w string) bool { return strings.EqualFold(w, em.Address) }) {
			if err := e.Store.RemoveEmail(ctx, actor, c.ID, em.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// input lays the target's scalar fields over a form.
func input(in contact.Input, t values) contact.Input {
	set := map[string]*string{"name": &in.Name, "phone": &in.Phone, "mobile": &in.Mobile, "job_title": &in.JobTitle,
		"about": &in.About, "language": &in.Language, "time_zone": &in.TimeZone, "external_id": &in.ExternalID,
		"twitter_id": &in.TwitterID, "address": &in.Address}
	for f, v := range t {
		if p, ok := set[f]; ok {
			*p = first(v)
		}
	}
	return in
}

func pick(t values, fields []string) values {
	out := values{}
	for _, f := range fields {
		out[f] = t[f]
	}
	return out
}
