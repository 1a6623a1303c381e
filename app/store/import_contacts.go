package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// importContactCols are the columns scanImportContact reads, for a query over
// contacts c. Each contact's addresses, tags and company names come as
// JSON arrays in its row, instead of from three more queries each
// returning a row per list item.
const importContactCols = `c.id, c.state, c.name, c.job_title, c.phone, c.mobile, c.language, c.time_zone,
	coalesce(c.external_id, ''), coalesce(c.twitter_id, ''), c.address, c.about,
	(SELECT json_group_array(email) FROM (SELECT email FROM contact_emails WHERE contact_id = c.id ORDER BY is_primary DESC, id)),
	(SELECT json_group_array(name) FROM (SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
		WHERE ct.contact_id = c.id ORDER BY t.name_norm)),
	(SELECT json_group_array(co.name) FROM contact_companies cc JOIN companies co ON co.id = cc.company_id
		WHERE cc.contact_id = c.id),
	coalesce((SELECT name FROM companies WHERE id = c.company_id), ''),
	(SELECT json_group_array(co.name) FROM contact_companies cc JOIN companies co ON co.id = cc.company_id
		WHERE cc.contact_id = c.id AND cc.view_all_tickets)`

// scanImportContact reads importContactCols, after the columns in before.
func scanImportContact(scan func(...any) error, before ...any) (*ImportContact, error) {
	c := &ImportContact{}
	f := &c.Fields
	var emails, tags, companies, seesAll []byte
	dest := append(before, &c.ID, &c.State, &f.Name, &f.JobTitle, &f.Phone, &f.Mobile, &f.Language, &f.TimeZone,
		&f.ExternalID, &f.TwitterID, &f.Address, &f.About, &emails, &tags, &companies, &c.DefaultCompany, &seesAll)
	if err := scan(dest...); err != nil {
		return nil, err
	}
	for _, l := range []struct {
		js   []byte
		into *[]string
	}{{emails, &c.Emails}, {tags, &c.Tags}, {companies, &c.Companies}, {seesAll, &c.SeesAll}} {
		if err := decodeNames(l.js, l.into); err != nil {
			return nil, fmt.Errorf("contact %d: %w", c.ID, err)
		}
	}
	return c, nil
}

// loadContacts fills in every contact whose id is a key of into and
// whose value is still nil.
func (b *ImportTx) loadContacts(ctx context.Context, into map[int64]*ImportContact) error {
	var ids []any
	for id, c := range into {
		if c == nil {
			ids = append(ids, id)
		}
	}
	return b.each(ctx, `SELECT `+importContactCols+` FROM contacts c WHERE c.id IN (%s)`, ids, func(scan func(...any) error) error {
		c, err := scanImportContact(scan)
		if err != nil {
			return err
		}
		into[c.ID] = c
		return nil
	})
}

// decodeNames decodes a JSON array of strings, leaving an empty one nil
// as the lists of a contact without any are. An array without escapes,
// as nearly all are, is split where one string ends and the next starts,
// which costs a fraction of json.Unmarshal; a re-import reads one for
// each list of every contact it matches.
func decodeNames(js []byte, into *[]string) error {
	switch {
	case string(js) == "[]":
		return nil
	case len(js) >= 4 && js[0] == '[' && js[1] == '"' && js[len(js)-2] == '"' && js[len(js)-1] == ']' &&
		!bytes.ContainsRune(js, '\\'):
		*into = strings.Split(string(js[2:len(js)-2]), `","`)
		return nil
	}
	return json.Unmarshal(js, into)
}
