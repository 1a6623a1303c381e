package store

import "context"

// loadContacts fills in every contact whose id is a key of into.
func (b *ImportTx) loadContacts(ctx context.Context, into map[int64]*ImportContact) error {
	if len(into) == 0 {
		return nil
	}
	ids := make([]any, 0, len(into))
	for id := range into {
		ids = append(ids, id)
	}
	err := b.each(ctx, `SELECT id, state, name, job_title, phone, mobile, language, time_zone, coalesce(external_id, ''), about
		FROM contacts WHERE id IN (%s)`, ids, func(scan func(...any) error) error {
		c := &ImportContact{}
		f := &c.Fields
		if err := scan(&c.ID, &c.State, &f.Name, &f.JobTitle, &f.Phone, &f.Mobile, &f.Language, &f.TimeZone, &f.ExternalID, &f.About); err != nil {
			return err
		}
		into[c.ID] = c
		return nil
	})
	if err != nil {
		return err
	}
	lists := []struct {
		sql string
		add func(c *ImportContact, v string)
	}{
		{`SELECT contact_id, email FROM contact_emails WHERE contact_id IN (%s) ORDER BY contact_id, is_primary DESC, id`,
			func(c *ImportContact, v string) { c.Emails = append(c.Emails, v) }},
		{`SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id IN (%s)
			ORDER BY ct.contact_id, t.name_norm`, func(c *ImportContact, v string) { c.Tags = append(c.Tags, v) }},
		{`SELECT cc.contact_id, co.name FROM contact_companies cc JOIN companies co ON co.id = cc.company_id
			WHERE cc.contact_id IN (%s)`, func(c *ImportContact, v string) { c.Companies = append(c.Companies, v) }},
	}
	for _, l := range lists {
		err := b.each(ctx, l.sql, ids, func(scan func(...any) error) error {
			var id int64
			var v string
			if err := scan(&id, &v); err != nil {
				return err
			}
			if c := into[id]; c != nil {
				l.add(c, v)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
